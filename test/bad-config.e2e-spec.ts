import { spawnSync } from 'node:child_process';

describe('a bad configuration', () => {
  it.each(['gateway', 'exchange', 'sandbox'])('stops the %s at start-up, naming each bad variable', (app) => {
    const result = spawnSync(process.execPath, [`dist/apps/${app}/src/main.js`], {
      env: { PATH: process.env.PATH, PORT: 'eighty', DATABASE_URL: 'mysql://nope', EXCHANGE_SHARDS: '0' },
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(/PORT:/);
    expect(result.stderr).toMatch(/DATABASE_URL: must be a postgres:\/\/ connection URL/);
    expect(result.stderr).toMatch(/EXCHANGE_SHARDS:/);
  });
});
