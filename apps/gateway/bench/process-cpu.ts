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
 * CPU time the services and their database backends use, so a phase's cost per order can be told
 * apart from how busy the shared machine was.
 */
export async function sampleCpu(
  pids: { gateway: number; exchange: number },
  client: Client,
): Promise<CpuSample> {
  const { rows } = await client.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  return {
    gateway: cpuMsOf(pids.gateway),
    exchange: cpuMsOf(pids.exchange),
    postgres: rows.reduce((sum, { pid }) => sum + cpuMsOf(pid), 0),
  };
}

/** CPU microseconds per order between two samples. */
export function cpuPerOrder(before: CpuSample, after: CpuSample, orders: number): CpuSample {
  const per = (k: keyof CpuSample) => (orders > 0 ? Math.round(((after[k] - before[k]) * 1000) / orders) : 0);
  return { gateway: per('gateway'), exchange: per('exchange'), postgres: per('postgres') };
}
