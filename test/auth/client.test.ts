/**
 * The auth API through both official clients, as an app uses it
 * (autoconfirm on): sign-up, sign-in, user, update, sign-out, errors, admin.
 */
import t from "tap";
import { AUTH_TEST_ENV, CLIENT_KINDS, makeAdmin, makeClient, uniqueEmail } from "../helpers/auth.ts";
import { graphql, startTestSystem } from "../helpers/system.ts";

const sys = await startTestSystem(t, { env: { ...AUTH_TEST_ENV, AUTH_AUTOCONFIRM: "true" } });

for (const kind of CLIENT_KINDS) {
  t.test(kind, async (t) => {
    t.test("sign up returns a session and creates a profile", async (t) => {
      const client = makeClient(kind, sys.url);
      const email = uniqueEmail("Signup");
      const { data, error } = await client.signUp({ email, password: "correct horse", options: { data: { display_name: "Sig Nup" } } });
      t.equal(error, null);
      t.ok(data.session?.access_token, "session");
      t.equal(data.user?.email, email.toLowerCase(), "email lowercased");
      t.same(data.user?.user_metadata, { display_name: "Sig Nup" });
      t.same(data.user?.app_metadata, { provider: "email", providers: ["email"] });
      t.equal(data.user?.identities?.[0]?.provider, "email");
      t.ok(data.user?.email_confirmed_at, "confirmed (autoconfirm)");
      t.equal(data.session?.token_type, "bearer");
      t.ok(data.session!.expires_in > 90, "expires_in above the client's 90 s refresh margin");
      t.ok(Math.abs(data.session!.expires_at! - (Date.now() / 1000 + data.session!.expires_in)) < 5, "expires_at in seconds");

      const { rows } = await sys.db.root.query<{ handle: string; display_name: string | null }>(
        "select handle, display_name from app_public.profiles where id = $1",
        [data.user!.id],
      );
      t.match(rows[0], { handle: /^sig_nup/, display_name: "Sig Nup" });

      const gql = await graphql(
        sys.url,
        "{ currentProfile { rowId handle displayName } }",
        {},
        { authorization: `Bearer ${data.session!.access_token}` },
      );
      t.same(gql.body.data, { currentProfile: { rowId: data.user!.id, handle: rows[0]!.handle, displayName: "Sig Nup" } });
    });

    t.test("the access token carries GoTrue's claims", async (t) => {
      const client = makeClient(kind, sys.url);
      const email = uniqueEmail();
      const { data } = await client.signUp({ email, password: "correct horse" });
      const [header, payload] = data
        .session!.access_token.split(".")
        .slice(0, 2)
        .map((p) => JSON.parse(Buffer.from(p, "base64url").toString()) as Record<string, unknown>);
      t.match(header, { alg: "HS256", typ: "JWT" });
      t.match(payload, {
        sub: data.user!.id,
        aud: "authenticated",
        role: "authenticated",
        email,
        phone: "",
        app_metadata: { provider: "email", providers: ["email"] },
        user_metadata: {},
        aal: "aal1",
        amr: [{ method: "password" }],
        session_id: /^[0-9a-f-]{36}$/,
        is_anonymous: false,
      });
      t.equal((payload!.exp as number) - (payload!.iat as number), 900, "15 minutes");
    });

    t.test("sign in with password; errors have GoTrue's codes", async (t) => {
      const client = makeClient(kind, sys.url);
      const email = uniqueEmail();
      await client.signUp({ email, password: "correct horse" });
      const ok = await client.signInWithPassword({ email: email.toUpperCase(), password: "correct horse" });
      t.equal(ok.error, null);
      t.equal(ok.data.user?.email, email);

      const wrong = await client.signInWithPassword({ email, password: "wrong horse" });
      t.equal(wrong.error?.status, 400);
      t.equal(wrong.error?.code, "invalid_credentials");
      t.equal(wrong.error?.message, "Invalid login credentials");
      const unknown = await client.signInWithPassword({ email: uniqueEmail("nobody"), password: "correct horse" });
      t.equal(unknown.error?.code, "invalid_credentials", "unknown email looks the same");

      const again = await client.signUp({ email, password: "another one" });
      t.equal(again.error?.status, 422);
      t.equal(again.error?.code, "user_already_exists");

      const weak = await client.signUp({ email: uniqueEmail(), password: "12345" });
      t.equal(weak.error?.status, 422);
      t.equal(weak.error?.code, "weak_password");
      t.same((weak.error as { reasons?: string[] }).reasons, ["length"]);

      const bad = await client.signUp({ email: "not-an-email", password: "correct horse" });
      t.equal(bad.error?.status, 400);
      t.equal(bad.error?.code, "validation_failed");
    });

    t.test("get and update the user", async (t) => {
      const client = makeClient(kind, sys.url);
      const email = uniqueEmail();
      await client.signUp({ email, password: "correct horse", options: { data: { a: 1, b: 2 } } });
      const got = await client.getUser();
      t.equal(got.data.user?.email, email);

      const upd = await client.updateUser({ data: { b: null, c: 3 } });
      t.equal(upd.error, null);
      t.same(upd.data.user?.user_metadata, { a: 1, c: 3 }, "merged; null removes a key");

      const same = await client.updateUser({ password: "correct horse" });
      t.equal(same.error?.code, "same_password");

      // A second device, then a password change from the first: the second is signed out.
      const other = makeClient(kind, sys.url);
      await other.signInWithPassword({ email, password: "correct horse" });
      const changed = await client.updateUser({ password: "battery staple" });
      t.equal(changed.error, null);
      const otherUser = await other.getUser();
      t.ok(otherUser.error, "the other session ended");
      t.equal((await client.getUser()).error, null, "the current session goes on");
      t.equal((await other.signInWithPassword({ email, password: "battery staple" })).error, null, "new password works");

      const newEmail = uniqueEmail("moved");
      const moved = await client.updateUser({ email: newEmail });
      t.equal(moved.error, null);
      t.equal(moved.data.user?.email, newEmail, "autoconfirm: changed at once");
      const back = await client.updateUser({ email });
      t.equal(back.error, null, "the old address, now free, can be taken back");
    });

    t.test("an address another user has is refused", async (t) => {
      const a = makeClient(kind, sys.url);
      const b = makeClient(kind, sys.url);
      const emailA = uniqueEmail();
      await a.signUp({ email: emailA, password: "correct horse" });
      await b.signUp({ email: uniqueEmail(), password: "correct horse" });
      const r = await b.updateUser({ email: emailA });
      t.equal(r.error?.status, 422);
      t.equal(r.error?.code, "email_exists");
    });

    t.test("sign out: local, others, global", async (t) => {
      const email = uniqueEmail();
      const [c1, c2, c3] = [makeClient(kind, sys.url), makeClient(kind, sys.url), makeClient(kind, sys.url)];
      await c1.signUp({ email, password: "correct horse" });
      await c2.signInWithPassword({ email, password: "correct horse" });
      await c3.signInWithPassword({ email, password: "correct horse" });
      const c3Session = (await c3.getSession()).data.session!;

      t.equal((await c1.signOut({ scope: "others" })).error, null);
      t.equal((await c1.getUser()).error, null, "others: this one stays");
      t.ok((await c2.getUser()).error, "others: c2 ended");
      const refresh3 = await fetch(`${sys.url}/auth/v1/token?grant_type=refresh_token`, {
        method: "POST",
        headers: { apikey: (c3 as unknown as { headers: Record<string, string> }).headers.apikey!, "content-type": "application/json" },
        body: JSON.stringify({ refresh_token: c3Session.refresh_token }),
      });
      t.equal(refresh3.status, 400, "others: c3's refresh token is dead");

      const c4 = makeClient(kind, sys.url);
      await c4.signInWithPassword({ email, password: "correct horse" });
      t.equal((await c1.signOut({ scope: "local" })).error, null);
      t.equal((await c4.getUser()).error, null, "local: other sessions stay");

      const c5 = makeClient(kind, sys.url);
      await c5.signInWithPassword({ email, password: "correct horse" });
      t.equal((await c4.signOut()).error, null, "global is the default");
      const n = await sys.db.root.query<{ n: number }>(
        "select count(*)::int as n from auth.sessions s join auth.users u on u.id = s.user_id where u.email = $1",
        [email],
      );
      t.equal(n.rows[0]!.n, 0, "global: no session left");
    });

    t.test("admin API with the service_role key", async (t) => {
      const admin = makeAdmin(kind, sys.url);
      const email = uniqueEmail("staff");
      const created = await admin.createUser({
        email,
        password: "correct horse",
        email_confirm: true,
        app_metadata: { role: "moderator" },
        user_metadata: { x: 1 },
      });
      t.equal(created.error, null);
      const id = created.data.user!.id;
      t.same(created.data.user?.app_metadata, { role: "moderator", provider: "email", providers: ["email"] });
      t.ok(created.data.user?.email_confirmed_at);

      const dup = await admin.createUser({ email, password: "correct horse" });
      t.equal(dup.error?.status, 422);
      t.equal(dup.error?.code, "email_exists");

      const got = await admin.getUserById(id);
      t.equal(got.data.user?.email, email);

      const upd = await admin.updateUserById(id, { app_metadata: { role: "admin" }, user_metadata: { x: null, y: 2 } });
      t.equal(upd.error, null);
      t.equal(upd.data.user?.app_metadata.role, "admin");
      t.same(upd.data.user?.user_metadata, { y: 2 });

      // The staff role is readable in SQL for the signed-in user.
      const client = makeClient(kind, sys.url);
      const signedIn = await client.signInWithPassword({ email, password: "correct horse" });
      await sys.db.root.query("begin");
      await sys.db.root.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify({ sub: id, role: "authenticated" })]);
      const staff = await sys.db.root.query("select auth.staff_role() as role, auth.is_moderator() as moderator, auth.is_admin() as admin");
      await sys.db.root.query("rollback");
      t.same(staff.rows[0], { role: "admin", moderator: true, admin: true });
      t.ok(signedIn.data.session);

      const list = await admin.listUsers({ page: 1, perPage: 2 });
      t.equal(list.error, null);
      t.equal(list.data.users.length, 2);
      t.ok((list.data as { total?: number }).total! >= 3, "total from X-Total-Count");
      t.equal((list.data as { nextPage?: number | null }).nextPage, 2);

      const del = await admin.deleteUser(id);
      t.equal(del.error, null);
      const gone = await admin.getUserById(id);
      t.equal(gone.error?.status, 404);
      t.equal(gone.error?.code, "user_not_found");
      const profile = await sys.db.root.query("select 1 from app_public.profiles where id = $1", [id]);
      t.equal(profile.rowCount, 0, "profile deleted with the user");
    });

    t.test("admin API refuses an anon key", async (t) => {
      const admin = makeAdmin(kind, sys.url, (await import("../helpers/auth.ts")).ANON_KEY);
      const r = await admin.listUsers();
      t.equal(r.error?.status, 403);
      t.equal(r.error?.code, "not_admin");
    });
  });
}

