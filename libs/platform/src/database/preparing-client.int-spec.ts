import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { preparingClientClass } from './preparing-client';

const prepared = async (client: Client): Promise<string[]> =>
  (
    (await client.query('SELECT statement FROM pg_prepared_statements ORDER BY name')) as {
      rows: { statement: string }[];
    }
  ).rows.map((r) => r.statement);

describe('preparingClientClass (PostgreSQL)', () => {
  let db: TestDatabase;
  const clients: Client[] = [];

  const connect = async (options?: Parameters<typeof preparingClientClass>[0]): Promise<Client> => {
    const PreparingClient = preparingClientClass(options);
    const client = new PreparingClient({ connectionString: db.url });
    clients.push(client);
    await client.connect();
    return client;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.dataSource.query('CREATE TABLE items (id text PRIMARY KEY, n int NOT NULL)');
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.end()));
  });

  afterAll(async () => {
    await db.drop();
  });

  it('prepares a parameterised statement on its second run, and gives the same rows', async () => {
    const client = await connect({ after: 2, max: 10 });
    const sql = 'SELECT $1::int + 1 AS x';
    expect((await client.query(sql, [1])).rows).toEqual([{ x: 2 }]);
    expect(await prepared(client)).toEqual([]);
    expect((await client.query(sql, [2])).rows).toEqual([{ x: 3 }]);
    expect((await client.query(sql, [3])).rows).toEqual([{ x: 4 }]);
    expect(await prepared(client)).toEqual([sql]);
  });

  it('leaves statements without parameters unnamed (BEGIN, COMMIT, DDL, several statements)', async () => {
    const client = await connect({ after: 1, max: 10 });
    await client.query('BEGIN');
    await client.query('SELECT 1; SELECT 2');
    await client.query('COMMIT');
    expect(await prepared(client)).toEqual([]);
  });

  it('prepares at most `max` statements per connection; the rest still run, unnamed', async () => {
    const client = await connect({ after: 1, max: 2 });
    for (let i = 0; i < 5; i++)
      expect((await client.query(`SELECT $1::int * ${i} AS x`, [2])).rows).toEqual([{ x: 2 * i }]);
    expect(await prepared(client)).toHaveLength(2);
  });

  it('plans every run with its own values (a generic plan kept would scan tables that have grown)', async () => {
    const client = await connect();
    expect((await client.query('SHOW plan_cache_mode')).rows).toEqual([
      { plan_cache_mode: 'force_custom_plan' },
    ]);
  });

  it('keeps a prepared statement usable after it failed, and after a transaction rolled back', async () => {
    const client = await connect({ after: 1, max: 10 });
    const insert = 'INSERT INTO items (id, n) VALUES ($1, $2)';
    await client.query(insert, ['a', 1]);
    await expect(client.query(insert, ['a', 2])).rejects.toMatchObject({ code: '23505' });
    await client.query('BEGIN');
    await client.query(insert, ['b', 1]);
    await client.query('ROLLBACK');
    await client.query(insert, ['c', 3]);
    const rows = (await client.query('SELECT id, n FROM items WHERE id = ANY($1::text[]) ORDER BY id', [
      ['a', 'b', 'c'],
    ])) as { rows: unknown[] };
    expect(rows.rows).toEqual([
      { id: 'a', n: 1 },
      { id: 'c', n: 3 },
    ]);
  });

  it('answers the callback form too', async () => {
    const client = await connect({ after: 1, max: 10 });
    const rows = await new Promise((resolve, reject) =>
      client.query('SELECT $1::text AS t', ['x'], (error: Error | null, result: { rows: unknown[] }) =>
        error ? reject(error) : resolve(result.rows),
      ),
    );
    expect(rows).toEqual([{ t: 'x' }]);
    expect(await prepared(client)).toEqual(['SELECT $1::text AS t']);
  });
});
