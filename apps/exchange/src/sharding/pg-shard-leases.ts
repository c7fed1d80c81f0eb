import { Client } from 'pg';
import { shardOf } from '@app/contracts';

const LOCKS_OF = `SELECT objid::int AS key FROM pg_locks
  WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid::bigint = $1
    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;

/**
 * Shard leases as PostgreSQL session advisory locks on one dedicated connection: a lock lives
 * exactly as long as the connection, so a worker that dies (even by SIGKILL) frees its shards
 * the moment the server sees its socket close. Every worker also holds one shared "alive" lock,
 * which is how the others count live workers. Keys are namespaced by the queue prefix, so two
 * deployments on one database do not take each other's shards.
 */
export class PgShardLeases {
  private readonly shardsKey: number;
  private readonly workersKey: number;
  private client: Client | undefined;

  constructor(
    private readonly databaseUrl: string,
    namespace: string,
    private readonly onLost: (error: Error) => void,
  ) {
    this.shardsKey = shardOf(`exchange-shards:${namespace}`, 2 ** 31);
    this.workersKey = shardOf(`exchange-workers:${namespace}`, 2 ** 31);
  }

  async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.databaseUrl,
      // The pid lets an operator (or a test) see which process holds which shard in pg_locks.
      application_name: `exchange-shard-leases:${process.pid}`,
      keepAlive: true,
      // A lease query that hangs (network partition) counts as a lost connection: stop consuming.
      query_timeout: 10_000,
      connectionTimeoutMillis: 10_000,
    });
    client.on('error', (error: Error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('shard lease connection ended')));
    await client.connect();
    this.client = client;
    await client.query('SELECT pg_advisory_lock_shared($1, 0)', [this.workersKey]);
  }

  async liveWorkers(): Promise<number> {
    return (await this.query(LOCKS_OF, [this.workersKey])).length;
  }

  /** Shards some worker (this one included) holds. */
  async heldShards(): Promise<Set<number>> {
    return new Set((await this.query(LOCKS_OF, [this.shardsKey])).map((row) => row.key as number));
  }

  async tryAcquire(shard: number): Promise<boolean> {
    const [row] = await this.query('SELECT pg_try_advisory_lock($1, $2) AS locked', [this.shardsKey, shard]);
    return row?.locked === true;
  }

  async release(shard: number): Promise<void> {
    await this.query('SELECT pg_advisory_unlock($1, $2)', [this.shardsKey, shard]);
  }

  /** Ends the connection, which frees every lease it held. */
  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async query(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    if (!this.client) throw new Error('shard lease connection is closed');
    return (await this.client.query(sql, params)).rows as Record<string, unknown>[];
  }

  private lost(client: Client, error: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.onLost(error);
  }
}
