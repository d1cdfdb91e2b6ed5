import type { Task } from "graphile-worker";

/** Hourly: user_analytics for today and yesterday (UTC), recomputed from the logs; and expired view windows pruned. */
export const analytics__rollup: Task = async (_payload, helpers) => {
  const { rows } = await helpers.withPgClient((c) =>
    c.query<{ rows: number; pruned: number }>(
      `select app_private.refresh_user_analytics((now() at time zone 'UTC')::date - 1)
            + app_private.refresh_user_analytics((now() at time zone 'UTC')::date) as rows,
              app_private.prune_view_windows() as pruned`,
    ),
  );
  helpers.logger.debug(`user_analytics: ${rows[0]?.rows ?? 0} rows; ${rows[0]?.pruned ?? 0} expired view windows pruned`);
};
