import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiTags } from '@nestjs/swagger';
import { PlaceOrderBatchDto, PlaceOrderBatchResult } from './place-order-batch.dto';
import { PlaceOrderBatchHandler } from './place-order-batch.handler';

@ApiTags('orders')
@Controller('orders/batch')
export class PlaceOrderBatchController {
  constructor(private readonly handler: PlaceOrderBatchHandler) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({
    type: PlaceOrderBatchResult,
    description:
      'Per-order results: each received order is reserved and durably queued; refused ones left nothing',
  })
  @ApiBadRequestResponse({ description: 'Malformed body (the message names the field, e.g. orders.3.price)' })
  place(@Body() batch: PlaceOrderBatchDto): Promise<PlaceOrderBatchResult> {
    return this.handler.execute(batch.orders);
  }
}
