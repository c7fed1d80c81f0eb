import { AppConfig, ServiceDefinition } from '@app/platform';
import { ExchangeModule } from '../../exchange/src/exchange.module';
import { ALL_MIGRATIONS, withInfrastructure } from '../../gateway/src/gateway.app';
import { GatewayModule } from '../../gateway/src/gateway.module';
import { REGISTRY_MIGRATIONS, RegistryModule } from '../../registry/src/registry.module';

/**
 * Every module in one process. With no DATABASE_URL / REDIS_URL it runs on an embedded PGlite
 * database and in-process queues: the demo, needing no servers.
 */
export const sandboxService = (config: AppConfig): ServiceDefinition => ({
  title: 'Chengdu–Chongqing exchange sandbox',
  config,
  migrations: [...ALL_MIGRATIONS, ...REGISTRY_MIGRATIONS],
  rootModule: (platform) =>
    withInfrastructure(config, platform, [GatewayModule, ExchangeModule, RegistryModule]),
});
