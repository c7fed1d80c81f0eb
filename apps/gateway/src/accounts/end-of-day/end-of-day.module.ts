import { Module } from '@nestjs/common';
import { CLOSING_PRICE_RULE, NATIONAL_CLOSING_RULE } from './closing-price-rule';
import { EndOfDayController } from './end-of-day.controller';
import { EndOfDay } from './end-of-day.service';

@Module({
  controllers: [EndOfDayController],
  providers: [EndOfDay, { provide: CLOSING_PRICE_RULE, useValue: NATIONAL_CLOSING_RULE }],
})
export class EndOfDayModule {}
