import { Module } from '@nestjs/common';
import { MarketDataReadModels1764000500000 } from '../read-models/market-data-schema.migration';
import { MarketFeed } from '../feed/market-feed';
import { MarketFeedGateway } from '../feed/market-feed.gateway';
import { BarsController } from './bars/bars.controller';
import { MemberActivityController } from './member-activity/member-activity.controller';

export const MARKET_DATA_MIGRATIONS = [MarketDataReadModels1764000500000];

/** Bars, a member's own orders and trades, the WebSocket feed. Needs the platform and event-store modules. */
@Module({
  controllers: [BarsController, MemberActivityController],
  providers: [MarketFeed, MarketFeedGateway],
})
export class MarketDataModule {}
