import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';

/** Where the runner writes its event lines (each without the trailing newline). */
export interface EventLog {
  line(text: string): void;
  /** Flushes and returns the SHA-256 hex of every byte written. */
  close(): string;
  readonly lines: number;
}

const FLUSH_PARTS = 8192;

/** Buffers lines and writes them to a file in large chunks, hashing exactly what is written. */
export class FileEventLog implements EventLog {
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private parts: string[] = [];
  lines = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  line(text: string): void {
    this.parts.push(text);
    this.lines++;
    if (this.parts.length >= FLUSH_PARTS) this.flush();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    const buf = Buffer.from(this.parts.join('\n') + '\n', 'utf8');
    this.parts = [];
    this.hash.update(buf);
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off);
  }

  close(): string {
    this.flush();
    closeSync(this.fd);
    return this.hash.digest('hex');
  }
}

/** Keeps the log in memory (tests, counterfactuals without output). */
export class MemoryEventLog implements EventLog {
  readonly all: string[] = [];
  get lines(): number {
    return this.all.length;
  }
  line(text: string): void {
    this.all.push(text);
  }
  text(): string {
    return this.all.length === 0 ? '' : this.all.join('\n') + '\n';
  }
  close(): string {
    return createHash('sha256').update(this.text()).digest('hex');
  }
}
