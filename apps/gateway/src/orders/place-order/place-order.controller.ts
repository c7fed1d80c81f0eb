import { Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBody, ApiTags } from '@nestjs/swagger';
import { plainlyValidOrder, ValidatedBody } from './order-body';
import { PlaceOrder, OrderAcknowledgement } from './place-order.command';
import { PlaceOrderDto } from './place-order.dto';

@ApiTags('orders')
@Controller('orders')
export class PlaceOrderController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ description: 'The order is durably queued for matching' })
  @ApiBody({ type: PlaceOrderDto })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed; the message names it' })
  place(
    @ValidatedBody(plainlyValidOrder, PlaceOrderDto) order: PlaceOrderDto,
  ): Promise<OrderAcknowledgement> {
    return this.commandBus.execute(new PlaceOrder(order));
  }
}
