import { Client } from 'pg';
import { createTestDatabase, testServerUrl } from './test-database';

describe('createTestDatabase', () => {
  it('creates an isolated database and drops it afterwards', async () => {
    const db = await createTestDatabase();
    const [row] = await db.dataSource.query('SELECT current_database() AS name');
    expect(db.url).toContain(row.name);
    await db.drop();

    const admin = new Client({ connectionString: testServerUrl() });
    await admin.connect();
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [row.name]);
    await admin.end();
    expect(rowCount).toBe(0);
  });
});
