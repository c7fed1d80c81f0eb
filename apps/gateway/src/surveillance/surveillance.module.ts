import { Module } from '@nestjs/common';
import { MarketOverviewController } from './market-overview.controller';

/** What regulators watch: activity, concentration and wash trades per instrument. */
@Module({ controllers: [MarketOverviewController] })
export class SurveillanceModule {}
