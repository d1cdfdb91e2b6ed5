/**
 * Tokens: refresh rotation and replay detection, concurrent refresh, expiry;
 * JWTs at the GraphQL endpoint and Supabase-style RLS; rate limits.
 */
import t from "tap";
import jwt from "jsonwebtoken";
import { ANON_KEY, AUTH_TEST_ENV, makeClient, SERVICE_ROLE_KEY, uniqueEmail } from "../helpers/auth.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { graphql, startTestSystem, TEST_JWT_SECRET } from "../helpers/system.ts";

const db = await createTestDatabase(t);
// A table written the Supabase way, before the server builds its schema.
await db.root.query(`
  create table app_public.notes (
    id bigint generated always as identity primary key,
    user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
    body text not null
  );
  create index on app_public.notes (user_id);
  alter table app_public.notes enable row level security;
  create policy "own notes" on app_public.notes for all to authenticated
    using ((select auth.uid()) = user_id) with check ((select auth.uid()) = user_id);
  grant select, insert (body), delete on app_public.notes to authenticated;
  grant select on app_public.notes to service_role;
`);
const sys = await startTestSystem(t, { db, env: AUTH_TEST_ENV });

interface Session {
  access_token: string;
  refresh_token: string;
  user: { id: string };
}
async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${sys.url}/auth/v1${path}`, {
    method: "POST",
    headers: { apikey: ANON_KEY, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Session & { code?: string } };
}
const refresh = (token: string, headers?: Record<string, string>) =>
  post("/token?grant_type=refresh_token", { refresh_token: token }, headers);
async function newUser(): Promise<Session> {
  const r = await post("/signup", { email: uniqueEmail(), password: "correct horse" });
  return r.body;
}

t.test("refresh rotates the token; the old one returns the live one for 10 s", async (t) => {
  const s = await newUser();
  t.ok(s.refresh_token.length >= 43, "at least 32 random bytes");
  const r1 = await refresh(s.refresh_token);
  t.equal(r1.status, 200);
  t.not(r1.body.refresh_token, s.refresh_token, "rotated");
  t.equal(r1.body.user.id, s.user.id, "with the user");
  const again = await refresh(s.refresh_token);
  t.equal(again.status, 200, "reuse inside the interval is allowed");
  t.equal(again.body.refresh_token, r1.body.refresh_token, "and answers the current child");
  const r2 = await refresh(r1.body.refresh_token);
  const third = await refresh(s.refresh_token);
  t.equal(third.body.refresh_token, r2.body.refresh_token, "two rotations later: still the live token");
  const stored = await db.root.query<{ n: number }>("select count(*)::int as n from auth.refresh_tokens where token = $1", [
    s.refresh_token,
  ]);
  t.equal(stored.rows[0]!.n, 0, "tokens are stored hashed, never as issued");
});

t.test("a replay after the interval revokes the whole session", async (t) => {
  const s = await newUser();
  const r1 = await refresh(s.refresh_token);
  await db.root.query("update auth.refresh_tokens set updated_at = now() - interval '11 seconds' where revoked");
  const replay = await refresh(s.refresh_token);
  t.equal(replay.status, 400);
  t.equal(replay.body.code, "refresh_token_already_used");
  const child = await refresh(r1.body.refresh_token);
  t.equal(child.status, 400, "the legitimate child is revoked too");
  t.equal(child.body.code, "refresh_token_already_used");
});

t.test("parallel refreshes of one token do not sign the user out", async (t) => {
  const s = await newUser();
  const results = await Promise.all(Array.from({ length: 5 }, () => refresh(s.refresh_token)));
  t.same(
    results.map((r) => r.status),
    [200, 200, 200, 200, 200],
  );
  t.equal(new Set(results.map((r) => r.body.refresh_token)).size, 1, "all got the same child");
  t.equal((await refresh(results[0]!.body.refresh_token)).status, 200, "which still works");
});

t.test("unknown token, ended session", async (t) => {
  const unknown = await refresh("x".repeat(43));
  t.equal(unknown.status, 400);
  t.equal(unknown.body.code, "refresh_token_not_found");
  const s = await newUser();
  await db.root.query("update auth.sessions set not_after = now() - interval '1 second' where user_id = $1", [s.user.id]);
  const expired = await refresh(s.refresh_token);
  t.equal(expired.status, 400);
  t.equal(expired.body.code, "session_expired");
});

t.test("a banned user keeps no session: the admin ban ends them, and a refresh is refused while banned", async (t) => {
  const s = await newUser();
  t.equal((await refresh(s.refresh_token)).status, 200, "not banned yet");
  const live = await newUser();
  // A ban recorded without ending the sessions (an operator's SQL): the refresh grant itself refuses.
  await db.root.query("update auth.users set banned_until = now() + interval '1 day' where id = $1", [live.user.id]);
  const refused = await refresh(live.refresh_token);
  t.equal(refused.status, 400);
  t.equal(refused.body.code, "user_banned");
  // Through the admin API the sessions end too.
  const ban = await fetch(`${sys.url}/auth/v1/admin/users/${s.user.id}`, {
    method: "PUT",
    headers: { apikey: SERVICE_ROLE_KEY, authorization: `Bearer ${SERVICE_ROLE_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ ban_duration: "24h" }),
  });
  t.equal(ban.status, 200);
  const { rows } = await db.root.query("select 1 from auth.sessions where user_id = $1", [s.user.id]);
  t.equal(rows.length, 0, "sessions ended");
});

