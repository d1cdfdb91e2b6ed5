/**
 * Real-time events of the signed-in user, over graphql-ws, fed by PostgreSQL
 * NOTIFY (no Redis needed):
 *
 *   subscription { notificationEvents { event notification { … } } }
 *     channel `notifications:<user id>`, sent by app_private.notify()
 *   subscription { messageEvents { event conversation { … } message { … } readerId readAt } }
 *     channel `messages:<user id>`, sent when a message is created in one of
 *     your conversations and when someone reads messages (read receipts)
 *
 * Each subscriber listens to their own channel only (channels.ts), and the
 * rows an event names are read under the subscriber's own RLS, like any read.
 */
import { context, lambda, listen } from "postgraphile/grafast";
import { jsonParse, type JSONParseStep } from "postgraphile/@dataplan/json";
import { extendSchema } from "postgraphile/utils";
import { userChannel } from "./channels.ts";

/** The NOTIFY payload on `notifications:<user id>` (app_private.notify()). */
type NotificationEvent = { event: string; notification_id: string };
/** The NOTIFY payload on `messages:<user id>`: message_created names a message, messages_read a reader and a time. */
type MessageEvent = { event: string; conversation_id: string; message_id?: string; reader_id?: string; read_at?: string };

export const UserEventsPlugin = extendSchema((build) => {
  const { notifications, messages, conversations } = build.pgResources;
  if (!notifications || !messages || !conversations) throw new Error("UserEventsPlugin: notifications, messages or conversations missing");
  return {
    typeDefs: /* GraphQL */ `
      extend type Subscription {
        """
        Your notifications as they happen: \`created\` for a new one, \`updated\` when a new
        event joins an unread one (another like of the same post, …).
        """
        notificationEvents: NotificationEvent
        """
        Your direct messages as they happen: \`message_created\` (a message in one of your
        conversations, yours included) and \`messages_read\` (a read receipt: \`readerId\` read
        the conversation at \`readAt\`).
        """
        messageEvents: MessageEvent
      }
      """
      A notification event.
      """
      type NotificationEvent {
        """
        created or updated.
        """
        event: String!
        """
        The notification (null if it is gone).
        """
        notification: Notification
      }
      """
      A direct-message event.
      """
      type MessageEvent {
        """
        message_created or messages_read.
        """
        event: String!
        """
        The conversation.
        """
        conversation: Conversation
        """
        The new message (message_created).
        """
        message: Message
        """
        Who read the conversation (messages_read).
        """
        readerId: UUID
        """
        When they read it (messages_read).
        """
        readAt: Datetime
      }
    `,
    objects: {
      Subscription: {
        plans: {
          notificationEvents: {
            subscribePlan() {
              const $topic = lambda(context().get("pgSettings"), (s) => userChannel("notifications", s));
              return listen(context().get("pgSubscriber"), $topic, jsonParse);
            },
            plan($event: JSONParseStep<NotificationEvent>) {
              return $event;
            },
          },
          messageEvents: {
            subscribePlan() {
              const $topic = lambda(context().get("pgSettings"), (s) => userChannel("messages", s));
              return listen(context().get("pgSubscriber"), $topic, jsonParse);
            },
            plan($event: JSONParseStep<MessageEvent>) {
              return $event;
            },
          },
        },
      },
      NotificationEvent: {
        plans: {
          event: ($e: JSONParseStep<NotificationEvent>) => $e.get("event"),
          notification: ($e: JSONParseStep<NotificationEvent>) => notifications.get({ id: $e.get("notification_id") }),
        },
      },
      MessageEvent: {
        plans: {
          event: ($e: JSONParseStep<MessageEvent>) => $e.get("event"),
          conversation: ($e: JSONParseStep<MessageEvent>) => conversations.get({ id: $e.get("conversation_id") }),
          message: ($e: JSONParseStep<MessageEvent>) => messages.get({ id: $e.get("message_id") }),
          readerId: ($e: JSONParseStep<MessageEvent>) => $e.get("reader_id"),
          readAt: ($e: JSONParseStep<MessageEvent>) => $e.get("read_at"),
        },
      },
    },
  };
});
