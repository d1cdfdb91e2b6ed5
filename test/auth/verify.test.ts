/**
 * Flows that go through mail (confirmation required): sign-up confirmation by
 * code and by link, recovery, magic link / OTP, email change, resend limits,
 * and the worker sending the outbox.
 */
import t from "tap";
import { ANON_KEY, AUTH_TEST_ENV, CLIENT_KINDS, makeClient, uniqueEmail } from "../helpers/auth.ts";
import { eventually, startTestSystem } from "../helpers/system.ts";

const sys = await startTestSystem(t, {
  env: { ...AUTH_TEST_ENV, AUTH_AUTOCONFIRM: "false", AUTH_EMAIL_MIN_INTERVAL_S: "60", SITE_URL: "http://app.example.com" },
});

interface Mail {
  id: string;
  template: string;
  data: { otp: string; token_hash: string; link: string | null };
}
async function lastMail(recipient: string, template: string): Promise<Mail> {
  const { rows } = await sys.db.root.query<Mail>(
    "select id, template, data from app_private.mail_outbox where recipient = $1 and template = $2 order by id desc limit 1",
    [recipient, template],
  );
  if (!rows[0]) throw new Error(`no ${template} mail to ${recipient}`);
  return rows[0];
}
async function mailCount(recipient: string): Promise<number> {
  return (
    await sys.db.root.query<{ n: number }>("select count(*)::int as n from app_private.mail_outbox where recipient = $1", [recipient])
  ).rows[0]!.n;
}

for (const kind of CLIENT_KINDS) {
  t.test(kind, async (t) => {
    t.test("sign-up needs confirmation; the code confirms and signs in", async (t) => {
      const client = makeClient(kind, sys.url);
      const email = uniqueEmail();
      const { data, error } = await client.signUp({ email, password: "correct horse" });
      t.equal(error, null);
      t.equal(data.session, null, "no session before confirmation");
      t.equal(data.user?.email, email);
      t.notOk(data.user?.email_confirmed_at);
      t.ok(data.user?.confirmation_sent_at);

      const early = await client.signInWithPassword({ email, password: "correct horse" });
      t.equal(early.error?.code, "email_not_confirmed");

      const mail = await lastMail(email, "confirmation");
      t.match(mail.data.otp, /^\d{6}$/);
      const wrong = await client.verifyOtp({ email, token: mail.data.otp === "000000" ? "111111" : "000000", type: "signup" });
      t.equal(wrong.error?.status, 403);
      t.equal(wrong.error?.code, "otp_expired");

      const ok = await client.verifyOtp({ email, token: mail.data.otp, type: "signup" });
      t.equal(ok.error, null);
      t.ok(ok.data.session?.access_token);
      t.ok(ok.data.user?.email_confirmed_at);
      t.equal(ok.data.user?.user_metadata.email_verified, true);
      t.equal((await client.verifyOtp({ email, token: mail.data.otp, type: "signup" })).error?.code, "otp_expired", "single use");
      t.equal((await makeClient(kind, sys.url).signInWithPassword({ email, password: "correct horse" })).error, null);
    });

    t.test("a second sign-up of a confirmed address reveals nothing", async (t) => {
      const client = makeClient(kind, sys.url);
      const email = uniqueEmail();
      await client.signUp({ email, password: "correct horse" });
      const mail = await lastMail(email, "confirmation");
      await client.verifyOtp({ token_hash: mail.data.token_hash, type: "signup" });
      const before = await mailCount(email);
      const again = await makeClient(kind, sys.url).signUp({ email, password: "something else" });
      t.equal(again.error, null);
      t.same(again.data.user?.identities, [], "fake user: no identities");
      t.not(again.data.user?.id, mail.id);
      t.equal(await mailCount(email), before, "no mail sent");
    });

    t.test("resend: one mail per address and type per interval", async (t) => {
      const client = makeClient(kind, sys.url);
      const email = uniqueEmail();
      await client.signUp({ email, password: "correct horse" });
      const r = await client.resend({ type: "signup", email });
      t.equal(r.error?.status, 429);
      t.equal(r.error?.code, "over_email_send_rate_limit");
      await sys.db.root.query("update auth.users set confirmation_sent_at = now() - interval '61 seconds' where email = $1", [email]);
      t.equal((await client.resend({ type: "signup", email })).error, null);
      t.equal(await mailCount(email), 2);
    });

    t.test("password recovery end to end", async (t) => {
      const client = makeClient(kind, sys.url);
      const email = uniqueEmail();
      await client.signUp({ email, password: "correct horse" });
      await client.verifyOtp({ email, token: (await lastMail(email, "confirmation")).data.otp, type: "signup" });

      t.equal((await client.resetPasswordForEmail(email)).error, null);
      t.equal((await client.resetPasswordForEmail(uniqueEmail("nobody"))).error, null, "unknown address: same answer");
      const mail = await lastMail(email, "recovery");
      const recovered = await client.verifyOtp({ email, token: mail.data.otp, type: "recovery" });
      t.equal(recovered.error, null);
      t.equal((await client.updateUser({ password: "battery staple" })).error, null);
      t.equal((await makeClient(kind, sys.url).signInWithPassword({ email, password: "battery staple" })).error, null);
      t.equal(
        (await makeClient(kind, sys.url).signInWithPassword({ email, password: "correct horse" })).error?.code,
        "invalid_credentials",
      );
    });

    t.test("OTP sign-in: creates the user unless told not to", async (t) => {
      const client = makeClient(kind, sys.url);
      const unknown = await client.signInWithOtp({ email: uniqueEmail(), options: { shouldCreateUser: false } });
      t.equal(unknown.error?.status, 422);
      t.equal(unknown.error?.code, "otp_disabled");

      const email = uniqueEmail();
      t.equal((await client.signInWithOtp({ email })).error, null);
      const first = await client.verifyOtp({ email, token: (await lastMail(email, "confirmation")).data.otp, type: "email" });
      t.equal(first.error, null, "new user confirmed and signed in by the code");
      await sys.db.root.query("update auth.users set recovery_sent_at = null where email = $1", [email]);
      t.equal((await client.signInWithOtp({ email })).error, null);
      const magic = await lastMail(email, "magiclink");
      const second = await client.verifyOtp({ email, token: magic.data.otp, type: "magiclink" });
      t.equal(second.error, null, "existing user signed in by magic link code");
    });

    t.test("email change needs the new address confirmed", async (t) => {
      const client = makeClient(kind, sys.url);
      const email = uniqueEmail();
      await client.signUp({ email, password: "correct horse" });
      await client.verifyOtp({ email, token: (await lastMail(email, "confirmation")).data.otp, type: "signup" });
      const newEmail = uniqueEmail("new");
      const upd = await client.updateUser({ email: newEmail });
      t.equal(upd.error, null);
      t.equal(upd.data.user?.email, email, "unchanged until confirmed");
      t.equal(upd.data.user?.new_email, newEmail);
      const v = await client.verifyOtp({
        email: newEmail,
        token: (await lastMail(newEmail, "email_change")).data.otp,
        type: "email_change",
      });
      t.equal(v.error, null);
      t.equal(v.data.user?.email, newEmail);
    });

    t.test("reauthenticate: the emailed nonce authorises a password change", async (t) => {
      const client = makeClient(kind, sys.url);
      const email = uniqueEmail();
      await client.signUp({ email, password: "correct horse" });
      await client.verifyOtp({ email, token: (await lastMail(email, "confirmation")).data.otp, type: "signup" });
      t.equal((await client.reauthenticate()).error, null);
      const nonce = (await lastMail(email, "reauthentication")).data.otp;
      const bad = await client.updateUser({ password: "battery staple", nonce: "000000" === nonce ? "111111" : "000000" });
      t.equal(bad.error?.code, "reauthentication_not_valid");
      t.equal((await client.updateUser({ password: "battery staple", nonce })).error, null);
    });
  });
}

