import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { parseAppConfig } from '@app/platform';
import { PgSweepLock } from './sweep-lock';

/** Two registry processes' locks on one PostgreSQL database: only one sweeps at a time. */
describe('the sweep lock (PostgreSQL advisory lock)', () => {
  let db: TestDatabase;

  // Each round takes a connection of its own (a session of its own), as another process would.
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  const config = () => parseAppConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/unused' });

  it('lets one holder sweep; the other skips its round meanwhile, and sweeps once it is released', async () => {
    const a = new PgSweepLock(db.dataSource, config());
    const b = new PgSweepLock(db.dataSource, config());
    let release!: () => void;
    const aRound = a.whileHeld(() => new Promise<string>((resolve) => (release = () => resolve('a swept'))));
    // Wait until a holds the lock (its work started).
    while (release === undefined) await new Promise((r) => setTimeout(r, 10));
    await expect(b.whileHeld(() => Promise.resolve('b swept'))).resolves.toBeUndefined();
    release();
    await expect(aRound).resolves.toBe('a swept');
    await expect(b.whileHeld(() => Promise.resolve('b swept'))).resolves.toBe('b swept');
  });

  it('releases the lock when the work fails', async () => {
    const a = new PgSweepLock(db.dataSource, config());
    await expect(a.whileHeld(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(new PgSweepLock(db.dataSource, config()).whileHeld(() => Promise.resolve(1))).resolves.toBe(
      1,
    );
  });
});
