import { Module } from '@nestjs/common';
import { BookCache } from './books/book-cache';
import { ClearingModule } from './clearing/clearing.module';
import { BookSnapshotter } from './books/book-snapshotter';
import { BookWorker } from './books/book-worker';
import { ShardOwnership } from './sharding/shard-ownership';

/** Matching workers. Needs the platform, event-store and messaging modules in the host app. */
@Module({ imports: [ClearingModule], providers: [BookCache, BookSnapshotter, ShardOwnership, BookWorker] })
export class ExchangeModule {}
