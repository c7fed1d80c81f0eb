import { DynamicModule, INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AUTH_MIGRATIONS } from '../auth/auth-schema.migration';
import { AppConfig } from '../config/app-config';
import { EmbeddedPostgres, startEmbeddedPostgres } from '../database/embedded-postgres';
import { MigrationClass, runMigrations } from '../database/run-migrations';
import { configureHttpApp } from '../http/configure-http-app';
import { PlatformModule } from '../platform.module';

export interface ServiceDefinition {
  /** Shown in the OpenAPI document and logs. */
  title: string;
  config: AppConfig;
  migrations: MigrationClass[];
  /** The app's root module, given the platform module (config, logs, database, health) to import. */
  rootModule(platform: DynamicModule): DynamicModule;
  /** An embedded database already starting (see `main.ts` of the sandbox), used when DATABASE_URL is unset. */
  embedded?: Promise<EmbeddedPostgres>;
  /** Last changes to the configured app before it listens (e.g. a route served ahead of Express). */
  beforeListen?(app: INestApplication): void;
  /** Work to start once the service listens (e.g. demo data), run by `runServiceMain` only; a failure is logged. */
  afterStart?(service: RunningService): Promise<void>;
}

export interface RunningService {
  app: INestApplication;
  /** Base URL of the HTTP server. */
  url: string;
  databaseUrl: string;
  close(): Promise<void>;
}

/**
 * Starts one service process: the configured PostgreSQL or an embedded one, migrations under a
 * lock, the Nest app, HTTP. Closing stops the app before the embedded database it depends on.
 */
export async function startService(definition: ServiceDefinition): Promise<RunningService> {
  const { config } = definition;
  let embedded: EmbeddedPostgres | undefined;
  const databaseUrl =
    config.DATABASE_URL ??
    (embedded = await (definition.embedded ?? startEmbeddedPostgres({ dataDir: config.PGLITE_DATA_DIR })))
      .url;
  try {
    // The platform's own tables (users and API keys) come first: every service signs users in.
    await runMigrations(databaseUrl, [...AUTH_MIGRATIONS, ...definition.migrations]);
    const platform = PlatformModule.forRoot({ config, databaseUrl });
    const app = await NestFactory.create(definition.rootModule(platform), { bufferLogs: true });
    configureHttpApp(app, definition.title, config);
    definition.beforeListen?.(app);
    await app.listen(config.PORT, config.HOST);
    const address = app.getHttpServer().address() as { port: number };
    let closed = false;
    return {
      app,
      databaseUrl,
      url: `http://127.0.0.1:${address.port}`,
      async close() {
        if (closed) return;
        closed = true;
        await app.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** For a `main.ts`: start, and stop cleanly on SIGINT/SIGTERM. */
export async function runServiceMain(definition: ServiceDefinition): Promise<void> {
  const service = await startService(definition);
  const stop = async () => {
    await service.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (definition.afterStart)
    await definition
      .afterStart(service)
      .catch((error: Error) => new Logger('startService').error(`after start: ${error.message}`));
}
