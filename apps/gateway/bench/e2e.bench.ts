/**
 * End-to-end exchange benchmark: the gateway and the exchange as separate processes on the local
 * PostgreSQL and Redis (started here on a fresh database, like the services e2e test), orders
 * over HTTP.
 *
 *   npm run bench:e2e
 *   DURATION=10 RATE=5000 CONNECTIONS=64 BATCH=100 npm run bench:e2e
 *
 * Phases: (1) single `POST /orders` as fast as it answers, (2) single orders at the sustained
 * RATE, for latency percentiles, (3) `POST /orders/batch` with BATCH orders a request. After each
 * phase it waits until every acknowledged order is a durable event in its book stream: the full
 * pipeline rate. The last line printed is one JSON object with the figures.
 */
import autocannon from 'autocannon';
import { startServices, type RunningServices } from './bench-services';
import { BenchOrder, fundMembers, orderStream } from './order-flow';
import { PipelineProgress } from './pipeline-progress';
import type { CpuSample } from './process-cpu';
import { benchAuthHeaders } from './bench-auth';

const env = (name: string, fallback: number): number => {
  const raw = process.env[name];
  return raw === undefined ? fallback : Number(raw);
};

const DURATION = env('DURATION', 10);
const RATE = env('RATE', 5000);
const CONNECTIONS = env('CONNECTIONS', 64);
const BATCH = env('BATCH', 100);
const BATCH_CONNECTIONS = env('BATCH_CONNECTIONS', 8);
const MEMBERS = env('MEMBERS', 100);
/** Gateway and exchange connection pools; concurrent requests beyond it queue for a connection. */
const POOL = env('POOL', 32);
const PIPELINE_TIMEOUT_MS = env('PIPELINE_TIMEOUT', 180) * 1000;

interface PhaseResult {
  acknowledged: number;
  requestsPerSecond: number;
  ordersPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  pipelineOrdersPerSecond: number | null;
  drainMs: number | null;
  /** Order received at the gateway → its trade durable in the book stream. */
  tradeLatency: { p50Ms: number; p99Ms: number } | null;
  /** CPU µs per acknowledged order, load and drain: what the figures cost whatever else runs. */
  cpuUsPerOrder: CpuSample;
}

async function phase(
  name: string,
  services: RunningServices,
  progress: PipelineProgress,
  options: {
    path: string;
    body: () => unknown;
    /** Orders a successful response acknowledged (a batch says how many it received). */
    acknowledgedIn: (body: string) => number;
    overallRate?: number;
    connections?: number;
  },
): Promise<PhaseResult> {
  const fromPosition = await progress.position();
  const cpu = await progress.cpuMeter(services.pids);
  let acknowledged = 0;
  const startedAt = performance.now();
  const result = await autocannon({
    url: services.gatewayUrl,
    connections: options.connections ?? CONNECTIONS,
    duration: DURATION,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    requests: [
      {
        method: 'POST',
        path: options.path,
        headers: { ...benchAuthHeaders(), 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(options.body()) }),
        onResponse: (status, body) => {
          if (status >= 200 && status < 300) acknowledged += options.acknowledgedIn(body);
        },
      },
    ],
  });
  const loadEndedAt = performance.now();
  const seconds = (loadEndedAt - startedAt) / 1000;
  const doneAt = await progress.waitFor(acknowledged, fromPosition, PIPELINE_TIMEOUT_MS);
  const cpuUsPerOrder = await cpu.perOrder(acknowledged);
  const out: PhaseResult = {
    acknowledged,
    requestsPerSecond: Math.round(result['2xx'] / seconds),
    ordersPerSecond: Math.round(acknowledged / seconds),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    pipelineOrdersPerSecond:
      doneAt === null ? null : Math.round(acknowledged / ((doneAt - startedAt) / 1000)),
    drainMs: doneAt === null ? null : Math.round(doneAt - loadEndedAt),
    tradeLatency: await progress.tradeLatency(fromPosition),
    cpuUsPerOrder,
  };
  console.log(
    `${name}: ${out.acknowledged} orders acknowledged in ${seconds.toFixed(1)} s = ${out.ordersPerSecond}/s, ` +
      `latency p50 ${out.p50Ms} ms p99 ${out.p99Ms} ms, ${out.non2xx} non-2xx, ${out.errors} errors/timeouts; ` +
      (doneAt === null
        ? `pipeline did not drain within ${PIPELINE_TIMEOUT_MS / 1000} s`
        : `all in the books ${out.drainMs} ms after the load ended: pipeline ${out.pipelineOrdersPerSecond} orders/s`) +
      (out.tradeLatency
        ? `; order received → trade durable p50 ${out.tradeLatency.p50Ms} ms p99 ${out.tradeLatency.p99Ms} ms`
        : '') +
      `; CPU µs/order gateway ${out.cpuUsPerOrder.gateway}, exchange ${out.cpuUsPerOrder.exchange}, ` +
      `PostgreSQL ${out.cpuUsPerOrder.postgres}`,
  );
  return out;
}

