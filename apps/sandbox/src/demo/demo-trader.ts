import { Logger } from '@nestjs/common';
import { mulberry32 } from '@app/domain';
import type { InstrumentDefinition } from '@app/platform';
import type { DemoData } from './demo-data';
import { nextDemoOrder } from './demo-order-flow';
import type { Post } from './demo-seeder';

/** Noise traders posting through the public API at a steady rate, so the screens are alive. */
export function startDemoTrading(
  demo: DemoData,
  instruments: readonly InstrumentDefinition[],
  post: Post,
): { stop(): void } {
  const logger = new Logger('DemoTrading');
  const prng = mulberry32(demo.trading.seed);
  const traded = instruments.filter((i) => demo.trading.instruments.includes(i.symbol));
  const accounts = demo.enterprises.map(({ id, jurisdiction }) => ({ id, jurisdiction }));
  let rejected = 0;
  const timer = setInterval(() => {
    const order = nextDemoOrder(prng, traded, accounts);
    post('/orders', order)
      .then(({ status, body }) => {
        if (status >= 300 && rejected++ % 100 === 0)
          logger.warn(`demo order refused (${status}): ${JSON.stringify(body)}`);
      })
      .catch((error: Error) => logger.warn(`demo order failed: ${error.message}`));
  }, 1000 / demo.trading.ordersPerSecond);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
