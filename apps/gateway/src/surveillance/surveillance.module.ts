import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { LargeHoldersController } from './large-holders/large-holders.controller';
import { MarketOverviewController } from './market-overview.controller';

/** What regulators watch: activity, concentration and wash trades per instrument, and large holders. */
@Module({ imports: [AccountsModule], controllers: [MarketOverviewController, LargeHoldersController] })
export class SurveillanceModule {}
