import { DataSource, MigrationInterface } from 'typeorm';

export type MigrationClass = new () => MigrationInterface;

/** Any fixed number: every service that migrates takes the same lock. */
const MIGRATION_LOCK_KEY = 7_421_105;

/**
 * Runs the schema migrations once, even when several services start together against one
 * database (docker compose starts gateway and exchange at the same time): the first takes a
 * session advisory lock, the others wait for it and then find nothing left to do.
 */
export async function runMigrations(url: string, migrations: MigrationClass[]): Promise<string[]> {
  // Two connections: one holds the session lock while TypeORM migrates on the other.
  const dataSource = new DataSource({ type: 'postgres', url, migrations, logging: false, extra: { max: 2 } });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      return ran.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}
