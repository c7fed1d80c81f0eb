import { Client } from 'pg';
import { POSITIONS_PER_ROW, UNPACK_EVENTS } from '@app/event-store';
import { CpuMeter } from './process-cpu';

/**
 * The events after position $1, read from the packed rows (the `events` view cannot use an index
 * for a position), with `where` on the row (`b`) and the event (`x.e`).
 */
const eventsAfter = (columns: string, where: string) => `
  SELECT ${columns}
    FROM event_rows b ${UNPACK_EVENTS}
   WHERE b.position > $1::bigint - ${POSITIONS_PER_ROW} AND b.position + x.ord - 1 > $1::bigint AND ${where}`;

/** Reads from the event log how far the matching workers got: the durable end of the pipeline. */
export class PipelineProgress {
  private constructor(private readonly client: Client) {}

  static async connect(databaseUrl: string): Promise<PipelineProgress> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    return new PipelineProgress(client);
  }

  /**
   * Orders that reached their book (accepted or rejected there), and trades, after a position
   * (0: all so far). A phase counts from its start, so the poll reads only that phase's events
   * and does not compete more with the pipeline as the log grows.
   */
  async counts(afterPosition = 0): Promise<{ orders: number; trades: number }> {
    const { rows } = await this.client.query<{ orders: string; trades: string }>(
      eventsAfter(
        `count(*) FILTER (WHERE x.e->>'type' IN ('OrderAccepted', 'OrderRejected')) AS orders,
         count(*) FILTER (WHERE x.e->>'type' = 'TradeExecuted') AS trades`,
        `b.stream_id LIKE 'book-%'`,
      ),
      [afterPosition],
    );
    return { orders: Number(rows[0].orders), trades: Number(rows[0].trades) };
  }

  /** Highest global position so far: the start of a phase's events. */
  async position(): Promise<number> {
    const { rows } = await this.client.query<{ p: string | null }>(
      'SELECT position + count - 1 AS p FROM event_rows ORDER BY position DESC LIMIT 1',
    );
    return Number(rows[0].p ?? 0);
  }

  /**
   * Latency from the taker order's arrival at the gateway (`executedAt`, the gateway clock) to its
   * trade being written in the book stream (`recorded_at`), for trades after `fromPosition`.
   */
  async tradeLatency(fromPosition: number): Promise<{ p50Ms: number; p99Ms: number } | null> {
    const { rows } = await this.client.query<{ p50: number | null; p99: number | null }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99
       FROM (${eventsAfter(
         `extract(epoch FROM b.recorded_at) * 1000 - (x.e->'data'->>'executedAt')::bigint AS ms`,
         `x.e->>'type' = 'TradeExecuted'`,
       )}) t`,
      [fromPosition],
    );
    const { p50, p99 } = rows[0];
    return p50 === null || p99 === null ? null : { p50Ms: Math.round(p50), p99Ms: Math.round(p99) };
  }

  /**
   * Waits until `orders` orders after `afterPosition` are in the books; resolves with the time it
   * happened (ms), or null.
   */
  async waitFor(orders: number, afterPosition: number, timeoutMs: number): Promise<number | null> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      if ((await this.counts(afterPosition)).orders >= orders) return performance.now();
      await new Promise((r) => setTimeout(r, 100));
    }
    return null;
  }

  /** Starts measuring the CPU the services and their database backends use. */
  async cpuMeter(pids: { gateway: number; exchange: number }): Promise<CpuMeter> {
    const meter = new CpuMeter(pids, this.client);
    await meter.start();
    return meter;
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