t.test("HTTP contract details", async (t) => {
  const { ANON_KEY } = await import("../helpers/auth.ts");
  t.test("errors carry both shapes, the header and the echoed API version", async (t) => {
    const res = await fetch(`${sys.url}/auth/v1/token?grant_type=password`, {
      method: "POST",
      headers: { apikey: ANON_KEY, "content-type": "application/json", "x-supabase-api-version": "2024-01-01" },
      body: JSON.stringify({ email: "nobody@example.com", password: "x" }),
    });
    t.equal(res.status, 400);
    t.equal(res.headers.get("x-supabase-api-version"), "2024-01-01");
    t.equal(res.headers.get("x-sb-error-code"), "invalid_credentials");
    t.same(await res.json(), {
      code: "invalid_credentials",
      error_code: "invalid_credentials",
      msg: "Invalid login credentials",
      message: "Invalid login credentials",
    });
  });
  t.test("no API key: 401", async (t) => {
    const res = await fetch(`${sys.url}/auth/v1/settings`);
    t.equal(res.status, 401);
    t.equal(((await res.json()) as { code: string }).code, "no_api_key");
  });
  t.test("malformed JSON: 400 bad_json", async (t) => {
    const res = await fetch(`${sys.url}/auth/v1/signup`, {
      method: "POST",
      headers: { apikey: ANON_KEY, "content-type": "application/json" },
      body: "{",
    });
    t.equal(res.status, 400);
    t.equal(((await res.json()) as { code: string }).code, "bad_json");
  });
  t.test("settings and health", async (t) => {
    const s = await fetch(`${sys.url}/auth/v1/settings`, { headers: { apikey: ANON_KEY } });
    t.match(await s.json(), { external: { email: true }, mailer_autoconfirm: true });
    const h = await fetch(`${sys.url}/auth/v1/health`);
    t.match(await h.json(), { name: "GoTrue" });
  });
  t.test("unknown grant type", async (t) => {
    const res = await fetch(`${sys.url}/auth/v1/token?grant_type=nope`, {
      method: "POST",
      headers: { apikey: ANON_KEY, "content-type": "application/json" },
      body: "{}",
    });
    t.equal(res.status, 400);
  });
  t.test("no bearer on /user: 401 no_authorization; a garbage bearer: 403 bad_jwt", async (t) => {
    const none = await fetch(`${sys.url}/auth/v1/user`, { headers: { apikey: ANON_KEY } });
    t.equal(none.status, 401);
    t.equal(((await none.json()) as { code: string }).code, "no_authorization");
    const bad = await fetch(`${sys.url}/auth/v1/user`, { headers: { apikey: ANON_KEY, authorization: "Bearer x.y.z" } });
    t.equal(bad.status, 403);
    t.equal(((await bad.json()) as { code: string }).code, "bad_jwt");
  });
});
