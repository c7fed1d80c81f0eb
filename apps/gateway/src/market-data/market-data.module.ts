import { Module } from '@nestjs/common';
import { MarketDataReadModels1764000500000 } from '../read-models/market-data-schema.migration';
import { BarsController } from './bars/bars.controller';
import { MemberActivityController } from './member-activity/member-activity.controller';

export const MARKET_DATA_MIGRATIONS = [MarketDataReadModels1764000500000];

/** Bars, a member's own orders and trades. Needs the platform module (database, catalogue). */
@Module({
  controllers: [BarsController, MemberActivityController],
})
export class MarketDataModule {}
