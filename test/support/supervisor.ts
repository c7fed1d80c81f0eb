import { ChildProcess } from 'node:child_process';
import { ServiceApp, ServiceProcesses } from './service-processes';

interface Supervised {
  readonly app: ServiceApp;
  port: number;
  url: string;
  child: ChildProcess;
  /** Set while the test itself kills the process: its exit is planned, not a crash. */
  killing: boolean;
}

/**
 * What a process manager (systemd, Kubernetes) does for the services: a process that dies without
 * being told to is started again on the same port. The test kills processes on purpose through
 * `kill`; any other exit is counted in `crashes`, so a fault that takes a service down shows.
 */
export class Supervisor {
  readonly crashes: string[] = [];
  private readonly services = new Map<string, Supervised>();
  private stopping = false;

  constructor(
    private readonly processes: ServiceProcesses,
    private readonly env: Record<string, string>,
  ) {}

  /** Starts `app` under `name` and keeps it running. */
  async start(name: string, app: ServiceApp): Promise<string> {
    const { url, child } = await this.processes.start(app, this.env);
    const service: Supervised = { app, url, child, port: Number(new URL(url).port), killing: false };
    this.services.set(name, service);
    this.watch(name, service);
    return url;
  }

  pid(name: string): number {
    return this.get(name).child.pid!;
  }

  /** Kills the process with `signal` and waits until it has exited; it stays down until `restart`. */
  async kill(name: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const service = this.get(name);
    service.killing = true;
    const child = service.child;
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise((resolve) => (child.once('exit', resolve), child.kill(signal)));
  }

  /** Starts a killed process again on its port, waiting for its /health. */
  async restart(name: string): Promise<void> {
    const service = this.get(name);
    const { child } = await this.processes.start(service.app, this.env, service.port);
    service.child = child;
    service.killing = false;
    this.watch(name, service);
  }

  /** No more restarts: call before stopping every process. */
  stop(): void {
    this.stopping = true;
  }

  private watch(name: string, service: Supervised): void {
    const child = service.child;
    child.once('exit', (code, signal) => {
      if (service.killing || this.stopping || service.child !== child) return;
      this.crashes.push(`${name} exited (${signal ?? code})`);
      service.killing = true;
      void this.restartUntilHealthy(name);
    });
  }

  private async restartUntilHealthy(name: string): Promise<void> {
    while (!this.stopping) {
      try {
        await this.restart(name);
        return;
      } catch {
        // e.g. PostgreSQL still down: the health check failed; try again
      }
    }
  }

  private get(name: string): Supervised {
    const service = this.services.get(name);
    if (!service) throw new Error(`no supervised service ${name}`);
    return service;
  }
}
