import { Command } from '@nestjs/cqrs';
import type { PlaceOrderDto } from './place-order.dto';

export interface OrderAcknowledgement {
  orderId: string;
  commandId: string;
  instrument: string;
  status: 'received';
  receivedAt: number;
}

export class PlaceOrder extends Command<OrderAcknowledgement> {
  constructor(readonly order: PlaceOrderDto) {
    super();
  }
}
