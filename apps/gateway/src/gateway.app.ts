import { DynamicModule, Module } from '@nestjs/common';
import { EVENT_STORE_MIGRATIONS, EventStoreModule } from '@app/event-store';
import { MESSAGING_MIGRATIONS, MessagingModule, queueSigningKey } from '@app/messaging';
import { AppConfig, isEmbedded, MigrationClass, queueSecret, ServiceDefinition } from '@app/platform';
import { CLEARING_MIGRATIONS } from '../../exchange/src/clearing/clearing-schema.migration';
import { GATEWAY_MIGRATIONS, GatewayModule } from './gateway.module';
import { OrderFastRoute } from './orders/place-order/order-fast-route';
import { RegistryForwarding } from './registry-forwarding/registry-forwarding';

/** Every table any service needs; whichever service starts first creates them all. */
export const ALL_MIGRATIONS: MigrationClass[] = [
  ...EVENT_STORE_MIGRATIONS,
  ...MESSAGING_MIGRATIONS,
  ...GATEWAY_MIGRATIONS,
  ...CLEARING_MIGRATIONS,
];

@Module({})
class GatewayAppModule {}

/**
 * Queue messages are signed with a key derived from the services' shared QUEUE_SECRET (else
 * JWT_SECRET), and only signed ones are handled. Without a configured secret (access enforcement
 * off, a random one per process) nothing is signed or checked: the processes would share no key.
 */
function queueSigning(config: AppConfig): { signingKey?: Buffer } {
  const secret = queueSecret(config);
  return secret ? { signingKey: queueSigningKey(secret) } : {};
}

/** The infrastructure every service process imports around its own modules. */
export function withInfrastructure(
  config: AppConfig,
  platform: DynamicModule,
  modules: DynamicModule['imports'],
): DynamicModule {
  return {
    module: GatewayAppModule,
    imports: [
      platform,
      EventStoreModule.forRoot({ listen: !isEmbedded(config) }),
      MessagingModule.forRoot({
        redisUrl: config.REDIS_URL,
        prefix: config.QUEUE_PREFIX,
        ...queueSigning(config),
        relay: { listen: !isEmbedded(config) },
      }),
      ...(modules ?? []),
    ],
  };
}

export const gatewayService = (config: AppConfig): ServiceDefinition => ({
  title: 'Exchange gateway',
  config,
  migrations: ALL_MIGRATIONS,
  rootModule: (platform) => withInfrastructure(config, platform, [GatewayModule]),
  beforeListen: (app) => {
    OrderFastRoute.install(app, config);
    RegistryForwarding.install(app, config);
  },
});
