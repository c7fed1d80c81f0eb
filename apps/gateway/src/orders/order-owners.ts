import { Provider } from '@nestjs/common';
import { ORDER_OWNERS, type OrderOwners } from '@app/platform';
import { DataSource } from 'typeorm';

/** The account an order was placed for (the access guard's ownership check). */
export const orderOwnersProvider: Provider<OrderOwners> = {
  provide: ORDER_OWNERS,
  inject: [DataSource],
  useFactory: (dataSource: DataSource): OrderOwners => ({
    async accountOf(orderId) {
      // The reservation is written with the order's entry; the view keeps it once the order is done.
      const [row]: { account: string | null }[] = await dataSource.query(
        `SELECT member_id AS account FROM clearing_orders WHERE order_id = $1
         UNION ALL SELECT account FROM orders_view WHERE order_id = $1 AND account IS NOT NULL
         LIMIT 1`,
        [orderId],
      );
      return row?.account ?? undefined;
    },
  }),
};
