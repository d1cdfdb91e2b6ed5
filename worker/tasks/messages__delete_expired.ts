import type { Task } from "graphile-worker";

/** Hourly (worker/crontab): delete the messages read more than 24 hours ago (the rule is SQL). */
export const messages__delete_expired: Task = async (_payload, helpers) => {
  const { rows } = await helpers.withPgClient((c) => c.query<{ n: number }>("select app_private.delete_expired_messages() as n"));
  helpers.logger.info(`deleted ${rows[0]?.n ?? 0} expired messages`);
};
