import { Module } from '@nestjs/common';
import { ClearingModule } from '../../../exchange/src/clearing/clearing.module';
import { FEE_SCHEDULE, feeScheduleFromEnv } from './fee-schedule';
import { FreeAllocations } from './free-allocations';
import { OrderReservations } from './order-reservations';

/** Members' accounts as the gateway uses them: pre-trade reservations, the fee schedule. */
@Module({
  imports: [ClearingModule],
  providers: [
    OrderReservations,
    FreeAllocations,
    { provide: FEE_SCHEDULE, useFactory: () => feeScheduleFromEnv() },
  ],
  exports: [ClearingModule, OrderReservations, FreeAllocations, FEE_SCHEDULE],
})
export class AccountsModule {}
