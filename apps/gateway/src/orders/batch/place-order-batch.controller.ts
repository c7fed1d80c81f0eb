import { Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBody, ApiTags } from '@nestjs/swagger';
import { ValidatedBody } from '../place-order/order-body';
import { PlaceOrderBatchDto, PlaceOrderBatchResult } from './place-order-batch.dto';
import { PlaceOrderBatchHandler } from './place-order-batch.handler';
import { plainlyValidBatch } from './plainly-valid-batch';

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
  @ApiBody({ type: PlaceOrderBatchDto })
  @ApiBadRequestResponse({ description: 'Malformed body (the message names the field, e.g. orders.3.price)' })
  place(
    @ValidatedBody(plainlyValidBatch, PlaceOrderBatchDto) batch: PlaceOrderBatchDto,
  ): Promise<PlaceOrderBatchResult> {
    return this.handler.execute(batch.orders);
  }
}
