import { randomBytes } from 'node:crypto';
import {
  AppConfig,
  AUTH_SETTINGS,
  AuthSettings,
  configuredSecret,
  InstrumentCatalogue,
  ServiceDefinition,
  signAccessToken,
  UserDirectory,
} from '@app/platform';
import { ExchangeModule } from '../../exchange/src/exchange.module';
import { ALL_MIGRATIONS, withInfrastructure } from '../../gateway/src/gateway.app';
import { GatewayModule } from '../../gateway/src/gateway.module';
import { OrderFastRoute } from '../../gateway/src/orders/place-order/order-fast-route';
import { REGISTRY_MIGRATIONS, RegistryModule } from '../../registry/src/registry.module';
import { loadDemoData } from './demo/demo-data';
import { seedDemoCompliance } from './demo/demo-compliance';
import { seedDemoJointMarket } from './demo/demo-joint-market';
import { ensureDemoRuns } from './demo/demo-runs';
import { httpPost, seedDemo } from './demo/demo-seeder';
import { startDemoTrading } from './demo/demo-trader';
import { DEMO_STATUS, DemoStatus } from './demo/demo.controller';
import { demoPrincipals, seedingPrincipal } from './demo/demo-principals';
import { DemoModule } from './demo/demo.module';

/**
 * Every module in one process. With no DATABASE_URL / REDIS_URL it runs on an embedded PGlite
 * database and in-process queues: the demo, needing no servers. `DEMO` (default `trading`) seeds
 * the demo users of `seeds/demo.json` and runs noise traders once it listens.
 */
export const sandboxService = (given: AppConfig): ServiceDefinition => {
  // The sandbox needs no setup: without JWT_SECRET, tokens are signed with a secret of this run.
  const config = { ...given, JWT_SECRET: configuredSecret(given) ?? randomBytes(32).toString('base64url') };
  const demo = config.DEMO === 'off' ? undefined : loadDemoData();
  return {
    title: 'Chengdu–Chongqing exchange sandbox',
    config,
    migrations: [...ALL_MIGRATIONS, ...REGISTRY_MIGRATIONS],
    rootModule: (platform) =>
      withInfrastructure(config, platform, [
        GatewayModule,
        ExchangeModule,
        RegistryModule,
        ...(demo ? [DemoModule.forRoot(demo)] : []),
      ]),
    beforeListen: (app) => OrderFastRoute.install(app, config),
    afterStart: async (service) => {
      if (!demo) return;
      const status = service.app.get<DemoStatus>(DEMO_STATUS);
      await service.app.get(UserDirectory).addDemoUsers(demoPrincipals(demo));
      const { secret } = service.app.get<AuthSettings>(AUTH_SETTINGS);
      const post = httpPost(service.url, (body) => ({
        authorization: `Bearer ${signAccessToken(seedingPrincipal(body), secret, 3600, Date.now())}`,
      }));
      await seedDemo(demo, post);
      await seedDemoCompliance(demo, post);
      // The joint market's decisions are seeded for `npm start` (trading); with `accounts` the browser
      // tests take them through the console themselves.
      if (config.DEMO === 'trading') await seedDemoJointMarket(post, Date.now());
      status.seeded = true;
      // The timer is unref'd: it never keeps the process alive, and exits with it.
      if (config.DEMO === 'trading') {
        startDemoTrading(demo, service.app.get(InstrumentCatalogue).list(), post);
        status.trading = true;
      }
      await ensureDemoRuns(config.RUNS_DIR);
      status.runs = true;
    },
  };
};
