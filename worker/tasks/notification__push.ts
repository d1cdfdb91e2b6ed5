import type { Task } from "graphile-worker";
import { pushMessageFor, type NotificationPushPayload, type PushAdapter } from "../push/adapter.ts";

/**
 * Hand a new notification to the push adapter. Queued once per notification
 * by app_private.notify() (job key notification__push:<id>); a failure
 * throws, and graphile-worker retries with exponential backoff (10 attempts).
 * SQL says what to push, and nothing once it was pushed, read or deleted, so
 * a notification is never pushed twice.
 */
export function makeNotificationPush(adapter: PushAdapter): Task {
  return async (payload, helpers) => {
    const id = (payload as { id?: unknown }).id;
    if (typeof id !== "string") throw new Error("notification__push: payload.id missing");
    const { rows } = await helpers.withPgClient((c) =>
      c.query<{ p: NotificationPushPayload | null }>("select app_private.notification_push_payload($1) as p", [id]),
    );
    const p = rows[0]?.p;
    if (!p) return;
    await adapter.send(pushMessageFor(p));
    await helpers.withPgClient((c) => c.query("select app_private.record_notification_push($1)", [id]));
  };
}
