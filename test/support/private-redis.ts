import { ChildProcess, spawn } from 'node:child_process';
import Redis from 'ioredis';
import { eventually, freePort } from './http';

/**
 * A `redis-server` of the test's own on a free port, without persistence, so a fault test may
 * FLUSHALL it without touching the shared Redis other suites use.
 */
export class PrivateRedis {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<PrivateRedis> {
    const port = await freePort();
    const child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    const redis = new PrivateRedis(child, port);
    await eventually(
      async () => ((await redis.command('PING')) === 'PONG' ? true : undefined),
      10_000,
      'redis-server',
    );
    return redis;
  }

  /** One command on a short-lived connection, e.g. `FLUSHALL`. */
  async command(name: string, ...args: string[]): Promise<unknown> {
    const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    try {
      await client.connect();
      return await client.call(name, ...args);
    } finally {
      client.disconnect();
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    await new Promise((resolve) => (this.child.once('exit', resolve), this.child.kill('SIGTERM')));
  }
}
