import { DynamicModule, Module, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { AccessGuard } from './access.guard';
import { AccountThrottlerGuard } from './account-throttler.guard';
import { AuditController } from './audit.controller';
import { AUTH_SETTINGS, type AuthSettings, authSettingsOf } from './auth-settings';
import { AuthController } from './auth.controller';
import { RedisThrottlerStorage } from './redis-throttler-storage';
import { UserDirectory } from './user-directory';

/** The users of the database; the administrator of the environment is (re)written at each boot, its password reset to the environment's. */
async function directoryOf(config: AppConfig, db: DataSource): Promise<UserDirectory> {
  const users = new UserDirectory(db);
  if (config.ADMIN_USERNAME && config.ADMIN_PASSWORD)
    await users.upsertUser({ role: 'admin', id: config.ADMIN_USERNAME }, config.ADMIN_PASSWORD);
  return users;
}

/**
 * `RATE_LIMIT` requests per `RATE_LIMIT_WINDOW_MS` per account (0: no limit), counted in Redis when
 * REDIS_URL is set (shared by every process), else in the throttler's own memory storage.
 */
function throttlerOf(config: AppConfig, settings: AuthSettings): DynamicModule {
  return ThrottlerModule.forRoot({
    throttlers: [{ name: 'default', limit: settings.rateLimit, ttl: settings.rateWindowMs }],
    storage: config.REDIS_URL
      ? new RedisThrottlerStorage(
          new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true }),
          config.QUEUE_PREFIX,
        )
      : undefined,
  });
}

/** Sign-in, API keys, the access guard on every route, rate limits and the audit listing. */
@Module({})
export class AuthModule {
  static forRoot(config: AppConfig): DynamicModule {
    const settings = authSettingsOf(config);
    const limited = settings.rateLimit > 0;
    // Global guards run in this order: who asks and may they (AccessGuard), then their budget.
    const guards: Provider[] = [
      AccessGuard,
      { provide: APP_GUARD, useExisting: AccessGuard },
      ...(limited ? [{ provide: APP_GUARD, useClass: AccountThrottlerGuard }] : []),
    ];
    return {
      module: AuthModule,
      global: true,
      imports: limited ? [throttlerOf(config, settings)] : [],
      controllers: [AuthController, AuditController],
      providers: [
        { provide: AUTH_SETTINGS, useValue: settings },
        {
          provide: UserDirectory,
          inject: [DataSource],
          useFactory: (db: DataSource) => directoryOf(config, db),
        },
        ...guards,
      ],
      exports: [UserDirectory, AUTH_SETTINGS, AccessGuard],
    };
  }
}
