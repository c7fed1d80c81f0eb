import { JsonlProcessor } from './jsonl-processor';

/**
 * `npm run --silent engine`: JSON Lines commands on stdin, events on stdout (engine-jsonl spec).
 * Streams: lines are processed as chunks arrive and output is written in ~64 KiB chunks.
 */
const FLUSH_AT = 1 << 16;
const processor = new JsonlProcessor();
let pending = '';

function flush(force: boolean): boolean {
  if (!force && processor.pendingLength() < FLUSH_AT) return true;
  const out = processor.take();
  return out === '' ? true : process.stdout.write(out);
}

function processText(text: string): void {
  let start = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    processor.processLine(text.slice(start, end));
    start = nl + 1;
    if (processor.pendingLength() >= FLUSH_AT) flush(true);
  }
  pending = text.slice(start);
}

process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  processText(pending + chunk);
  if (!flush(false)) {
    process.stdin.pause();
    process.stdout.once('drain', () => process.stdin.resume());
  }
});
process.stdin.on('end', () => {
  if (pending !== '') {
    const last = pending.endsWith('\r') ? pending.slice(0, -1) : pending;
    pending = '';
    processor.processLine(last);
  }
  flush(true);
});
