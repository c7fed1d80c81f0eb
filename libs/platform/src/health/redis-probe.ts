import { Provider } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { HEALTH_PROBES, HealthProbe } from './health.controller';

/** `/health` reports Redis when the queues run on it, and says so when they run in process. */
export function queueHealthProbes(config: AppConfig): Provider<HealthProbe[]> {
  return {
    provide: HEALTH_PROBES,
    useFactory: (): HealthProbe[] => {
      const url = config.REDIS_URL;
      if (!url) return [{ name: 'queues', check: async () => ({ transport: 'in-process' }) }];
      return [
        {
          name: 'redis',
          async check() {
            const client = new Redis(url, {
              lazyConnect: true,
              maxRetriesPerRequest: 0,
              connectTimeout: 1500,
            });
            try {
              await client.connect();
              return { pong: await client.ping() };
            } finally {
              client.disconnect();
            }
          },
        },
      ];
    },
  };
}
