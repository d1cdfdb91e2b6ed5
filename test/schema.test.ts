import t from "tap";
import { readFileSync } from "node:fs";
import { buildSchema, getNamedType, isInputObjectType } from "graphql";
import { createPool } from "../db/pool.ts";
import { loadConfig } from "../lib/infra/config.ts";
import { buildSchemaSDL, SCHEMA_FILE } from "../server/graphql/schema-export.ts";
import { createTestDatabase, testLogger } from "./helpers/db.ts";

process.env.GRAPHILE_ENV ??= "test";

t.test("schema.graphql is what the migrations produce (run `npm run schema:export` after a migration)", async (t) => {
  const db = await createTestDatabase(t);
  const pool = createPool(db.authenticatorUrl, 2, "schema-test", testLogger);
  t.teardown(() => pool.end());
  const sdl = await buildSchemaSDL(loadConfig({ NODE_ENV: "test" }), pool, testLogger);
  const committed = readFileSync(SCHEMA_FILE, "utf8");
  t.equal(sdl, committed, "schema.graphql is stale: run `npm run schema:export` and commit it");
});

// Functions taking a row type (computed columns such as feed_entry_post) are
// also root query fields unless tagged `@behavior -queryField`; as root
// fields they accept any row the client makes up. SECURITY DEFINER ones then
// return data past RLS (feedEntryPost, sponsoredEntryPost did). Query fields
// take scalars, enums and connection conditions only.
t.test("no root query field takes a made-up row", async (t) => {
  const schema = buildSchema(readFileSync(SCHEMA_FILE, "utf8"));
  const offenders = Object.values(schema.getQueryType()!.getFields()).flatMap((f) =>
    f.args.filter((a) => isInputObjectType(getNamedType(a.type)) && a.name !== "condition").map((a) => `${f.name}(${a.name})`),
  );
  t.same(offenders, []);
});
