import { writeFileSync } from 'node:fs';
import { generateWorkload, workloadLines } from './workload';

/** node dist/libs/matching/bench/write-workload-jsonl.js OUT [N]: the bench workload as JSON Lines. */
const out = process.argv[2] ?? '/tmp/engine-workload.jsonl';
const n = Number(process.argv[3] ?? 1_000_000);
writeFileSync(out, workloadLines(generateWorkload(n)).join('\n') + '\n');
process.stdout.write(`wrote ${n} commands to ${out}\n`);
