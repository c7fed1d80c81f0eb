import { InProcessTransport } from './in-process-transport';
import type { TransportMessage } from './message-transport';

const message = (n: number): TransportMessage => ({ id: `cmd:${n}`, name: 'Test', payload: { n } });
const tick = (ms = 1): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const silent = (): void => undefined;

describe('InProcessTransport', () => {
  let transport: InProcessTransport;
  afterEach(() => transport.close());

  describe('given one consumer with concurrency 1', () => {
    it('delivers a queue in publish order, one message at a time', async () => {
      transport = new InProcessTransport({ log: silent });
      const seen: number[] = [];
      let inFlight = 0;
      let maxInFlight = 0;
      await transport.consume(
        'shard-0',
        async (m) => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await tick(Math.random() * 2);
          seen.push((m.payload as { n: number }).n);
          inFlight--;
        },
        { concurrency: 1 },
      );
      for (let n = 0; n < 50; n++) await transport.publish('shard-0', message(n));
      await transport.whenIdle();
      expect(seen).toEqual([...Array(50).keys()]);
      expect(maxInFlight).toBe(1);
    });

    it('delivers asynchronously, never inside publish', async () => {
      transport = new InProcessTransport({ log: silent });
      const seen: string[] = [];
      await transport.consume('q', async (m) => void seen.push(m.id), { concurrency: 1 });
      await transport.publish('q', message(1));
      expect(seen).toEqual([]);
      await transport.whenIdle();
      expect(seen).toEqual(['cmd:1']);
    });

    it('keeps messages published before any consumer and delivers them in order', async () => {
      transport = new InProcessTransport({ log: silent });
      await transport.publishBatch('q', [message(1), message(2), message(3)]);
      const seen: string[] = [];
      await transport.consume('q', async (m) => void seen.push(m.id), { concurrency: 1 });
      await transport.whenIdle();
      expect(seen).toEqual(['cmd:1', 'cmd:2', 'cmd:3']);
    });

    it('retries a failing message in place, so the messages behind it keep their order', async () => {
      transport = new InProcessTransport({ attempts: 3, backoffMs: 1, log: silent });
      const seen: string[] = [];
      let failures = 2;
      await transport.consume(
        'q',
        async (m) => {
          if (m.id === 'cmd:2' && failures-- > 0) throw new Error('transient');
          seen.push(m.id);
        },
        { concurrency: 1 },
      );
      await transport.publishBatch('q', [message(1), message(2), message(3)]);
      await transport.whenIdle();
      expect(seen).toEqual(['cmd:1', 'cmd:2', 'cmd:3']);
    });

    it('drops a message after its last attempt and reports it', async () => {
      const log: string[] = [];
      transport = new InProcessTransport({ attempts: 2, backoffMs: 1, log: (line) => log.push(line) });
      const seen: string[] = [];
      await transport.consume(
        'q',
        async (m) => {
          if (m.id === 'cmd:1') throw new Error('poison');
          seen.push(m.id);
        },
        { concurrency: 1 },
      );
      await transport.publishBatch('q', [message(1), message(2)]);
      await transport.whenIdle();
      expect(seen).toEqual(['cmd:2']);
      expect(log.some((line) => line.includes('cmd:1 dropped after 2 attempts'))).toBe(true);
    });
  });

  describe('given several queues', () => {
    it('runs queues independently: a slow queue does not hold up another', async () => {
      transport = new InProcessTransport({ log: silent });
      const seen: string[] = [];
      let release: () => void = () => undefined;
      const blocked = new Promise<void>((resolve) => (release = resolve));
      await transport.consume('slow', async () => blocked, { concurrency: 1 });
      await transport.consume('fast', async (m) => void seen.push(m.id), { concurrency: 1 });
      await transport.publish('slow', message(0));
      await transport.publishBatch('fast', [message(1), message(2)]);
      await tick(5);
      expect(seen).toEqual(['cmd:1', 'cmd:2']);
      release();
      await transport.whenIdle();
    });
  });

  describe('given concurrency above 1', () => {
    it('runs up to that many messages of the queue at once, and no more', async () => {
      transport = new InProcessTransport({ log: silent });
      let inFlight = 0;
      let maxInFlight = 0;
      await transport.consume(
        'q',
        async () => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await tick(2);
          inFlight--;
        },
        { concurrency: 4 },
      );
      await transport.publishBatch('q', [...Array(20).keys()].map(message));
      await transport.whenIdle();
      expect(maxInFlight).toBe(4);
    });
  });

  describe('given the same id published twice', () => {
    it('ignores the second while the first is still waiting, like a BullMQ job id', async () => {
      transport = new InProcessTransport({ log: silent });
      await transport.publish('q', message(1));
      await transport.publish('q', message(1));
      expect(transport.waitingCount('q')).toBe(1);
    });
  });

  describe('when a consumer closes', () => {
    it('waits for the message in flight and takes no more', async () => {
      transport = new InProcessTransport({ log: silent });
      const seen: string[] = [];
      const handle = await transport.consume(
        'q',
        async (m) => {
          await tick(5);
          seen.push(m.id);
        },
        { concurrency: 1 },
      );
      await transport.publishBatch('q', [message(1), message(2)]);
      await tick(1);
      await handle.close();
      expect(seen).toEqual(['cmd:1']);
      expect(transport.waitingCount('q')).toBe(1);
    });
  });

  describe('given a batch handler', () => {
    it('hands it the messages waiting, in publish order, at most max at a time', async () => {
      transport = new InProcessTransport({ log: silent });
      await transport.publishBatch('q', [...Array(25).keys()].map(message));
      const batches: string[][] = [];
      await transport.consume('q', async (m) => void batches.push([m.id]), {
        concurrency: 1,
        batch: { max: 10, handler: async (messages) => void batches.push(messages.map((m) => m.id)) },
      });
      await transport.whenIdle();
      expect(batches.map((b) => b.length)).toEqual([10, 10, 5]);
      expect(batches.flat()).toEqual([...Array(25).keys()].map((n) => `cmd:${n}`));
    });

    it('retries each message on its own, in order, when the batch fails', async () => {
      transport = new InProcessTransport({ attempts: 2, backoffMs: 1, log: silent });
      await transport.publishBatch('q', [message(1), message(2), message(3)]);
      const seen: string[] = [];
      await transport.consume(
        'q',
        async (m) => {
          if (m.id === 'cmd:2') throw new Error('poisoned');
          seen.push(m.id);
        },
        {
          concurrency: 1,
          batch: {
            max: 10,
            handler: async () => {
              throw new Error('poisoned');
            },
          },
        },
      );
      await transport.whenIdle();
      expect(seen).toEqual(['cmd:1', 'cmd:3']);
    });
  });
});
