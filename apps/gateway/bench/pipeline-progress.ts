import { Client } from 'pg';

/** Reads from the event log how far the matching workers got: the durable end of the pipeline. */
export class PipelineProgress {
  private constructor(private readonly client: Client) {}

  static async connect(databaseUrl: string): Promise<PipelineProgress> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    return new PipelineProgress(client);
  }

  /** Orders that reached their book (accepted or rejected there), and trades, so far. */
  async counts(): Promise<{ orders: number; trades: number }> {
    const { rows } = await this.client.query<{ orders: string; trades: string }>(
      `SELECT count(*) FILTER (WHERE type IN ('OrderAccepted', 'OrderRejected')) AS orders,
              count(*) FILTER (WHERE type = 'TradeExecuted') AS trades
       FROM events WHERE stream_id LIKE 'book-%'`,
    );
    return { orders: Number(rows[0].orders), trades: Number(rows[0].trades) };
  }

  /** Waits until `orders` orders are in the books; resolves with the time it happened (ms), or null. */
  async waitFor(orders: number, timeoutMs: number): Promise<number | null> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      if ((await this.counts()).orders >= orders) return performance.now();
      await new Promise((r) => setTimeout(r, 100));
    }
    return null;
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
