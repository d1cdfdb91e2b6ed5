/**
 * Message key rotation: a new current key with the old one kept readable,
 * re-encryption by the worker under the new key, and what a retired key
 * means. Its own database: the job must run on the rotated worker only.
 */
import t from "tap";
import { createTestDatabase } from "./helpers/db.ts";
import { bearer, createUser } from "./helpers/social.ts";
import { eventually, graphql, startTestSystem, type TestSystem } from "./helpers/system.ts";
import { messageKeyId } from "../lib/domain/message-keys.ts";

const [K1, K2] = ["first-message-key-for-rotation-0123456789", "second-message-key-for-rotation-0123456789"];
const db = await createTestDatabase(t);
const [a, b] = [await createUser(db), await createUser(db)];

async function send(sys: TestSystem, body: string): Promise<{ rowId: string; conversationId: string }> {
  const r = await graphql(
    sys.url,
    `
      mutation ($t: UUID!, $b: String!) {
        sendMessage(input: { recipientId: $t, body: $b }) {
          result {
            rowId
            conversationId
          }
        }
      }
    `,
    { t: b, b: body },
    bearer(a),
  );
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return (r.body.data as { sendMessage: { result: { rowId: string; conversationId: string } } }).sendMessage.result;
}
async function bodies(sys: TestSystem, conversationId: string): Promise<(string | null)[]> {
  const r = await graphql(
    sys.url,
    `
      query ($c: UUID!) {
        conversation(rowId: $c) {
          messages(orderBy: [CREATED_AT_ASC]) {
            nodes {
              body
            }
          }
        }
      }
    `,
    { c: conversationId },
    bearer(b),
  );
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return (r.body.data as { conversation: { messages: { nodes: { body: string | null }[] } } }).conversation.messages.nodes.map(
    (m) => m.body,
  );
}
const keyIds = async () =>
  (await db.root.query<{ key_id: string }>("select key_id from app_public.messages order by created_at")).rows.map((r) => r.key_id);

t.test("rotate: old messages readable, new ones under the new key; re-encrypt; retire the old key", async (t) => {
  const first = await startTestSystem(t, { db, env: { MESSAGE_ENCRYPTION_KEY: K1 } });
  const { conversationId } = await send(first, "under the first key");
  t.same(await keyIds(), [messageKeyId(K1)]);

  const rotated = await startTestSystem(t, { db, worker: true, env: { MESSAGE_ENCRYPTION_KEY: K2, MESSAGE_ENCRYPTION_OLD_KEYS: K1 } });
  await send(rotated, "under the second key");
  t.same(await keyIds(), [messageKeyId(K1), messageKeyId(K2)], "each message records its key");
  t.same(await bodies(rotated, conversationId), ["under the first key", "under the second key"], "both readable");
  t.same(await bodies(first, conversationId), ["under the first key", null], "a server without the new key cannot read the new message");

  await db.root.query("select graphile_worker.add_job('messages__reencrypt')");
  await eventually(async () => (await keyIds()).every((id) => id === messageKeyId(K2)), 10_000, "all under the new key");

  const retired = await startTestSystem(t, { db, env: { MESSAGE_ENCRYPTION_KEY: K2 } });
  t.same(await bodies(retired, conversationId), ["under the first key", "under the second key"], "the old key is no longer needed");
  t.same(await bodies(first, conversationId), [null, null], "and no longer enough");
});
