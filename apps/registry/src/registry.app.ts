import { AppConfig, ServiceDefinition } from '@app/platform';
import { ALL_MIGRATIONS, withInfrastructure } from '../../gateway/src/gateway.app';
import { REGISTRY_MIGRATIONS, RegistryModule } from './registry.module';

/** The registry as its own process: same infrastructure and shared schema as every other service. */
export const registryService = (config: AppConfig): ServiceDefinition => ({
  title: 'Environmental-rights registry (CQ, SC)',
  config,
  migrations: [...ALL_MIGRATIONS, ...REGISTRY_MIGRATIONS],
  rootModule: (platform) => withInfrastructure(config, platform, [RegistryModule]),
});