async function batchEndpointExists(gatewayUrl: string): Promise<boolean> {
  const response = await fetch(`${gatewayUrl}/orders/batch`, {
    method: 'POST',
    headers: { ...benchAuthHeaders(), 'content-type': 'application/json' },
    body: '{}',
  });
  await response.arrayBuffer();
  return response.status !== 404;
}

async function main(): Promise<void> {
  console.log(`starting gateway and exchange on PostgreSQL and Redis (${DURATION} s per phase)`);
  // e.g. NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile both services.
  const services = await startServices(
    { DATABASE_POOL_SIZE: String(POOL) },
    (process.env.NODE_ARGS ?? '').split(' ').filter(Boolean),
  );
  const progress = await PipelineProgress.connect(services.databaseUrl);
  try {
    const funded = await fundMembers(services.gatewayUrl, MEMBERS, services.registryUrl);
    console.log(
      funded
        ? `${MEMBERS} members registered and funded`
        : 'no member accounts on this gateway (POST /members 404): orders go unfunded',
    );
    const next = orderStream(MEMBERS);
    const single = { path: '/orders', body: next, acknowledgedIn: () => 1 };
    await phase('warm-up', services, progress, { ...single, overallRate: 500 });
    const max = await phase('single orders, flat out', services, progress, single);
    const sustained = await phase(`single orders at ${RATE}/s`, services, progress, {
      ...single,
      overallRate: RATE,
    });
    let batch: PhaseResult | null = null;
    if (await batchEndpointExists(services.gatewayUrl)) {
      batch = await phase(`batches of ${BATCH}`, services, progress, {
        path: '/orders/batch',
        connections: BATCH_CONNECTIONS,
        body: (): { orders: BenchOrder[] } => ({ orders: Array.from({ length: BATCH }, next) }),
        acknowledgedIn: (body) => (JSON.parse(body) as { received: number }).received,
      });
    } else {
      console.log('POST /orders/batch is not there (404): batch figures are null');
    }
    const { trades } = await progress.counts();
    console.log(`${trades} trades executed in all`);
    console.log(
      JSON.stringify({
        ordersPerSecond: max.ordersPerSecond,
        p50Ms: sustained.p50Ms,
        p99Ms: sustained.p99Ms,
        sustainedTargetRate: RATE,
        sustainedOrdersPerSecond: sustained.ordersPerSecond,
        batchOrdersPerSecond: batch?.ordersPerSecond ?? null,
        batchP99Ms: batch?.p99Ms ?? null,
        batchRequestsPerSecond: batch?.requestsPerSecond ?? null,
        pipelineOrdersPerSecond: max.pipelineOrdersPerSecond,
        pipelineTradeP50Ms: sustained.tradeLatency?.p50Ms ?? null,
        pipelineTradeP99Ms: sustained.tradeLatency?.p99Ms ?? null,
        batchPipelineOrdersPerSecond: batch?.pipelineOrdersPerSecond ?? null,
        cpuUsPerOrderSingle: max.cpuUsPerOrder,
        cpuUsPerOrderBatch: batch?.cpuUsPerOrder ?? null,
        trades,
        funded,
        non2xx: max.non2xx + sustained.non2xx + (batch?.non2xx ?? 0),
        durationSeconds: DURATION,
        connections: CONNECTIONS,
        members: MEMBERS,
        pool: POOL,
      }),
    );
  } finally {
    await progress.close();
    await services.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
