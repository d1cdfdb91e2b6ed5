import type { Task } from "graphile-worker";
import type { MessageKeyring } from "../../lib/domain/message-keys.ts";

/**
 * Completes a key rotation (queued by an operator:
 * `select graphile_worker.add_job('messages__reencrypt')`): batch after batch,
 * messages under an older configured key are encrypted again under the
 * current one (SQL: app_private.reencrypt_messages). The keys reach the
 * transaction as a local setting, as for GraphQL requests; never stored.
 */
export function makeMessagesReencrypt(keyring: MessageKeyring): Task {
  return async (_payload, helpers) => {
    let total = 0;
    for (;;) {
      const n = await helpers.withPgClient(async (c) => {
        await c.query("begin");
        try {
          await c.query("select set_config('app.message_keys', $1, true)", [keyring.setting]);
          const { rows } = await c.query<{ n: number }>("select app_private.reencrypt_messages(500) as n");
          await c.query("commit");
          return rows[0]?.n ?? 0;
        } catch (err) {
          await c.query("rollback");
          throw err;
        }
      });
      total += n;
      if (n === 0) break;
    }
    helpers.logger.info(`re-encrypted ${total} messages under key ${keyring.currentId}`);
  };
}
