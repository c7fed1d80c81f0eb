/**
 * Soak: the gateway, an exchange worker and the registry as separate processes (built by
 * `npm run build`) on a fresh database of the local PostgreSQL and the local Redis, under a steady
 * mix of orders, cancels, amends, market-data reads and registry reads for SOAK_MINUTES minutes.
 * Every minute: latency percentiles per kind of request, and each process's RSS and V8 heap
 * (sampled through a preloaded probe). At the end: whether memory and latency stayed flat.
 * Human-readable figures, then, as the LAST line, one JSON object with the same figures.
 *
 *   npm run soak                      # 10 minutes, 40 requests/s
 *   SOAK_MINUTES=2 SOAK_RATE=60 npm run soak
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { mulberry32 } from '@app/domain';
import { InstrumentCatalogue } from '@app/platform';
import { createTestDatabase, testRedisUrl } from '@app/platform/testing';
import { postJson, requestHeaders } from '../support/http';
import { fundMember } from '../support/members';
import { installTestCredentials, TEST_JWT_SECRET } from '../support/test-credentials';
import { ServiceApp, ServiceProcesses } from '../support/service-processes';
import { percentile, round, slope } from './soak-stats';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
/** Requests started per second, whatever the answers' speed (an open loop). */
const RATE = Number(process.env.SOAK_RATE ?? 40);
/** Beyond this many unanswered requests a tick is skipped (and counted), so a stall cannot snowball. */
const MAX_IN_FLIGHT = 64;
const SAMPLE_EVERY_MS = 5000;
/** Flat: the last minute's heap at most this times the first's (after warm-up) ... */
const MAX_HEAP_RATIO = 1.3;
/** ... or grown by less than this over the run (GC sawtooth on a small heap). */
const MAX_HEAP_GROWTH_MB = 24;
const MAX_P50_RATIO = 1.5;
const MAX_P99_RATIO = 2.5;

const INSTRUMENTS = ['CQEA-2025', 'SCEA-2025', 'CCER', 'CQCER'];
const TRADERS = 4;
const HOLDER = 'soak-holder';
const catalogue = InstrumentCatalogue.load('seeds');
const MB = 1024 * 1024;

type Kind =
  | 'order'
  | 'cancel'
  | 'amend'
  | 'book'
  | 'trades'
  | 'bars'
  | 'member-orders'
  | 'registry-supply'
  | 'registry-account'
  | 'custody-reconciliation';
/** Share of each kind in the mix, in percent; passive orders rest and are cancelled about as fast. */
const MIX: [Kind, number][] = [
  ['order', 30],
  ['cancel', 15],
  ['amend', 10],
  ['book', 10],
  ['trades', 10],
  ['bars', 5],
  ['member-orders', 5],
  ['registry-supply', 5],
  ['registry-account', 5],
  ['custody-reconciliation', 5],
];

interface Minute {
  latencies: Map<Kind, number[]>;
  status: { ok: number; refused: number; serverError: number; noAnswer: number };
  skipped: number;
}
interface MemorySample {
  minute: number;
  atMin: number;
  rssMb: number;
  heapUsedMb: number;
}

