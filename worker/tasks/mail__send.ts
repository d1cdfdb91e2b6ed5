import nodemailer from "nodemailer";
import type { Task } from "graphile-worker";
import type { Config } from "../../lib/infra/config.ts";
import type { Logger } from "../../lib/infra/logger.ts";

interface OutboxRow {
  id: string;
  recipient: string;
  template: string;
  data: { otp?: string; link?: string | null };
  sent_at: Date | null;
}

const SUBJECTS: Record<string, string> = {
  confirmation: "Confirm your signup",
  invite: "You have been invited",
  magiclink: "Your sign-in link",
  recovery: "Reset your password",
  email_change: "Confirm your new email address",
  reauthentication: "Confirm it is you",
};

export function render(row: OutboxRow): { subject: string; text: string } {
  const lines = [];
  if (row.data.link) lines.push(`Follow this link: ${row.data.link}`);
  if (row.data.otp) lines.push(`Or enter this code: ${row.data.otp}`);
  lines.push("", "If you did not ask for this, ignore this email.");
  return { subject: SUBJECTS[row.template] ?? "Message", text: lines.join("\n") };
}

/**
 * Send one outbox mail: over SMTP when SMTP_URL is set, else into the log
 * (development). Marks it sent and erases its secrets; a failure is recorded
 * and the job retried with backoff. Sending twice is harmless; a sent row is skipped.
 */
export function makeMailSend(config: Config, logger: Logger): Task {
  const transport = config.mail.smtpUrl ? nodemailer.createTransport(config.mail.smtpUrl) : undefined;
  return async (payload, helpers) => {
    const id = (payload as { id?: unknown }).id;
    if (typeof id !== "number" && typeof id !== "string") throw new Error("mail__send: payload.id missing");
    const { rows } = await helpers.withPgClient((c) =>
      c.query<OutboxRow>("select id, recipient, template, data, sent_at from app_private.mail_outbox where id = $1", [id]),
    );
    const row = rows[0];
    if (!row || row.sent_at) return;
    const { subject, text } = render(row);
    try {
      if (transport) await transport.sendMail({ from: config.mail.from, to: row.recipient, subject, text });
      else logger.info({ mail: { to: row.recipient, subject, text } }, "mail (development: logged, not sent)");
    } catch (err) {
      await helpers.withPgClient((c) =>
        c.query("update app_private.mail_outbox set attempts = attempts + 1, last_error = $2 where id = $1", [id, String(err)]),
      );
      throw err;
    }
    await helpers.withPgClient((c) =>
      c.query(
        "update app_private.mail_outbox set sent_at = now(), attempts = attempts + 1, data = data - 'otp' - 'token_hash' - 'link' where id = $1",
        [id],
      ),
    );
  };
}
