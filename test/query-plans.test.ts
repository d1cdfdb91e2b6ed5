/**
 * The hot reads use indexes and the inlined visibility rule: no per-row
 * calls of post_visible/can_see_post or the viewer_* helpers (those are
 * InitPlans, computed once per query).
 */
import t from "tap";
import { createTestDatabase } from "./helpers/db.ts";
import { createUser } from "./helpers/social.ts";

const db = await createTestDatabase(t);
const viewer = await createUser(db);
const author = await createUser(db);
await db.root.query(
  `
  insert into app_public.posts (author_id, body, audience, created_at)
  select $1, 'post ' || g, (array['public','followers','mutuals','only_me'])[1 + g % 4]::app_public.post_audience, now() - make_interval(mins => g)
    from generate_series(1, 2000) g`,
  [author],
);
await db.root.query(`insert into auth.users (email) select 'filler' || g || '@example.com' from generate_series(1, 500) g`);
await db.root.query("insert into app_public.followers (follower_id, following_id) values ($1, $2)", [viewer, author]);
await db.root.query("analyze");

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Relation Name"?: string;
  Filter?: string;
  "Parent Relationship"?: string;
  "Subplan Name"?: string;
  Plans?: PlanNode[];
}
function walk(node: PlanNode, visit: (n: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

async function explain(sql: string, params: unknown[]): Promise<PlanNode> {
  await db.root.query("begin");
  try {
    await db.root.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify({ sub: viewer, role: "authenticated" })]);
    await db.root.query("set local role authenticated");
    const { rows } = await db.root.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>(`explain (format json) ${sql}`, params);
    return rows[0]!["QUERY PLAN"][0]!.Plan;
  } finally {
    await db.root.query("rollback");
  }
}

const PER_ROW_CALLS = /post_visible|can_see_post|viewer_(following|follower|block|mute)_ids|is_blocked_pair|follows\(/;

for (const [name, sql, index] of [
  [
    "an author's posts, newest first",
    "select id from app_public.posts where author_id = $1 order by created_at desc, id desc limit 20",
    "posts_author_created_idx",
  ],
  ["a post by id", "select id from app_public.posts where id = $1", "posts_pkey"],
] as const) {
  t.test(name, async (t) => {
    const plan = await explain(sql, [name.startsWith("a post") ? "00000000-0000-0000-0000-000000000000" : author]);
    const indexes: string[] = [];
    const filters: string[] = [];
    let postsSeqScan = false;
    walk(plan, (n) => {
      if (n["Index Name"]) indexes.push(n["Index Name"]);
      if (n["Node Type"] === "Seq Scan" && n["Relation Name"] === "posts") postsSeqScan = true;
      if (n.Filter && n["Parent Relationship"] !== "InitPlan") filters.push(n.Filter);
    });
    t.ok(indexes.includes(index), `uses ${index} (used: ${indexes.join(", ")})`);
    t.notOk(postsSeqScan, "no sequential scan of posts");
    for (const f of filters) t.notMatch(f, PER_ROW_CALLS, "filter evaluates the inlined rule, no function per row");
  });
}
