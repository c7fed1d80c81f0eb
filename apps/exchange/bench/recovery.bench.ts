/**
 * How long a new owner takes to rebuild a big book: the newest snapshot plus the events after it,
 * on the local PostgreSQL, exactly as `BookCache` does when a worker takes a shard.
 *
 *   npm run bench:recovery
 *   RESTING=100000 FILLED=100000 TAIL=9999 RUNS=5 npm run bench:recovery
 *
 * The book holds RESTING resting orders and FILLED orders that traded away (their ids stay in the
 * snapshot, as the engine refuses to reuse an id); about TAIL events follow the snapshot (the worst case
 * with the default EXCHANGE_SNAPSHOT_EVERY of 10,000 is 9,999). The last line is one JSON object.
 */
import { BookEvent, bookStreamId, PlaceOrderMessage } from '@app/contracts';
import { EVENT_STORE_MIGRATIONS, EventStore } from '@app/event-store';
import { InstrumentCatalogue } from '@app/platform';
import { createTestDatabase } from '@app/platform/testing';
import { BookCache } from '../src/books/book-cache';
import { InstrumentBook, InstrumentBookSnapshot } from '../src/books/instrument-book';
import { randomBookCommands } from '../src/books/testing/random-commands';

const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const RESTING = env('RESTING', 100_000);
const FILLED = env('FILLED', 100_000);
const TAIL = env('TAIL', 9_999);
const RUNS = env('RUNS', 5);
const SYMBOL = 'CQEA-2025';
const APPEND_BATCH = 5_000;

const order = (orderId: string, side: 'buy' | 'sell', price: number, qty: number): PlaceOrderMessage => ({
  commandId: `place:${orderId}`,
  orderId,
  instrument: SYMBOL,
  account: `${side === 'buy' ? 'buyer' : 'seller'}-${qty % 50}`,
  side,
  type: 'limit',
  price,
  qty,
  tif: 'GTC',
  postOnly: false,
  receivedAt: 1_700_000_000_000,
});

async function main(): Promise<void> {
  const catalogue = InstrumentCatalogue.load('seeds');
  const instrument = catalogue.get(SYMBOL)!;
  const db = await createTestDatabase({ migrations: EVENT_STORE_MIGRATIONS });
  const store = new EventStore(db.dataSource, { listen: false, notify: false });
  const streamId = bookStreamId(SYMBOL);
  try {
    const live = new InstrumentBook(instrument);
    let pending: BookEvent[] = [];
    const flush = async (force = false) => {
      while (pending.length >= APPEND_BATCH || (force && pending.length > 0)) {
        const batch = pending.slice(0, APPEND_BATCH);
        pending = pending.slice(batch.length);
        live.version = (await store.append(streamId, live.version, batch)).nextVersion;
      }
    };
    const ref = instrument.referencePrice;
    for (let i = 0; i < FILLED; i += 2) {
      pending.push(...live.place(order(`f${i}`, 'sell', ref, 10)));
      pending.push(...live.place(order(`f${i + 1}`, 'buy', ref, 10)));
      await flush();
    }
    // Bids below the reference price and asks above it, spread over the band: nothing crosses.
    const halfBand = Math.floor((ref * instrument.bandBp) / 10_000);
    for (let i = 0; i < RESTING; i++) {
      const step = 1 + (i % halfBand);
      const buy = i % 2 === 0;
      pending.push(
        ...live.place(order(`r${i}`, buy ? 'buy' : 'sell', buy ? ref - step : ref + step, 1 + (i % 100))),
      );
      await flush();
    }
    await flush(true);
    const snapshot = live.snapshot();
    const snapshotJson = JSON.stringify(snapshot);
    await store.saveSnapshot(streamId, snapshot.version, snapshot);
    let tailEvents = 0;
    for (const command of randomBookCommands(SYMBOL, TAIL * 2, 42, ref, 't')) {
      if (tailEvents >= TAIL) break;
      const events =
        command.name === 'PlaceOrder' ? live.place(command.payload) : live.cancel(command.orderId);
      pending.push(...events);
      tailEvents += events.length;
      await flush();
    }
    await flush(true);
    console.log(
      `book ${SYMBOL}: ${live.liveOrders} resting orders, ${FILLED} filled, snapshot at v${snapshot.version} ` +
        `(${(snapshotJson.length / 1e6).toFixed(1)} MB JSON), ${tailEvents} events after it (v${live.version})`,
    );

    const timings: number[] = [];
    let restored: InstrumentBook | undefined;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      restored = await new BookCache(store, catalogue).load(SYMBOL);
      timings.push(performance.now() - started);
    }
    const same =
      restored!.version === live.version &&
      restored!.lastTradeNo === live.lastTradeNo &&
      JSON.stringify(restored!.depth(100_000)) === JSON.stringify(live.depth(100_000));
    if (!same) throw new Error('the recovered book differs from the live one');

    const phase = async <T>(work: () => Promise<T> | T): Promise<[T, number]> => {
      const started = performance.now();
      const value = await work();
      return [value, performance.now() - started];
    };
    const [loaded, loadMs] = await phase(() => store.loadSnapshot<InstrumentBookSnapshot>(streamId));
    const [, restoreMs] = await phase(() => InstrumentBook.restore(instrument, loaded!.state));
    const [tail, readTailMs] = await phase(() =>
      store.readStream(streamId, { fromVersion: snapshot.version + 1 }),
    );
    const [, replayMs] = await phase(() => {
      const book = InstrumentBook.restore(instrument, loaded!.state);
      for (const event of tail) book.replay(event as unknown as BookEvent);
    });

    timings.sort((a, b) => a - b);
    const round = (ms: number) => Math.round(ms * 10) / 10;
    console.log(`recovery over ${RUNS} runs: ${timings.map(round).join(', ')} ms`);
    console.log(
      `phases: snapshot read ${round(loadMs)} ms, restore ${round(restoreMs)} ms, tail read ${round(readTailMs)} ms, ` +
        `restore + tail replay ${round(replayMs)} ms`,
    );
    console.log(
      JSON.stringify({
        restingOrders: restored!.liveOrders,
        filledOrders: FILLED,
        tailEvents,
        snapshotBytes: snapshotJson.length,
        recoveryMs: round(timings[Math.floor(timings.length / 2)]),
        recoveryMsMax: round(timings[timings.length - 1]),
        snapshotReadMs: round(loadMs),
        restoreMs: round(restoreMs),
        tailReadMs: round(readTailMs),
      }),
    );
  } finally {
    await store.close();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
