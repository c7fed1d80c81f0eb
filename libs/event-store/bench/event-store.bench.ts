/**
 * Event store throughput on the local PostgreSQL (durable: every batch is its own committed
 * transaction, synchronous_commit as configured on the server).
 *
 *   npm run bench:event-store
 *   EVENTS=200000 BATCH=100 STREAMS=500 APPENDERS=4 READ_BATCH=5000 npm run bench:event-store
 *
 * The last line printed is one JSON object with the figures.
 */
import { createTestDatabase } from '@app/platform/testing';
import { EVENT_STORE_ENTITIES, EVENT_STORE_MIGRATIONS, EventStore, type NewEvent } from '@app/event-store';

const env = (name: string, fallback: number): number => {
  const raw = process.env[name];
  return raw === undefined ? fallback : Number(raw);
};

const TOTAL = env('EVENTS', 200_000);
const BATCH = env('BATCH', 100);
const STREAMS = env('STREAMS', 500);
const APPENDERS = env('APPENDERS', 4);
const READ_BATCH = env('READ_BATCH', 5_000);
const NOTIFY = env('NOTIFY', 1) !== 0;

function batchOf(batchNo: number): NewEvent[] {
  const events: NewEvent[] = [];
  for (let i = 0; i < BATCH; i++) {
    const n = batchNo * BATCH + i;
    events.push({
      type: n % 3 === 0 ? 'TradeExecuted' : 'OrderAccepted',
      data: {
        orderId: `o-${n}`,
        instrument: 'CEA-2026',
        side: n % 2 ? 'buy' : 'sell',
        price: 8_000 + (n % 97),
        qty: 1 + (n % 500),
      },
      metadata: {
        commandId: `cmd-${n}`,
        correlationId: `corr-${batchNo}`,
        actor: 'bench',
        scenario: 'bench',
      },
    });
  }
  return events;
}

async function main(): Promise<void> {
  const db = await createTestDatabase({
    entities: EVENT_STORE_ENTITIES,
    migrations: EVENT_STORE_MIGRATIONS,
    poolSize: APPENDERS + 2,
  });
  const store = new EventStore(db.dataSource, { notify: NOTIFY });
  try {
    const batches = Math.ceil(TOTAL / BATCH);
    const payloads = Array.from({ length: batches }, (_, b) => batchOf(b));
    const versions = new Map<string, number>();
    let next = 0;

    // Each appender owns the streams congruent to its index, so expected versions are exact checks.
    const appender = async (worker: number): Promise<void> => {
      for (;;) {
        const b = next++;
        if (b >= batches) return;
        const streamNo = (b % (STREAMS / APPENDERS)) * APPENDERS + worker;
        const streamId = `account-${streamNo}`;
        const expected = versions.get(streamId) ?? 0;
        const { nextVersion } = await store.append(streamId, expected, payloads[b]);
        versions.set(streamId, nextVersion);
      }
    };

    const appendStart = process.hrtime.bigint();
    await Promise.all(Array.from({ length: APPENDERS }, (_, w) => appender(w)));
    const appendSeconds = Number(process.hrtime.bigint() - appendStart) / 1e9;
    const appended = batches * BATCH;

    // Reads are cheap enough to repeat: the median of three passes damps a noisy shared machine.
    const READ_PASSES = 3;
    const readRates: number[] = [];
    let read = 0;
    let checksum = 0;
    for (let pass = 0; pass < READ_PASSES; pass++) {
      const readStart = process.hrtime.bigint();
      read = 0;
      checksum = 0;
      for await (const event of store.readAll({ batchSize: READ_BATCH })) {
        read++;
        checksum += event.streamVersion;
      }
      const readSeconds = Number(process.hrtime.bigint() - readStart) / 1e9;
      if (read !== appended) throw new Error(`read ${read} events, appended ${appended}`);
      readRates.push(Math.round(read / readSeconds));
    }
    readRates.sort((a, b) => a - b);

    const appendEventsPerSecond = Math.round(appended / appendSeconds);
    const readEventsPerSecond = readRates[Math.floor(READ_PASSES / 2)];
    console.log(
      `append: ${appended} events in ${batches} transactions of ${BATCH} over ${STREAMS} streams, ` +
        `${APPENDERS} appenders: ${appendSeconds.toFixed(2)} s = ${appendEventsPerSecond.toLocaleString('en')} events/s ` +
        `(target >= 30,000)`,
    );
    console.log(
      `readAll: ${read} events in pages of ${READ_BATCH}, ${READ_PASSES} passes: median ` +
        `${readEventsPerSecond.toLocaleString('en')} events/s (target >= 200,000), ` +
        `all ${readRates.map((r) => r.toLocaleString('en')).join(' / ')}; checksum ${checksum}`,
    );
    console.log(
      JSON.stringify({
        appendEventsPerSecond,
        readEventsPerSecond,
        events: appended,
        batchSize: BATCH,
        streams: STREAMS,
        appenders: APPENDERS,
        readBatchSize: READ_BATCH,
        notify: NOTIFY,
        appendSeconds: Number(appendSeconds.toFixed(3)),
        readEventsPerSecondPasses: readRates,
      }),
    );
  } finally {
    await store.close();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
