/**
 * Preloaded into each service by the soak (`NODE_OPTIONS=--require …/heap-probe.js`): writes the
 * process's `memoryUsage()` to `$SOAK_PROBE_DIR/<pid>.json` every second, so the soak can sample
 * the heap of processes it only started. The timer is unref'd and never keeps a process alive.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.SOAK_PROBE_DIR;
if (dir) {
  const file = join(dir, `${process.pid}.json`);
  setInterval(() => {
    // Written aside and renamed, so a reader never sees half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify(process.memoryUsage()));
    renameSync(`${file}.tmp`, file);
  }, 1000).unref();
}