async function main(): Promise<void> {
  // The services sign tokens with this secret; the soak's requests carry an administrator's (or a regulator's) token.
  process.env.JWT_SECRET ??= TEST_JWT_SECRET;
  installTestCredentials(process.env.JWT_SECRET);
  const db = await createTestDatabase();
  await db.dataSource.destroy();
  const probeDir = mkdtempSync(join(tmpdir(), 'soak-probe-'));
  const processes = new ServiceProcesses();
  const env = {
    DATABASE_URL: db.url,
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: `soak-${randomBytes(4).toString('hex')}`,
    SOAK_PROBE_DIR: probeDir,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${resolve(__dirname, 'heap-probe.js')}`.trim(),
  };
  const pids = new Map<ServiceApp, number>();
  const start = async (app: ServiceApp) => {
    const { url, child } = await processes.start(app, env);
    pids.set(app, child.pid!);
    return url;
  };
  try {
    // The first process migrates the fresh database; the others start on the migrated schema.
    const gateway = await start('gateway');
    const [, registry] = await Promise.all([start('exchange'), start('registry')]);
    await setUp(gateway, registry);
    const figures = await soak(gateway, registry, pids, probeDir);
    report({ ...figures, clearing: await clearingLeftovers(db.url) });
  } finally {
    await processes.stopAll();
    await db.drop();
    rmSync(probeDir, { recursive: true, force: true });
  }
}

async function setUp(gateway: string, registry: string): Promise<void> {
  for (let n = 0; n < TRADERS; n++) {
    await fundMember(gateway, `soak-buyer-${n}`, { cash: 1_000_000_000_000_000 });
    await fundMember(gateway, `soak-seller-${n}`, {
      units: Object.fromEntries(INSTRUMENTS.map((i) => [i, 1_000_000_000])),
      registryUrl: registry,
    });
  }
  for (const [path, body] of [
    ['accounts', { accountId: HOLDER, accountType: 'ENTERPRISE_HOLDING' }],
    ['issuances', { accountId: HOLDER, kind: 'CARBON_ALLOWANCE', vintage: 2025, quantity: 1_000_000 }],
  ] as const) {
    const answer = await postJson(`${registry}/registries/CQ/${path}`, {
      commandId: `soak-${path}`,
      actor: 'regulator:cq',
      ...body,
    });
    if (answer.status !== 201)
      throw new Error(`registry ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

async function soak(gateway: string, registry: string, pids: Map<ServiceApp, number>, probeDir: string) {
  const prng = mulberry32(2026);
  const pick = <T>(items: T[]): T => items[prng.nextInt(items.length)];
  const minutes: Minute[] = Array.from({ length: MINUTES }, () => ({
    latencies: new Map(),
    status: { ok: 0, refused: 0, serverError: 0, noAnswer: 0 },
    skipped: 0,
  }));
  const memory = new Map<ServiceApp, MemorySample[]>([...pids.keys()].map((app) => [app, []]));
  /** Passive orders acknowledged and not yet cancelled: what cancels and amends work on. */
  const resting: { orderId: string; qty: number }[] = [];
  const startedAt = performance.now();
  const minuteNow = () => Math.min(MINUTES - 1, Math.floor((performance.now() - startedAt) / 60_000));
  let inFlight = 0;
  let orderNo = 0;

  /** One timed request; its status and body text, or undefined when no answer came. */
  const call = async (
    kind: Kind,
    url: string,
    init: RequestInit = {},
  ): Promise<{ status: number; text: string } | undefined> => {
    const minute = minutes[minuteNow()];
    const t0 = performance.now();
    inFlight++;
    try {
      const response = await fetch(url, {
        ...init,
        headers: { ...requestHeaders(), ...(init.body ? { 'content-type': 'application/json' } : {}) },
      });
      const text = await response.text();
      const list = minute.latencies.get(kind) ?? [];
      list.push(performance.now() - t0);
      minute.latencies.set(kind, list);
      if (response.status >= 500) minute.status.serverError++;
      else if (response.status >= 400) minute.status.refused++;
      else minute.status.ok++;
      return { status: response.status, text };
    } catch {
      minute.status.noAnswer++;
      return undefined;
    } finally {
      inFlight--;
    }
  };

  const operation: Record<Kind, () => Promise<unknown>> = {
    order: async () => {
      const instrument = pick(INSTRUMENTS);
      const { referencePrice, tick } = catalogue.get(instrument)!;
      const side = prng.nextInt(2) === 0 ? 'buy' : 'sell';
      const passive = prng.nextInt(2) === 0;
      // Crossing orders trade near the reference price; passive ones rest 10-30 ticks away from it.
      const away = (passive ? -(10 + prng.nextInt(20)) : prng.nextInt(3)) * tick;
      const qty = 1 + prng.nextInt(20);
      const response = await call('order', `${gateway}/orders`, {
        method: 'POST',
        body: JSON.stringify({
          instrument,
          account: `soak-${side === 'buy' ? 'buyer' : 'seller'}-${prng.nextInt(TRADERS)}`,
          side,
          price: referencePrice + (side === 'buy' ? away : -away),
          qty,
          clientOrderId: `soak-${orderNo++}`,
        }),
      });
      if (passive && response?.status === 202) {
        const { orderId } = JSON.parse(response.text) as { orderId?: string };
        if (orderId) resting.push({ orderId, qty });
      }
    },
    cancel: async () => {
      const order = resting.shift();
      if (order) await call('cancel', `${gateway}/orders/${order.orderId}`, { method: 'DELETE' });
    },
    amend: async () => {
      if (!resting.length) return;
      const order = pick(resting);
      order.qty = Math.max(1, order.qty + (prng.nextInt(2) === 0 ? -1 : 1));
      await call('amend', `${gateway}/orders/${order.orderId}`, {
        method: 'PATCH',
        body: JSON.stringify({ qty: order.qty }),
      });
    },
    book: () => call('book', `${gateway}/book/${pick(INSTRUMENTS)}?levels=10`),
    trades: () => call('trades', `${gateway}/trades?instrument=${pick(INSTRUMENTS)}&limit=50`),
    bars: () => call('bars', `${gateway}/bars/${pick(INSTRUMENTS)}?interval=1m&limit=60`),
    'member-orders': () =>
      call(
        'member-orders',
        `${gateway}/members/soak-buyer-${prng.nextInt(TRADERS)}/orders?status=open&limit=50`,
      ),
    'registry-supply': () => call('registry-supply', `${registry}/registries/CQ/supply`),
    'registry-account': () => call('registry-account', `${registry}/registries/CQ/accounts/${HOLDER}`),
    'custody-reconciliation': () =>
      call('custody-reconciliation', `${registry}/registries/CQ/custody-reconciliation`),
  };
  const kinds = MIX.flatMap(([kind, share]) => Array<Kind>(share).fill(kind));

  const sampleMemory = () => {
    const atMin = (performance.now() - startedAt) / 60_000;
    for (const [app, pid] of pids) {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readIfExists(`/proc/${pid}/status`) ?? '')?.[1];
      const usage = JSON.parse(readIfExists(join(probeDir, `${pid}.json`)) ?? '{}') as { heapUsed?: number };
      if (rss === undefined || usage.heapUsed === undefined) continue;
      memory.get(app)!.push({
        minute: minuteNow(),
        atMin,
        rssMb: Number(rss) / 1024,
        heapUsedMb: usage.heapUsed / MB,
      });
    }
  };
  const sampler = setInterval(sampleMemory, SAMPLE_EVERY_MS);

  const total = MINUTES * 60 * RATE;
  const pending = new Set<Promise<unknown>>();
  for (let i = 0; i < total; i++) {
    const due = startedAt + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (i % (60 * RATE) === 0 && i > 0)
      process.stderr.write(`soak: minute ${i / (60 * RATE)} of ${MINUTES} done\n`);
    if (inFlight >= MAX_IN_FLIGHT) {
      minutes[minuteNow()].skipped++;
      continue;
    }
    const p = operation[pick(kinds)]();
    pending.add(p);
    void p.finally(() => pending.delete(p));
  }
  await Promise.all(pending);
  sampleMemory();
  clearInterval(sampler);
  return summarise(minutes, memory);
}

function summarise(minutes: Minute[], memory: Map<ServiceApp, MemorySample[]>) {
  const perMinute = minutes.map((m, index) => {
    const all = [...m.latencies.values()].flat();
    return {
      minute: index + 1,
      requests: all.length,
      ratePerSecond: round(all.length / 60),
      ...m.status,
      skipped: m.skipped,
      p50Ms: round(percentile(all, 50)),
      p95Ms: round(percentile(all, 95)),
      p99Ms: round(percentile(all, 99)),
      byKindP99Ms: Object.fromEntries([...m.latencies].map(([kind, l]) => [kind, round(percentile(l, 99))])),
      memoryMb: Object.fromEntries(
        [...memory].map(([app, samples]) => {
          const inMinute = samples.filter((s) => s.minute === index);
          const mean = (f: (s: MemorySample) => number) =>
            round(inMinute.reduce((sum, s) => sum + f(s), 0) / Math.max(1, inMinute.length));
          return [app, { rss: mean((s) => s.rssMb), heapUsed: mean((s) => s.heapUsedMb) }];
        }),
      ),
    };
  });
  // The first minute warms caches and JIT up; it is compared only when there is nothing else.
  const warm = perMinute.length >= 3 ? perMinute.slice(1) : perMinute;
  const [first, last] = [warm[0], warm[warm.length - 1]];
  const memoryTrend = Object.fromEntries(
    [...memory].map(([app, samples]) => {
      const measured = samples.filter((s) => s.minute >= perMinute.indexOf(first));
      const heapFirst = first.memoryMb[app].heapUsed;
      const heapLast = last.memoryMb[app].heapUsed;
      const heapSlope = slope(measured.map((s) => [s.atMin, s.heapUsedMb]));
      const rssSlope = slope(measured.map((s) => [s.atMin, s.rssMb]));
      const flat =
        heapLast <= heapFirst * MAX_HEAP_RATIO ||
        heapSlope * (measured.length ? MINUTES : 0) < MAX_HEAP_GROWTH_MB;
      return [
        app,
        {
          heapFirstMb: heapFirst,
          heapLastMb: heapLast,
          heapRatio: round(heapLast / Math.max(heapFirst, 1), 2),
          heapSlopeMbPerMin: round(heapSlope, 2),
          rssSlopeMbPerMin: round(rssSlope, 2),
          flat,
        },
      ];
    }),
  );
  const latencyTrend = {
    p50Ratio: round(last.p50Ms / Math.max(first.p50Ms, 0.1), 2),
    p99Ratio: round(last.p99Ms / Math.max(first.p99Ms, 0.1), 2),
  };
  const latencyFlat = latencyTrend.p50Ratio <= MAX_P50_RATIO && latencyTrend.p99Ratio <= MAX_P99_RATIO;
  const serverErrors = perMinute.reduce((s, m) => s + m.serverError + m.noAnswer, 0);
  return {
    minutes: MINUTES,
    targetRatePerSecond: RATE,
    comparedMinutes: [first.minute, last.minute],
    perMinute,
    memoryTrend,
    latencyTrend,
    verdict: {
      memoryFlat: Object.values(memoryTrend).every((m) => m.flat),
      latencyFlat,
      serverErrors,
    },
  };
}

function report(
  figures: Awaited<ReturnType<typeof summarise>> & {
    clearing: { unhandledCommands: number; pendingAmendments: number };
  },
): void {
  const lines = [`soak: ${figures.minutes} min at ${figures.targetRatePerSecond} requests/s`];
  lines.push('minute  req/s   ok  4xx  5xx  none  skip   p50ms   p95ms   p99ms  memory MB (rss/heap)');
  for (const m of figures.perMinute)
    lines.push(
      `${String(m.minute).padStart(6)} ${String(m.ratePerSecond).padStart(6)} ${String(m.ok).padStart(4)} ` +
        `${String(m.refused).padStart(4)} ${String(m.serverError).padStart(4)} ${String(m.noAnswer).padStart(5)} ` +
        `${String(m.skipped).padStart(5)} ${String(m.p50Ms).padStart(7)} ${String(m.p95Ms).padStart(7)} ` +
        `${String(m.p99Ms).padStart(7)}  ` +
        Object.entries(m.memoryMb)
          .map(([app, v]) => `${app} ${v.rss}/${v.heapUsed}`)
          .join(', '),
    );
  lines.push(
    `compared minutes ${figures.comparedMinutes.join(' and ')} (minute 1 is warm-up when there are 3 or more)`,
  );
  for (const [app, t] of Object.entries(figures.memoryTrend))
    lines.push(
      `  ${app}: heap ${t.heapFirstMb} → ${t.heapLastMb} MB (×${t.heapRatio}, ${t.heapSlopeMbPerMin} MB/min), ` +
        `rss ${t.rssSlopeMbPerMin} MB/min: ${t.flat ? 'flat' : 'GROWING'}`,
    );
  lines.push(
    `  latency: p50 ×${figures.latencyTrend.p50Ratio}, p99 ×${figures.latencyTrend.p99Ratio}: ` +
      `${figures.verdict.latencyFlat ? 'flat' : 'GROWING'}`,
  );
  lines.push(
    `verdict: memory ${figures.verdict.memoryFlat ? 'flat' : 'GROWING'}, latency ${figures.verdict.latencyFlat ? 'flat' : 'GROWING'}, ` +
      `${figures.verdict.serverErrors} server errors or unanswered requests`,
  );
  lines.push(
    `clearing: ${figures.clearing.unhandledCommands} messages unhandled 30 s after the load, ` +
      `${figures.clearing.pendingAmendments} amendments left pending`,
  );
  process.stdout.write(`${lines.join('\n')}\n${JSON.stringify(figures)}\n`);
}

/**
 * Once every message has been handled (a dropped one never is): amendments whose top-up is still
 * pending (a dropped amend command leaves one, and the order then refuses every later amendment
 * with 409).
 */
async function clearingLeftovers(
  url: string,
): Promise<{ unhandledCommands: number; pendingAmendments: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0].n);
    // Handled: some consumer recorded the message (the relay stamps acknowledged_at only later).
    const unhandled = () =>
      count(`SELECT count(*) AS n FROM outbox o WHERE o.acknowledged_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM processed_messages p WHERE p.message_id = o.message_id)`);
    for (const deadline = Date.now() + 30_000; (await unhandled()) > 0 && Date.now() < deadline;)
      await new Promise((r) => setTimeout(r, 250));
    return {
      unhandledCommands: await unhandled(),
      pendingAmendments: await count(
        'SELECT count(*) AS n FROM clearing_orders WHERE amend_top_up IS NOT NULL',
      ),
    };
  } finally {
    await client.end();
  }
}

function readIfExists(path: string): string | undefined {
  try {
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `soak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
