import { gc, heapBytesPerRestingOrder } from './heap-per-order';
import { runNodejsOrderBook, runOurs } from './run-engines';
import { generateWorkload } from './workload';

/**
 * npm run bench:engine — 1,000,000 seeded commands (60 % limit, 25 % cancel, 10 % market,
 * 5 % IOC/FOK) through OrderBookEngine's sink path and through nodejs-order-book.
 * The last line printed is one JSON object with the figures.
 * Env: BENCH_RUNS (our timed runs, default 7), BENCH_THEIR_RUNS (default 3), BENCH_COMMANDS,
 * BENCH_ONLY=engine (only our timed runs: no latency, memory or nodejs-order-book figures).
 */
const N = Number(process.env.BENCH_COMMANDS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const THEIR_RUNS = Number(process.env.BENCH_THEIR_RUNS ?? 3);
const ENGINE_ONLY = process.env.BENCH_ONLY === 'engine';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (sorted: Float64Array, p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');

const w = generateWorkload(N);
// No forced GC between timed runs: a full GC that frees the previous run's engine also throws
// away the optimised code V8 built while running it (deopt reason "weak objects"), so every run
// after a gc() re-measured JIT warm-up (~40 % slower) rather than the engine a long-running
// exchange runs. Each side gets one GC before its warm-up; later garbage is V8's normal business.
gc();
// The id table is pre-sized for the day's order count (capacityHint), as a deployment would.
runOurs(w, 0, N); // warm-up
const ours: number[] = [];
const oursCpu: number[] = [];
const unsized: number[] = [];
let events = 0;
for (let r = 0; r < RUNS; r++) {
  const cpu0 = process.cpuUsage();
  const res = runOurs(w, 0, N);
  const cpu = process.cpuUsage(cpu0);
  ours.push(N / res.seconds);
  // Per CPU-second (user + system of the whole process): less sensitive to a busy machine.
  oursCpu.push(N / ((cpu.user + cpu.system) / 1e6));
  events = res.events;
}
const cps = median(ours);
if (ENGINE_ONLY) {
  const result = {
    commands: N,
    runs: RUNS,
    commandsPerSecond: Math.round(cps),
    commandsPerCpuSecond: Math.round(median(oursCpu)),
    eventsPerRun: events,
  };
  process.stdout.write(
    `OrderBookEngine:    ${fmt(cps)} commands/s  runs: ${ours.map(fmt).join(', ')}  [>= 5,000,000]\n` +
      `  per CPU-second:   ${fmt(result.commandsPerCpuSecond)}\n${JSON.stringify(result)}\n`,
  );
  process.exit(0);
}
for (let r = 0; r < 3; r++) {
  unsized.push(N / runOurs(w).seconds);
}
const lat = runOurs(w, 8, N).latenciesNs as Float64Array;
lat.sort();
gc();
runNodejsOrderBook(w); // warm-up, as for ours
const theirs: number[] = [];
for (let r = 0; r < THEIR_RUNS; r++) theirs.push(N / runNodejsOrderBook(w).seconds);
const mem = heapBytesPerRestingOrder(200_000);

const theirCps = median(theirs);
const result = {
  commands: N,
  runs: RUNS,
  commandsPerSecond: Math.round(cps),
  commandsPerCpuSecond: Math.round(median(oursCpu)),
  commandsPerSecondWithoutCapacityHint: Math.round(median(unsized)),
  eventsPerRun: events,
  nodejsOrderBookCommandsPerSecond: Math.round(theirCps),
  vsNodejsOrderBook: Math.round((cps / theirCps) * 10) / 10,
  p50Ns: pct(lat, 0.5),
  p99Ns: pct(lat, 0.99),
  p999Ns: pct(lat, 0.999),
  bytesPerRestingOrder: Math.round(mem.ours),
  nodejsOrderBookBytesPerRestingOrder: Math.round(mem.nodejsOrderBook),
};
const lines = [
  `workload: ${fmt(N)} commands, ${fmt(events)} events per run, median of ${RUNS} runs (targets in brackets)`,
  `OrderBookEngine:    ${fmt(cps)} commands/s  runs: ${ours.map(fmt).join(', ')}  [>= 5,000,000]`,
  `  per CPU-second (less sensitive to a busy machine): ${fmt(result.commandsPerCpuSecond)}`,
  `  same, id table not pre-sized (grows by rehashing): ${fmt(median(unsized))} commands/s`,
  `nodejs-order-book:  ${fmt(theirCps)} commands/s  runs: ${theirs.map(fmt).join(', ')}`,
  `ratio:              ${result.vsNodejsOrderBook}x  [>= 15x]`,
  `latency (1 in 8 sampled, incl. ~hrtime overhead): p50 ${result.p50Ns} ns, p99 ${result.p99Ns} ns, p999 ${result.p999Ns} ns  [p99 < 2,000 ns]`,
  `heap per resting order: ${result.bytesPerRestingOrder} B (nodejs-order-book ${result.nodejsOrderBookBytesPerRestingOrder} B)  [< 250 B]`,
];
process.stdout.write(lines.join('\n') + '\n' + JSON.stringify(result) + '\n');
