import type { Task } from "graphile-worker";

/**
 * A new post entered home feeds: tell each follower who may see it (the
 * recipients and the rule are SQL: app_private.feed_recipients).
 */
export const feed__fan_out: Task = async (payload, helpers) => {
  const postId = (payload as { post_id?: unknown }).post_id;
  if (typeof postId !== "string") throw new Error("feed__fan_out: payload.post_id missing");
  const { rows } = await helpers.withPgClient((c) => c.query<{ n: number }>("select app_private.notify_feed($1) as n", [postId]));
  helpers.logger.debug(`post ${postId}: ${rows[0]?.n ?? 0} feed events`);
};
