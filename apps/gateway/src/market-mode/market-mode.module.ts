import { Module } from '@nestjs/common';
import { CLOCK, systemClock } from '../clock/clock';
import { MarketModeController } from './market-mode.controller';
import { MarketModeDispatcher } from './market-mode-dispatcher';
import { MarketModeLog } from './market-mode-log';
import { MarketModeDecisions } from './market-mode.service';

/** Regulators' market-mode decisions over HTTP, and their dispatch to the books. */
@Module({
  controllers: [MarketModeController],
  providers: [
    MarketModeLog,
    MarketModeDecisions,
    MarketModeDispatcher,
    { provide: CLOCK, useValue: systemClock },
  ],
  exports: [MarketModeLog],
})
export class MarketModeModule {}
