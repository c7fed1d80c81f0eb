import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/domain';
import { OrderRow, toOrderView } from './order-row';
import { OrderView } from './order.view';

@ApiTags('orders')
@Controller('orders')
export class OrderStatusController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':orderId')
  @ApiOkResponse({ type: OrderView })
  @ApiNotFoundResponse({ description: 'No order was ever received under this id' })
  async get(@Param('orderId') orderId: string): Promise<OrderView> {
    const [row]: OrderRow[] = await this.dataSource.query('SELECT * FROM orders_view WHERE order_id = $1', [
      orderId,
    ]);
    if (row) return toOrderView(row);
    // Acknowledged but not matched yet: the command is still on its way to the matching worker.
    const [request]: { ack: { instrument: string } }[] = await this.dataSource.query(
      'SELECT ack FROM order_requests WHERE order_id = $1',
      [orderId],
    );
    if (!request)
      throw new DomainError('EXCHANGE.UNKNOWN_ORDER', `no order ${orderId}`, { field: 'orderId' });
    return {
      orderId,
      instrument: request.ack.instrument,
      qty: 0,
      filled: 0,
      remaining: 0,
      status: 'received',
    };
  }
}
