/**
 * Push dispatch: the worker hands each new notification to a PushAdapter.
 * The default adapter logs (logging.ts); an FCM, APNs or Web Push adapter
 * implements the same interface (look up the recipient's device tokens, send,
 * throw on a failure worth retrying).
 */

/** What app_private.notification_push_payload() returns. */
export interface NotificationPushPayload {
  notification_id: string;
  recipient_id: string;
  type: string;
  actor_handle: string | null;
  actor_count: number;
  event_count: number;
  post_id: string | null;
  comment_id: string | null;
  data: Record<string, unknown>;
}

export interface PushMessage {
  notificationId: string;
  recipientId: string;
  type: string;
  /** One line for the device's notification banner. */
  text: string;
  /** For the client to open the right screen. */
  data: Record<string, unknown>;
}

export interface PushAdapter {
  readonly name: string;
  /** Deliver one push. Throw to have the job retried with backoff. */
  send(message: PushMessage): Promise<void>;
}

function who(p: NotificationPushPayload): string {
  const actor = p.actor_handle ? `@${p.actor_handle}` : "Someone";
  return p.actor_count > 1 ? `${actor} and ${p.actor_count - 1} other${p.actor_count > 2 ? "s" : ""}` : actor;
}

const TEXT: Record<string, (p: NotificationPushPayload) => string> = {
  follow: (p) => `${who(p)} followed you`,
  follow_request: (p) => `${who(p)} asked to follow you`,
  follow_approved: (p) => `${who(p)} approved your follow request`,
  like: (p) => `${who(p)} liked your post`,
  comment: (p) => `${who(p)} commented on your post`,
  reply: (p) => `${who(p)} replied to your comment`,
  mention: (p) => `${who(p)} mentioned you`,
  repost: (p) => `${who(p)} reposted your post`,
  message: (p) => `New message from ${who(p)}`,
  money: () => "You have a payment update",
};

/** The push for a notification: never the content of a message, only who and what. */
export function pushMessageFor(p: NotificationPushPayload): PushMessage {
  return {
    notificationId: p.notification_id,
    recipientId: p.recipient_id,
    type: p.type,
    text: (TEXT[p.type] ?? (() => "You have a new notification"))(p),
    data: { type: p.type, post_id: p.post_id, comment_id: p.comment_id, ...p.data },
  };
}
