import { DynamicModule, Module, Provider } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { Client } from 'pg';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/app-config';
import { HealthController, HealthProbe } from './health/health.controller';
import { requestLogging } from './http/request-logging';
import { queueHealthProbes } from './health/redis-probe';
import { InstrumentCatalogue } from './instruments/instrument-catalogue';
import { preparingClientClass } from './database/preparing-client';

export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Without DATABASE_URL the process runs on embedded PGlite. Its socket server interleaves
 * connections message by message, which breaks the unnamed prepared statements of concurrent
 * extended-protocol queries; PGlite runs one statement at a time anyway. So embedded mode uses a
 * single pooled connection and no LISTEN connections (readers poll).
 */
export const isEmbedded = (config: AppConfig): boolean => config.DATABASE_URL === undefined;

/** pg pool options: one connection when embedded; else the configured size, preparing repeated statements unless turned off. */
export function poolOptions(config: AppConfig): { max: number; Client?: typeof Client } {
  if (isEmbedded(config)) return { max: 1 };
  return config.DATABASE_PREPARED_STATEMENTS === 'on'
    ? { max: config.DATABASE_POOL_SIZE, Client: preparingClientClass() }
    : { max: config.DATABASE_POOL_SIZE };
}

export interface PlatformOptions {
  /** Validated at boot by `loadAppConfig`; a bad variable never reaches this point. */
  config: AppConfig;
  /** The database the process talks to: the configured server, or the embedded one. */
  databaseUrl: string;
  /** Health probes beyond the database (Redis, when the queues run on it). */
  probes?: Provider<HealthProbe[]>;
}

/** Config, logs, the database connection and /health: what every service process shares. */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const { config } = options;
    return {
      module: PlatformModule,
      global: true,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => config] }),
        LoggerModule.forRoot({ pinoHttp: requestLogging(config) }),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: options.databaseUrl,
          synchronize: false,
          migrationsRun: false,
          logging: false,
          extra: poolOptions(config),
        }),
        TerminusModule,
        AuthModule.forRoot(config),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: InstrumentCatalogue, useFactory: () => InstrumentCatalogue.load('seeds') },
        options.probes ?? queueHealthProbes(config),
      ],
      exports: [APP_CONFIG, InstrumentCatalogue],
    };
  }
}
