/** app_public.profiles: created with the user; RLS — who may read and write. */
import t from "tap";
import { createTestDatabase } from "./helpers/db.ts";

const db = await createTestDatabase(t);

async function newUser(email: string, meta: Record<string, unknown> = {}): Promise<string> {
  const { rows } = await db.root.query<{ id: string }>("insert into auth.users (email, raw_user_meta_data) values ($1, $2) returning id", [
    email,
    meta,
  ]);
  return rows[0]!.id;
}

/** Run `sql` as a request role with the given user's claims, as the server does. */
async function as<T>(role: "anon" | "authenticated" | "service_role", sub: string | null, sql: string, params: unknown[] = []) {
  await db.root.query("begin");
  try {
    await db.root.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify({ role, ...(sub ? { sub } : {}) })]);
    await db.root.query(`set local role ${role}`);
    return (await db.root.query<T & Record<string, unknown>>(sql, params)).rows;
  } finally {
    await db.root.query("rollback");
  }
}

const alice = await newUser("alice@example.com", { display_name: "Alice" });
const bob = await newUser("bob@example.com");

t.test("a profile is created with each user: its handle from the display name, else random, never from the email", async (t) => {
  const { rows } = await db.root.query<{ id: string; handle: string; display_name: string | null }>(
    "select id, handle::text, display_name from app_public.profiles where id = any ($1) order by display_name nulls last",
    [[alice, bob]],
  );
  t.match(rows, [
    { id: alice, handle: "alice", display_name: "Alice" },
    { id: bob, handle: /^user_[a-z0-9]{6}$/, display_name: null },
  ]);
  const jane = await newUser("jane.doe.1984@example.com");
  const j = await db.root.query<{ handle: string }>("select handle::text from app_public.profiles where id = $1", [jane]);
  t.notMatch(j.rows[0]!.handle, /jane|doe|1984/, "the email's local part is not published");
});

t.test("handles stay unique: a taken one gets a number", async (t) => {
  const other = await newUser("someone@another.example", { display_name: "Alice" });
  const { rows } = await db.root.query<{ handle: string }>("select handle::text from app_public.profiles where id = $1", [other]);
  t.match(rows[0]!.handle, /^alice_\d+$/);
  const short = await newUser("x@example.com", { display_name: "X" });
  const s = await db.root.query<{ handle: string }>("select handle::text from app_public.profiles where id = $1", [short]);
  t.match(s.rows[0]!.handle, /^user_[a-z0-9]{6}$/, "too short: random");
});

t.test("anyone may read profiles", async (t) => {
  t.equal((await as("anon", null, "select * from app_public.profiles")).length >= 2, true);
  t.equal((await as("authenticated", bob, "select * from app_public.profiles where id = $1", [alice])).length, 1);
});

t.test("a user may update their own profile, not another's", async (t) => {
  const own = await as("authenticated", alice, "update app_public.profiles set display_name = 'Al' where id = $1 returning display_name", [
    alice,
  ]);
  t.same(own, [{ display_name: "Al" }]);
  t.same(
    await as("authenticated", bob, "update app_public.profiles set display_name = 'Hacked' where id = $1 returning id", [alice]),
    [],
    "someone else's profile: not found (the API answers NTFND)",
  );
  await t.rejects(as("anon", null, "update app_public.profiles set display_name = 'x'"), { code: "42501" }, "anon may not update");
});

t.test("handles are validated and unique (case-insensitively)", async (t) => {
  await db.root.query("update app_public.profiles set handle = 'bob' where id = $1", [bob]);
  await t.rejects(as("authenticated", alice, "update app_public.profiles set handle = 'BOB' where id = $1", [alice]), { code: "23505" });
  await t.rejects(as("authenticated", alice, "update app_public.profiles set handle = 'no spaces' where id = $1", [alice]), {
    code: "23514",
  });
});

t.test("nobody inserts or deletes profiles through the API, nor changes ids", async (t) => {
  await t.rejects(as("authenticated", alice, "insert into app_public.profiles (id, handle) values ($1, 'again')", [alice]), {
    code: "42501",
  });
  await t.rejects(as("authenticated", alice, "delete from app_public.profiles where id = $1", [alice]), { code: "42501" });
  await t.rejects(as("authenticated", alice, "update app_public.profiles set id = $2 where id = $1", [alice, bob]), { code: "42501" });
});

t.test("current_profile() is the signed-in user's", async (t) => {
  t.same(await as("authenticated", bob, "select (app_public.current_profile()).id as id"), [{ id: bob }]);
  t.same(await as("anon", null, "select (app_public.current_profile()).id as id"), [{ id: null }]);
});
