/**
 * `subscription { homeFeedEvents { event post { … } } }`: a new post entered
 * your home feed. Each user listens on their own channel `feed:<user id>`,
 * fed by the worker (task feed__fan_out) through PostgreSQL NOTIFY; the post
 * is then read under your own RLS, like any other read.
 */
import { context, lambda, listen } from "postgraphile/grafast";
import { jsonParse, type JSONParseStep } from "postgraphile/@dataplan/json";
import { extendSchema } from "postgraphile/utils";
import { userChannel } from "./channels.ts";

/** The NOTIFY payload on `feed:<user id>` (app_private.notify_feed(), from task feed__fan_out). */
type FeedEvent = { event: string; post_id: string };

export const FeedEventsPlugin = extendSchema((build) => {
  const posts = build.pgResources.posts;
  if (!posts) throw new Error("FeedEventsPlugin: the posts resource is missing");
  return {
    typeDefs: /* GraphQL */ `
      extend type Subscription {
        """
        Events of your home feed as they happen: \`post_created\` when a post you may see
        (yours, or of someone you follow) is created.
        """
        homeFeedEvents: HomeFeedEvent
      }
      """
      An event of your home feed.
      """
      type HomeFeedEvent {
        """
        What happened: post_created.
        """
        event: String!
        """
        The post concerned (null if you may no longer see it).
        """
        post: Post
      }
    `,
    objects: {
      Subscription: {
        plans: {
          homeFeedEvents: {
            subscribePlan() {
              const $topic = lambda(context().get("pgSettings"), (s) => userChannel("feed", s));
              return listen(context().get("pgSubscriber"), $topic, jsonParse);
            },
            plan($event: JSONParseStep<FeedEvent>) {
              return $event;
            },
          },
        },
      },
      HomeFeedEvent: {
        plans: {
          event($e: JSONParseStep<FeedEvent>) {
            return $e.get("event");
          },
          post($e: JSONParseStep<FeedEvent>) {
            return posts.get({ id: $e.get("post_id") });
          },
        },
      },
    },
  };
});
