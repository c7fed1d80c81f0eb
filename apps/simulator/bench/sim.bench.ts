/**
 * Simulator benchmark: the Chengdu–Chongqing scenario (≈1,000 firms, 250 trading days) embedded
 * in one process through the real matching engine, its event log written to a temporary folder,
 * then replayed. Prints figures; the last line is one JSON object.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../src/scenario/load-scenario';
import { FileEventLog } from '../src/run/event-log';
import { simulate } from '../src/run/simulate';
import { replayFile } from '../src/replay/read-log';

const file = process.argv[2] ?? join(__dirname, '../../../../seeds/scenarios/chengdu-chongqing.yaml');
const scenario = loadScenario(file);
const dir = mkdtempSync(join(tmpdir(), 'sim-bench-'));
try {
  const path = join(dir, 'events.jsonl');
  const t0 = process.hrtime.bigint();
  const log = new FileEventLog(path);
  const stats = simulate(scenario, log);
  const sha = log.close();
  const t1 = process.hrtime.bigint();
  const replay = replayFile(path);
  const t2 = process.hrtime.bigint();
  const seconds = Number(t1 - t0) / 1e9;
  const replaySeconds = Number(t2 - t1) / 1e9;
  const bytes = statSync(path).size;
  const summary = replay.results.summary;
  const y = summary.years[String(scenario.years[0])];
  console.log(
    `scenario ${scenario.name}: ${scenario.firms.length} firms, ${scenario.tradingDaysPerYear} days × ${scenario.years.length} year(s), ${scenario.market.stepsPerDay} steps/day`,
  );
  console.log(
    `simulate: ${stats.orders} orders, ${stats.events} events, ${(bytes / 1e6).toFixed(1)} MB log in ${seconds.toFixed(2)} s (${Math.round(stats.orders / seconds)} orders/s)`,
  );
  console.log(
    `replay: ${replay.events} events in ${replaySeconds.toFixed(2)} s (${Math.round(replay.events / replaySeconds)} events/s)`,
  );
  if (y) {
    for (const [m, v] of Object.entries(y.markets)) {
      console.log(
        `market ${m}: final-tenth VWAP ${v.vwapFinalDays} fen/t vs analytic ${y.analytic[m]?.equilibriumPrice ?? '-'}; volume ${v.volume} t in ${v.trades} trades`,
      );
    }
  }
  console.log(`eventLogSha256 ${sha} (replay ${summary.eventLogSha256 === sha ? 'matches' : 'DIFFERS'})`);
  console.log(
    JSON.stringify({
      seconds: Number(seconds.toFixed(3)),
      orders: stats.orders,
      events: stats.events,
      firms: scenario.firms.length,
      tradingDays: scenario.tradingDaysPerYear,
      replaySeconds: Number(replaySeconds.toFixed(3)),
      replayEventsPerSecond: Math.round(replay.events / replaySeconds),
      eventLogSha256: sha,
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
