import { queueSigningKey, signMessage, verifyMessage } from './message-signature';

const key = queueSigningKey('a shared secret of at least thirty-two characters');
const message = {
  id: 'place:o-1',
  name: 'PlaceOrder',
  payload: { orderId: 'o-1', qty: 100, by: { id: 'cq-1' } },
};

describe('queue message signatures', () => {
  it('verifies what was signed, also after the payload went through JSON (as BullMQ stores it)', () => {
    const signature = signMessage(key, 'exchange-shard-0', message);
    const stored = JSON.parse(JSON.stringify(message)) as typeof message;
    expect(verifyMessage(key, 'exchange-shard-0', stored, signature)).toBe(true);
  });

  it('refuses a changed payload, name, id or queue, another key, and no signature', () => {
    const signature = signMessage(key, 'exchange-shard-0', message);
    const changed = { ...message, payload: { ...message.payload, by: { id: 'cq-2' } } };
    expect(verifyMessage(key, 'exchange-shard-0', changed, signature)).toBe(false);
    expect(verifyMessage(key, 'exchange-shard-0', { ...message, name: 'CancelOrder' }, signature)).toBe(
      false,
    );
    expect(verifyMessage(key, 'exchange-shard-0', { ...message, id: 'place:o-2' }, signature)).toBe(false);
    expect(verifyMessage(key, 'exchange-shard-1', message, signature)).toBe(false);
    const other = queueSigningKey('another shared secret of thirty-two characters');
    expect(verifyMessage(other, 'exchange-shard-0', message, signature)).toBe(false);
    expect(verifyMessage(key, 'exchange-shard-0', message, undefined)).toBe(false);
    expect(verifyMessage(key, 'exchange-shard-0', message, `${signature}x`)).toBe(false);
  });

  it('derives a key of its own from the secret, not the secret itself', () => {
    expect(key).toHaveLength(32);
    expect(key.equals(Buffer.from('a shared secret of at least thirty-two characters').subarray(0, 32))).toBe(
      false,
    );
    expect(queueSigningKey('a shared secret of at least thirty-two characters').equals(key)).toBe(true);
  });
});
