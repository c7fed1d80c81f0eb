import { Module } from '@nestjs/common';
import { BookCache } from './books/book-cache';
import { ClearingModule } from './clearing/clearing.module';
import { BookSnapshotter } from './books/book-snapshotter';
import { BookWorker } from './books/book-worker';
import { MarketLinkage } from './books/linked/market-linkage';
import { SessionScheduler } from './books/sessions/session-scheduler';
import { ShardOwnership } from './sharding/shard-ownership';
import { CLOCK, systemClock } from '../../gateway/src/clock/clock';

/** Matching workers. Needs the platform, event-store and messaging modules in the host app. */
@Module({
  imports: [ClearingModule],
  providers: [
    BookCache,
    BookSnapshotter,
    ShardOwnership,
    BookWorker,
    MarketLinkage,
    SessionScheduler,
    { provide: CLOCK, useValue: systemClock },
  ],
})
export class ExchangeModule {}
