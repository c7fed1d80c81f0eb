import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CLOCK, systemClock } from './clock/clock';
import { ConsoleStaticModule } from './console/console-static.module';
import { ResearchModule } from './research/research.module';
import { SurveillanceModule } from './surveillance/surveillance.module';
import { InstrumentsController } from './instruments/instruments.controller';
import { MARKET_DATA_MIGRATIONS, MarketDataModule } from './market-data/market-data.module';
import { PlaceOrderController } from './orders/place-order/place-order.controller';
import { PlaceOrderHandler } from './orders/place-order/place-order.handler';
import { BookDepthController } from './book/book-depth.controller';
import { CancelOrderController } from './orders/cancel-order/cancel-order.controller';
import { OrderStatusController } from './orders/order-status/order-status.controller';
import { GatewaySchema1764000200000 } from './read-models/gateway-schema.migration';
import { OrdersReadModel1764000210000 } from './read-models/orders-schema.migration';
import { TradesController } from './trades/trades.controller';
import { ReadModelProjections } from './read-models/read-model-projections';
import { AccountsModule } from './accounts/accounts.module';
import { MembersModule } from './members/members.module';
import { OrderEntryModule } from './orders/order-entry.module';
import { MarketModeModule } from './market-mode/market-mode.module';
import { orderOwnersProvider } from './orders/order-owners';

export const GATEWAY_MIGRATIONS = [
  GatewaySchema1764000200000,
  OrdersReadModel1764000210000,
  ...MARKET_DATA_MIGRATIONS,
];

/** Order entry and market data over HTTP. Needs the platform and messaging modules in the host app. */
@Module({
  imports: [
    CqrsModule.forRoot(),
    AccountsModule,
    MembersModule,
    OrderEntryModule,
    MarketModeModule,
    MarketDataModule,
    ResearchModule,
    SurveillanceModule,
    ConsoleStaticModule.forRoot(),
  ],
  controllers: [
    InstrumentsController,
    PlaceOrderController,
    OrderStatusController,
    CancelOrderController,
    TradesController,
    BookDepthController,
  ],
  providers: [
    PlaceOrderHandler,
    ReadModelProjections,
    { provide: CLOCK, useValue: systemClock },
    orderOwnersProvider,
  ],
})
export class GatewayModule {}
