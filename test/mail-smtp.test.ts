/** The worker sends outbox mail over SMTP when SMTP_URL is set (to a real SMTP server on loopback). */
import t from "tap";
import { SMTPServer } from "smtp-server";
import { createTestDatabase } from "./helpers/db.ts";
import { eventually, startTestSystem } from "./helpers/system.ts";

const received: { to: string[]; body: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    let body = "";
    stream.on("data", (c: Buffer) => (body += c.toString()));
    stream.on("end", () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
t.teardown(() => new Promise<void>((resolve) => smtp.close(() => resolve())));
const port = (smtp.server.address() as { port: number }).port;

const db = await createTestDatabase(t);

t.test("a confirmation mail goes out over SMTP with its code and link", async (t) => {
  await db.root.query(
    'insert into app_private.mail_outbox (recipient, template, data) values (\'smtp@example.com\', \'confirmation\', \'{"otp": "123456", "link": "http://localhost/auth/v1/verify?token=abc"}\')',
  );
  await startTestSystem(t, {
    db,
    server: false,
    worker: true,
    env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: "pgsocial <no-reply@example.com>" },
  });
  const mail = await eventually(async () => received[0], 10_000, "mail received");
  t.same(mail.to, ["smtp@example.com"]);
  t.match(mail.body, /Subject: Confirm your signup/);
  t.match(mail.body, /123456/);
  t.match(mail.body, /From: pgsocial <no-reply@example.com>/);
  const row = await eventually(
    async () =>
      (
        await db.root.query<{ sent_at: Date | null; data: Record<string, unknown> }>("select sent_at, data from app_private.mail_outbox")
      ).rows.find((r) => r.sent_at),
    5000,
    "row marked sent",
  );
  t.same(row.data, {});
});

t.test("an SMTP failure is recorded and retried, not lost", async (t) => {
  const failing = await createTestDatabase(t);
  await failing.root.query(
    "insert into app_private.mail_outbox (recipient, template, data) values ('x@example.com', 'recovery', '{\"otp\": \"1\"}')",
  );
  await startTestSystem(t, { db: failing, server: false, worker: true, env: { SMTP_URL: "smtp://127.0.0.1:1" } });
  const row = await eventually(
    async () =>
      (
        await failing.root.query<{ attempts: number; last_error: string | null; sent_at: Date | null }>(
          "select attempts, last_error, sent_at from app_private.mail_outbox",
        )
      ).rows.find((r) => r.attempts > 0),
    15_000,
    "failure recorded",
  );
  t.equal(row.sent_at, null);
  t.match(row.last_error, /ECONNREFUSED|connect/i);
  const job = await failing.root.query("select attempts, last_error from graphile_worker.jobs where task_identifier = 'mail__send'");
  t.equal(job.rowCount, 1, "the job is still queued for a retry");
});
