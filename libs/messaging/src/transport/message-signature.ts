import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { TransportMessage } from './message-transport';

/**
 * The key queue messages are signed with, derived from the services' shared secret (JWT_SECRET)
 * with its own label, so a token and a message signature never share a key.
 */
export function queueSigningKey(sharedSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sharedSecret, '', 'chengyu-exchange queue messages v1', 32));
}

/** HMAC-SHA256 of the queue, name, id and payload: a message moved to another queue no longer verifies. */
export function signMessage(key: Buffer, queue: string, message: TransportMessage): string {
  return createHmac('sha256', key)
    .update(`${queue}\n${message.name}\n${message.id}\n${JSON.stringify(message.payload)}`)
    .digest('base64url');
}

export function verifyMessage(
  key: Buffer,
  queue: string,
  message: TransportMessage,
  signature: unknown,
): boolean {
  if (typeof signature !== 'string') return false;
  const expected = Buffer.from(signMessage(key, queue, message));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
