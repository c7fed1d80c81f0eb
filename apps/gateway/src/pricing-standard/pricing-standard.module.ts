import { Module } from '@nestjs/common';
import { CLOCK, systemClock } from '../clock/clock';
import { BookRulesDispatcher } from '../instruments/book-rules-dispatcher';
import { PricingStandardCommands } from './pricing-standard-commands';
import { PricingStandardController } from './pricing-standard.controller';
import { PricingStandardLog } from './pricing-standard-log';
import { StandardApplications } from './standard-applications';
import { StandardRulesSync } from './standard-rules-sync';

/** The joint pricing standard: two-key adoption, and the exchange's rules and closes that follow it. */
@Module({
  controllers: [PricingStandardController],
  providers: [
    PricingStandardLog,
    PricingStandardCommands,
    StandardApplications,
    StandardRulesSync,
    BookRulesDispatcher,
    { provide: CLOCK, useValue: systemClock },
  ],
  exports: [PricingStandardLog, StandardRulesSync],
})
export class PricingStandardModule {}
