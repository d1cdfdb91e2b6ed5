/**
 * Direct-message encryption keys. The bodies are encrypted in SQL (pgcrypto);
 * the keys live only in configuration and reach each request's transaction
 * as the setting `app.message_keys`. Each key has an id derived from it (a
 * keyed hash, so the id reveals nothing about the key); every message records
 * the id of the key that encrypted it, so old keys can stay readable while new
 * messages use the current one.
 */
import { createHmac } from "node:crypto";

export interface MessageKeyring {
  /** Id of the key new messages are encrypted with. */
  currentId: string;
  /** The value of the `app.message_keys` setting: {"current": id, "keys": {id: secret, …}}. */
  setting: string;
}

export function messageKeyId(secret: string): string {
  return createHmac("sha256", secret).update("pgsocial message key id").digest("hex").slice(0, 16);
}

export function messageKeyring(current: string, old: readonly string[] = []): MessageKeyring {
  const currentId = messageKeyId(current);
  const keys: Record<string, string> = {};
  for (const secret of old) keys[messageKeyId(secret)] = secret;
  keys[currentId] = current;
  return { currentId, setting: JSON.stringify({ current: currentId, keys }) };
}
