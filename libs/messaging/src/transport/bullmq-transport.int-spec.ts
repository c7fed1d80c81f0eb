import { Worker } from 'bullmq';
import { testRedisUrl } from '@app/platform/testing';
import { eventually, uniquePrefix, wipeRedis } from '../testing/eventually';
import { BullMqTransport } from './bullmq-transport';
import { queueSigningKey } from './message-signature';
import type { TransportMessage } from './message-transport';

jest.setTimeout(60_000);
const silent = (): void => undefined;
const message = (n: number): TransportMessage => ({ id: `place:${n}`, name: 'PlaceOrder', payload: { n } });

describe('BullMqTransport', () => {
  const prefix = uniquePrefix('bullmq');
  let transport: BullMqTransport;
  beforeEach(() => {
    transport = new BullMqTransport({ redisUrl: testRedisUrl(), prefix, backoffMs: 10, log: silent });
  });
  afterEach(() => transport.close());
  afterAll(() => wipeRedis(testRedisUrl(), prefix));

  it('delivers a queue in order to a consumer with concurrency 1, ids and payloads intact', async () => {
    const seen: TransportMessage[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    await transport.consume(
      'ordered',
      async (m) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        seen.push(m);
        inFlight--;
      },
      { concurrency: 1 },
    );
    await transport.publishBatch('ordered', [...Array(50).keys()].map(message));
    await transport.publish('ordered', message(50));
    await eventually(() => seen.length === 51);
    expect(seen.map((m) => m.id)).toEqual([...Array(51).keys()].map((n) => `place:${n}`));
    expect(seen[3]).toEqual(message(3));
    expect(maxInFlight).toBe(1);
  });

  it('does not enqueue an id again while Redis still holds its job', async () => {
    await transport.publish('dedupe', message(1));
    await transport.publish('dedupe', message(1));
    expect(await transport.jobCount('dedupe')).toBe(1);
  });

  it('re-publishes a message whose job finished or went stale, but not one still waiting', async () => {
    await transport.publish('again', message(1));
    expect(await transport.republishBatch('again', [message(1)])).toBe(0); // still waiting: left alone
    expect(await transport.jobCount('again')).toBe(1);

    const seen: string[] = [];
    const consumer = await transport.consume('again', async (m) => void seen.push(m.id), { concurrency: 1 });
    await eventually(() => seen.length === 1);
    // A finished job under this id would swallow a plain re-publish: the consumer's record is what
    // says "processed", so the relay re-sends, and the stale job must not stand in the way.
    expect(await transport.republishBatch('again', [message(1)])).toBe(1);
    await eventually(() => seen.length === 2);
    expect(seen).toEqual(['place:1', 'place:1']);
    await consumer.close();
  });

  it('retries a failing message in place first, keeping the queue order', async () => {
    const seen: string[] = [];
    let failures = 2;
    await transport.consume(
      'in-place',
      async (m) => {
        if (m.id === 'place:1' && failures-- > 0) throw new Error('transient');
        seen.push(m.id);
      },
      { concurrency: 1 },
    );
    await transport.publishBatch('in-place', [message(1), message(2), message(3)]);
    await eventually(() => seen.length === 3);
    expect(seen).toEqual(['place:1', 'place:2', 'place:3']);
  });

  it('then retries with BullMQ backoff', async () => {
    await transport.close();
    transport = new BullMqTransport({
      redisUrl: testRedisUrl(),
      prefix,
      backoffMs: 10,
      inlineAttempts: 1,
      log: silent,
    });
    let attempts = 0;
    await transport.consume(
      'retry',
      async () => {
        attempts++;
        if (attempts < 3) throw new Error('transient');
      },
      { concurrency: 1 },
    );
    await transport.publish('retry', message(1));
    await eventually(() => attempts === 3);
  });

  describe('given a batch handler', () => {
    it('hands it the jobs waiting behind the first, in queue order, and completes them all', async () => {
      const batches: string[][] = [];
      const single: string[] = [];
      await transport.publishBatch('batched', [...Array(30).keys()].map(message));
      await transport.consume('batched', async (m) => void single.push(m.id), {
        concurrency: 1,
        batch: { max: 10, handler: async (messages) => void batches.push(messages.map((m) => m.id)) },
      });
      await eventually(() => [...batches.flat(), ...single].length === 30);
      expect(batches.length).toBeGreaterThan(0);
      expect(batches.every((b) => b.length <= 10)).toBe(true);
      expect(batches.flat().concat(single).sort()).toEqual(
        [...Array(30).keys()].map((n) => `place:${n}`).sort(),
      );
      const delivered = batches.flat();
      expect(delivered).toEqual([...delivered].sort((a, b) => Number(a.slice(6)) - Number(b.slice(6))));
      await eventually(async () => (await transport.jobCount('batched')) === 30);
      expect(await transport.held('batched', ['place:0', 'place:29', 'place:99'])).toEqual(
        new Set(['place:0', 'place:29']),
      );
    });

    it('falls back to one message at a time when the batch fails, so only the bad one fails', async () => {
      const seen: string[] = [];
      await transport.publishBatch('fallback', [...Array(5).keys()].map(message));
      await transport.consume(
        'fallback',
        async (m) => {
          if (m.id === 'place:2') throw new Error('poisoned');
          seen.push(m.id);
        },
        {
          concurrency: 1,
          batch: {
            max: 10,
            handler: async (messages) => {
              if (messages.some((m) => m.id === 'place:2')) throw new Error('poisoned');
              for (const m of messages) seen.push(m.id);
            },
          },
        },
      );
      await eventually(() => seen.length === 4);
      expect(seen).toEqual(['place:0', 'place:1', 'place:3', 'place:4']);
    });
  });

  describe('a consumer that dies holding a message', () => {
    it('lets a live consumer take it up after stalledAfterMs, not BullMQ’s default half minute', async () => {
      // A worker that took the message and went silent: no lock renewal, never finishes.
      const dead = new Worker('stalled', () => new Promise<never>(() => undefined), {
        connection: { url: testRedisUrl(), maxRetriesPerRequest: null },
        prefix,
        lockDuration: 1_000,
        skipLockRenewal: true,
        skipStalledCheck: true,
      });
      const taken = new Promise((resolve) => dead.once('active', resolve));
      await transport.publish('stalled', message(1));
      await taken;
      const seen: string[] = [];
      const startedAt = Date.now();
      await transport.consume('stalled', async (m) => void seen.push(m.id), {
        concurrency: 1,
        stalledAfterMs: 1_000,
      });
      await eventually(() => seen.length === 1, 8_000);
      expect(seen).toEqual(['place:1']);
      expect(Date.now() - startedAt).toBeLessThan(8_000);
      await dead.close(true);
    });

    it('keeps the hold on every message of a batch that runs longer than stalledAfterMs', async () => {
      const seen: string[] = [];
      await transport.publishBatch('long-batch', [...Array(5).keys()].map(message));
      await transport.consume('long-batch', async (m) => void seen.push(m.id), {
        concurrency: 1,
        stalledAfterMs: 1_000,
        batch: {
          max: 10,
          handler: async (messages) => {
            await new Promise((resolve) => setTimeout(resolve, 2_500));
            for (const m of messages) seen.push(m.id);
          },
        },
      });
      await eventually(() => seen.length >= 5, 10_000);
      // Long enough for a message whose hold lapsed to have been handed out and handled again.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      expect(seen.sort()).toEqual([...Array(5).keys()].map((n) => `place:${n}`).sort());
    });
  });

  describe('with a signing key', () => {
    const key = queueSigningKey('the services shared secret of 32+ characters');
    let signed: BullMqTransport;
    let unsigned: BullMqTransport;
    let otherKey: BullMqTransport;
    const failures: string[] = [];
    beforeEach(() => {
      failures.length = 0;
      const log = (line: string) => void failures.push(line);
      signed = new BullMqTransport({ redisUrl: testRedisUrl(), prefix, backoffMs: 10, signingKey: key, log });
      unsigned = new BullMqTransport({ redisUrl: testRedisUrl(), prefix, log: silent });
      otherKey = new BullMqTransport({
        redisUrl: testRedisUrl(),
        prefix,
        signingKey: queueSigningKey('another deployment secret of 32+ characters'),
        log: silent,
      });
    });
    afterEach(() => Promise.all([signed.close(), unsigned.close(), otherKey.close()]));

    it('handles what it signed, and fails for good (no retry) what is unsigned or signed with another key', async () => {
      const seen: string[] = [];
      let calls = 0;
      await signed.consume('signed', async (m) => void (calls++, seen.push(m.id)), { concurrency: 1 });
      await unsigned.publish('signed', message(1));
      await otherKey.publish('signed', message(2));
      await signed.publish('signed', message(3));
      await eventually(() => seen.length === 1 && failures.length >= 2);
      await new Promise((resolve) => setTimeout(resolve, 300)); // no retry comes
      expect(seen).toEqual(['place:3']);
      expect(calls).toBe(1);
      expect(failures.filter((f) => /refused: not signed/.test(f))).toHaveLength(2);
      expect(failures.join('\n')).toMatch(/place:1 on signed failed \(attempt 1\)/);
    });

    it('in a batch, fails only the messages that do not verify; the rest are handled in order', async () => {
      await unsigned.publish('signed-batch', message(2));
      await signed.publishBatch('signed-batch', [message(1), message(3), message(4)]);
      const seen: string[] = [];
      await signed.consume('signed-batch', async (m) => void seen.push(m.id), {
        concurrency: 1,
        batch: { max: 10, handler: async (messages) => void seen.push(...messages.map((m) => m.id)) },
      });
      await eventually(() => seen.length === 3);
      expect(seen).toEqual(['place:1', 'place:3', 'place:4']);
      await eventually(() => failures.some((f) => /place:2 .*refused: not signed/.test(f)));
    });
  });
});
