import { DynamicModule, Module, Provider } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/app-config';
import { HealthController, HealthProbe } from './health/health.controller';
import { requestLogging } from './http/request-logging';
import { queueHealthProbes } from './health/redis-probe';
import { InstrumentCatalogue } from './instruments/instrument-catalogue';

export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Without DATABASE_URL the process runs on embedded PGlite. Its socket server interleaves
 * connections message by message, which breaks the unnamed prepared statements of concurrent
 * extended-protocol queries; PGlite runs one statement at a time anyway. So embedded mode uses a
 * single pooled connection and no LISTEN connections (readers poll).
 */
export const isEmbedded = (config: AppConfig): boolean => config.DATABASE_URL === undefined;

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
          extra: { max: isEmbedded(config) ? 1 : config.DATABASE_POOL_SIZE },
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
