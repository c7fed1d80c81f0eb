import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CLOCK, systemClock } from './clock/clock';
import { InstrumentsController } from './instruments/instruments.controller';
import { PlaceOrderController } from './orders/place-order/place-order.controller';
import { PlaceOrderHandler } from './orders/place-order/place-order.handler';
import { GatewaySchema1764000200000 } from './read-models/gateway-schema.migration';
import { TradesController } from './trades/trades.controller';
import { ReadModelProjections } from './read-models/read-model-projections';

export const GATEWAY_MIGRATIONS = [GatewaySchema1764000200000];

/** Order entry and market data over HTTP. Needs the platform and messaging modules in the host app. */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [InstrumentsController, PlaceOrderController, TradesController],
  providers: [PlaceOrderHandler, ReadModelProjections, { provide: CLOCK, useValue: systemClock }],
})
export class GatewayModule {}
