import type { Task } from "graphile-worker";

/** Daily: update_user_cheat_status for every account whose posts were viewed or liked in the last day. */
export const cheat__detect: Task = async (_payload, helpers) => {
  const { rows } = await helpers.withPgClient((c) =>
    c.query<{ flagged: number }>("select app_private.update_cheat_statuses(now() - interval '1 day') as flagged"),
  );
  helpers.logger.info(`cheat detection: ${rows[0]?.flagged ?? 0} active accounts flagged`);
};