t.test("the official client refreshes and keeps the user signed in", async (t) => {
  const client = makeClient("auth-js", sys.url);
  const email = uniqueEmail();
  await client.signUp({ email, password: "correct horse" });
  const before = (await client.getSession()).data.session!;
  const { data, error } = await client.refreshSession();
  t.equal(error, null);
  t.not(data.session?.refresh_token, before.refresh_token);
  t.equal((await client.getUser()).data.user?.email, email);
});

t.test("GraphQL: roles and RLS from the token, as on Supabase", async (t) => {
  const a = await newUser();
  const b = await newUser();
  const as = (s: Session) => ({ authorization: `Bearer ${s.access_token}` });
  const create = `mutation($body: String!) { createNote(input: { note: { body: $body } }) { note { body userId } } }`;
  const r = await graphql(sys.url, create, { body: "a's note" }, as(a));
  t.same(r.body.data, { createNote: { note: { body: "a's note", userId: a.user.id } } }, "user_id defaults to auth.uid()");
  await graphql(sys.url, create, { body: "b's note" }, as(b));

  const list = "{ notes { nodes { body } } }";
  t.same((await graphql(sys.url, list, {}, as(a))).body.data, { notes: { nodes: [{ body: "a's note" }] } }, "a sees only a's");
  t.same((await graphql(sys.url, list, {}, as(b))).body.data, { notes: { nodes: [{ body: "b's note" }] } }, "b sees only b's");
  const anon = await graphql(sys.url, list, {}, { apikey: ANON_KEY });
  t.ok(anon.body.errors?.length, "anon has no grant: refused");
  const service = await graphql(sys.url, list, {}, { apikey: SERVICE_ROLE_KEY });
  t.equal((service.body.data as { notes: { nodes: unknown[] } }).notes.nodes.length, 2, "service_role bypasses RLS");

  const forged = jwt.sign({ sub: b.user.id, role: "authenticated" }, "another-secret-of-at-least-32-characters!", { algorithm: "HS256" });
  const f = await graphql(sys.url, list, {}, { authorization: `Bearer ${forged}` });
  t.equal(f.status, 401, "a token signed with another secret is refused");
  const expired = jwt.sign({ sub: a.user.id, role: "authenticated", exp: Math.floor(Date.now() / 1000) - 10 }, TEST_JWT_SECRET, {
    algorithm: "HS256",
  });
  const e = await graphql(sys.url, list, {}, { authorization: `Bearer ${expired}` });
  t.equal(e.status, 401, "an expired token is refused");
  t.match(e.body.errors?.[0]?.message, /expired/i);
  const bogusRole = jwt.sign({ sub: a.user.id, role: "postgres" }, TEST_JWT_SECRET, { algorithm: "HS256" });
  t.equal((await graphql(sys.url, list, {}, { authorization: `Bearer ${bogusRole}` })).status, 401, "only the request roles are accepted");
});
