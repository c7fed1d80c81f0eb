import { DataSource } from 'typeorm';
import { startEmbeddedPostgres } from './embedded-postgres';

describe('startEmbeddedPostgres', () => {
  it('serves a pooled TypeORM connection with real transactions', async () => {
    const pg = await startEmbeddedPostgres();
    const ds = new DataSource({ type: 'postgres', url: pg.url, extra: { max: 4 } });
    try {
      await ds.initialize();
      await ds.query('CREATE TABLE t (id int primary key, v int not null)');
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          ds
            .transaction(async (m) => {
              await m.query('INSERT INTO t VALUES ($1, $2)', [i, i * 10]);
              if (i % 2 === 1) throw new Error('roll back odd rows');
            })
            .catch(() => undefined),
        ),
      );
      const rows = await ds.query('SELECT id FROM t ORDER BY id');
      expect(rows.map((r: { id: number }) => r.id)).toEqual([0, 2, 4, 6]);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await pg.stop();
    }
  });
});
