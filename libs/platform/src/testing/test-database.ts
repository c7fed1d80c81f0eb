import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { preparingClientClass } from '../database/preparing-client';

/** The server integration tests run against; CI and the README point it at the local PostgreSQL. */
export const testServerUrl = (): string =>
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const testRedisUrl = (): string => process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestDatabase {
  /** Connection string of the fresh database. */
  url: string;
  /** An initialised DataSource on it, with the given migrations already run. */
  dataSource: DataSource;
  /** Closes the DataSource and drops the database. */
  drop(): Promise<void>;
}

/**
 * A throwaway database per test suite, so suites never see each other's rows and a crashed
 * suite leaves nothing behind that the next one trips over.
 */
export async function createTestDatabase(
  options: Pick<DataSourceOptions, 'entities' | 'migrations'> & { poolSize?: number } = {},
): Promise<TestDatabase> {
  const server = new URL(testServerUrl());
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server.toString());
  url.pathname = `/${name}`;
  const dataSource = new DataSource({
    type: 'postgres',
    url: url.toString(),
    entities: options.entities ?? [],
    migrations: options.migrations ?? [],
    migrationsRun: false,
    synchronize: false,
    logging: false,
    // Statements prepared as the services' pools prepare them (PlatformModule).
    extra: { max: options.poolSize ?? 10, Client: preparingClientClass() },
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    url: url.toString(),
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      const cleanup = new Client({ connectionString: server.toString() });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
