import { AppConfig, ServiceDefinition } from '@app/platform';
import { ALL_MIGRATIONS, withInfrastructure } from '../../gateway/src/gateway.app';
import { ExchangeModule } from './exchange.module';

/** The matching workers as their own process; it serves only /health over HTTP. */
export const exchangeService = (config: AppConfig): ServiceDefinition => ({
  title: 'Exchange matching workers',
  config,
  migrations: ALL_MIGRATIONS,
  rootModule: (platform) => withInfrastructure(config, platform, [ExchangeModule]),
});
