import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { Projector } from './projector';
import type { Results } from './result';

const CHUNK = 16 << 20;

/** Streams an events.jsonl file through a Projector, hashing it as it goes. */
export function replayFile(path: string): { results: Results; events: number } {
  const fd = openSync(path, 'r');
  const hash = createHash('sha256');
  const projector = new Projector();
  const buf = Buffer.allocUnsafe(CHUNK);
  let carry = '';
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      const text = carry + buf.toString('utf8', 0, n);
      let start = 0;
      for (;;) {
        const nl = text.indexOf('\n', start);
        if (nl < 0) break;
        if (nl > start) projector.line(text.slice(start, nl));
        start = nl + 1;
      }
      carry = text.slice(start);
    }
  } finally {
    closeSync(fd);
  }
  if (carry.length > 0) projector.line(carry);
  return { results: projector.results(hash.digest('hex')), events: projector.events };
}

/** Replays log text held in memory. */
export function replayText(text: string): Results {
  const projector = new Projector();
  for (const line of text.split('\n')) if (line.length > 0) projector.line(line);
  return projector.results(createHash('sha256').update(text).digest('hex'));
}
