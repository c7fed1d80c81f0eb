import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { CLOCK, systemClock } from '../clock/clock';
import { AmendOrderController } from './amend-order/amend-order.controller';
import { ReportBlockTradeController } from './block-trade/report-block-trade.controller';
import { PlaceOrderBatchController } from './batch/place-order-batch.controller';
import { PlaceOrderBatchHandler } from './batch/place-order-batch.handler';
import { OrderEntry } from './place-order/order-entry';
import { OrderGroupCommit } from './place-order/order-group-commit';

/** Order entry beyond a single new order: amend, batch, block-trade reports. */
@Module({
  imports: [AccountsModule],
  controllers: [AmendOrderController, ReportBlockTradeController, PlaceOrderBatchController],
  providers: [
    PlaceOrderBatchHandler,
    OrderEntry,
    OrderGroupCommit,
    { provide: CLOCK, useValue: systemClock },
  ],
  exports: [OrderGroupCommit],
})
export class OrderEntryModule {}
