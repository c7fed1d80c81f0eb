import { Module } from '@nestjs/common';
import { PricingStandardModule } from '../../pricing-standard/pricing-standard.module';
import { EndOfDayController } from './end-of-day.controller';
import { EndOfDay } from './end-of-day.service';

@Module({
  imports: [PricingStandardModule],
  controllers: [EndOfDayController],
  providers: [EndOfDay],
})
export class EndOfDayModule {}
