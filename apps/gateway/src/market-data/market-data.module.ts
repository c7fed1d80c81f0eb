import { Module } from '@nestjs/common';
import { MarketDataReadModels1764000500000 } from '../read-models/market-data-schema.migration';
import { CLOCK, systemClock } from '../clock/clock';
import { MarketFeed } from '../feed/market-feed';
import { MarketFeedGateway } from '../feed/market-feed.gateway';
import { BookRulesDispatcher } from '../instruments/book-rules-dispatcher';
import { CatalogueDecisions } from '../instruments/catalogue-decisions';
import { DecideRulesController } from '../instruments/decide-rules/decide-rules.controller';
import { DecideRules } from '../instruments/decide-rules/decide-rules.service';
import { BarsController } from './bars/bars.controller';
import { MemberActivityController } from './member-activity/member-activity.controller';

export const MARKET_DATA_MIGRATIONS = [MarketDataReadModels1764000500000];

/** Bars, a member's own orders and trades, the WebSocket feed, the regulator's rule decisions. Needs the platform and event-store modules. */
@Module({
  controllers: [BarsController, MemberActivityController, DecideRulesController],
  providers: [
    MarketFeed,
    MarketFeedGateway,
    CatalogueDecisions,
    BookRulesDispatcher,
    DecideRules,
    { provide: CLOCK, useValue: systemClock },
  ],
})
export class MarketDataModule {}
