import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { AccessGuard } from './access.guard';
import { AuditController } from './audit.controller';
import { AUTH_SETTINGS, authSettingsOf, RATE_LIMIT_STORE } from './auth-settings';
import { AuthController } from './auth.controller';
import { MemoryRateLimitStore, type RateLimitStore, RedisRateLimitStore } from './rate-limit-store';
import { UserDirectory } from './user-directory';

async function directoryOf(config: AppConfig): Promise<UserDirectory> {
  const users = new UserDirectory();
  if (config.ADMIN_USERNAME && config.ADMIN_PASSWORD)
    await users.addUser({ role: 'admin', id: config.ADMIN_USERNAME }, config.ADMIN_PASSWORD);
  return users;
}

/** Sign-in, API keys, the access guard on every route, rate limits and the audit listing. */
@Module({})
export class AuthModule implements OnApplicationShutdown {
  constructor(@Inject(RATE_LIMIT_STORE) private readonly rateLimits: RateLimitStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.rateLimits.close?.();
  }

  static forRoot(config: AppConfig): DynamicModule {
    const settings = authSettingsOf(config);
    return {
      module: AuthModule,
      global: true,
      controllers: [AuthController, AuditController],
      providers: [
        { provide: AUTH_SETTINGS, useValue: settings },
        { provide: UserDirectory, useFactory: () => directoryOf(config) },
        {
          provide: RATE_LIMIT_STORE,
          useFactory: () =>
            config.REDIS_URL && settings.rateLimit > 0
              ? new RedisRateLimitStore(
                  new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true }),
                  config.QUEUE_PREFIX,
                )
              : new MemoryRateLimitStore(),
        },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [UserDirectory, AUTH_SETTINGS],
    };
  }
}
