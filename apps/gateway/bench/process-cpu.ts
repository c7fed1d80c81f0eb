import { readFileSync } from 'node:fs';
import type { Client } from 'pg';

/** Linux clock ticks per second (USER_HZ), the unit of /proc/<pid>/stat times. */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system, ms) the process has used so far; 0 once it is gone. */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is [0], utime [11], stime [12].
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

export interface CpuSample {
  gateway: number;
  exchange: number;
  /** The PostgreSQL backends connected to the bench database (other databases' are not counted). */
  postgres: number;
}

/**
 * CPU time the services and their database backends use over a phase, so its cost per order can
 * be told apart from how busy the shared machine was. Polled: a backend the pool closes during
 * the phase keeps the time it was last seen with, one it opens counts from zero.
 */
export class CpuMeter {
  private readonly first = new Map<string, number>();
  private readonly last = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> = Promise.resolve();

  constructor(
    private readonly pids: { gateway: number; exchange: number },
    private readonly client: Client,
  ) {}

  async start(intervalMs = 250): Promise<void> {
    await this.poll(true);
    this.timer = setInterval(() => {
      this.polling = this.polling.then(() => this.poll(false)).catch(() => undefined);
    }, intervalMs);
  }

  /** CPU µs per order since `start`. */
  async perOrder(orders: number): Promise<CpuSample> {
    clearInterval(this.timer);
    await this.polling;
    await this.poll(false);
    const used = (prefix: string): number => {
      let sum = 0;
      for (const [key, ms] of this.last) if (key.startsWith(prefix)) sum += ms - (this.first.get(key) ?? 0);
      return orders > 0 ? Math.round((sum * 1000) / orders) : 0;
    };
    return { gateway: used('gateway'), exchange: used('exchange'), postgres: used('postgres') };
  }

  private async poll(initial: boolean): Promise<void> {
    const { rows } = await this.client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    const seen: [string, number][] = [
      ['gateway', cpuMsOf(this.pids.gateway)],
      ['exchange', cpuMsOf(this.pids.exchange)],
      ...rows.map(({ pid }): [string, number] => [`postgres:${pid}`, cpuMsOf(pid)]),
    ];
    for (const [key, ms] of seen) {
      if (ms === 0) continue; // gone between the query and the read
      if (initial) this.first.set(key, ms);
      this.last.set(key, ms);
    }
  }
}