t.test("the email link verifies and redirects with the session in the fragment", async (t) => {
  const client = makeClient("auth-js", sys.url);
  const email = uniqueEmail();
  await client.signUp({ email, password: "correct horse" });
  const mail = await lastMail(email, "confirmation");
  t.match(mail.data.link, /\/auth\/v1\/verify\?token=[0-9a-f]{56}&type=signup&redirect_to=/);
  const res = await fetch(mail.data.link!.replace(/^https?:\/\/[^/]+/, sys.url), { redirect: "manual" });
  t.equal(res.status, 303);
  const location = new URL(res.headers.get("location")!);
  t.equal(location.origin, "http://app.example.com");
  const fragment = new URLSearchParams(location.hash.slice(1));
  t.ok(fragment.get("access_token"));
  t.ok(fragment.get("refresh_token"));
  t.equal(fragment.get("type"), "signup");
  t.equal(fragment.get("token_type"), "bearer");

  const again = await fetch(mail.data.link!.replace(/^https?:\/\/[^/]+/, sys.url), { redirect: "manual" });
  const err = new URLSearchParams(new URL(again.headers.get("location")!).hash.slice(1));
  t.equal(err.get("error_code"), "otp_expired", "used link: error in the fragment");

  const evil = await fetch(`${sys.url}/auth/v1/verify?token=x&type=signup&redirect_to=${encodeURIComponent("https://evil.example.net/")}`, {
    redirect: "manual",
  });
  t.match(evil.headers.get("location"), /^http:\/\/app\.example\.com/, "no open redirect");
});

t.test("an expired code is refused", async (t) => {
  const client = makeClient("auth-js", sys.url);
  const email = uniqueEmail();
  await client.signUp({ email, password: "correct horse" });
  const mail = await lastMail(email, "confirmation");
  await sys.db.root.query("update auth.users set confirmation_sent_at = now() - interval '25 hours' where email = $1", [email]);
  t.equal((await client.verifyOtp({ email, token: mail.data.otp, type: "signup" })).error?.code, "otp_expired");
});

t.test("the worker sends the outbox and erases the codes", async (t) => {
  const email = uniqueEmail("mailed");
  const res = await fetch(`${sys.url}/auth/v1/signup`, {
    method: "POST",
    headers: { apikey: ANON_KEY, "content-type": "application/json" },
    body: JSON.stringify({ email, password: "correct horse" }),
  });
  t.equal(res.status, 200);
  const worker = await startTestSystem(t, { server: false, worker: true, db: sys.db, env: AUTH_TEST_ENV });
  const row = await eventually(
    async () => {
      const { rows } = await sys.db.root.query<{ sent_at: Date | null; attempts: number; data: Record<string, unknown> }>(
        "select sent_at, attempts, data from app_private.mail_outbox where recipient = $1",
        [email],
      );
      return rows[0]?.sent_at ? rows[0] : undefined;
    },
    10_000,
    "mail sent",
  );
  t.equal(row.attempts, 1);
  t.same(row.data, {}, "code and link erased once sent");
  await worker.stop();
});
