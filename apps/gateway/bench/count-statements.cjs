/* eslint-disable @typescript-eslint/no-require-imports -- loaded with node --require, so CommonJS */
// Counts the SQL statements a service sends, by text, into /tmp/statements-<pid>.txt (every 2 s
// and at exit): NODE_ARGS="--require $PWD/apps/gateway/bench/count-statements.cjs" npm run bench:e2e
const { writeFileSync } = require('node:fs');
const pg = require('pg');

const counts = new Map();
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(config, ...rest) {
  const text = typeof config === 'string' ? config : (config?.text ?? '?');
  const key = text.replace(/\s+/g, ' ').trim().slice(0, 160);
  counts.set(key, (counts.get(key) ?? 0) + 1);
  return query.call(this, config, ...rest);
};
const dump = () =>
  writeFileSync(
    `/tmp/statements-${process.pid}.txt`,
    [...counts]
      .sort((a, b) => b[1] - a[1])
      .map(([text, n]) => `${n}\t${text}`)
      .join('\n') + '\n',
  );
setInterval(dump, 2000).unref();
process.on('exit', dump);
