import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { PlaceOrderDto } from '../place-order/place-order.dto';

export const MAX_BATCH_ORDERS = 1000;

export class PlaceOrderBatchDto {
  @ApiProperty({
    type: [PlaceOrderDto],
    description: `1 to ${MAX_BATCH_ORDERS} orders, decided in this order`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_ORDERS)
  @ValidateNested({ each: true })
  @Type(() => PlaceOrderDto)
  orders!: PlaceOrderDto[];
}

export class BatchOrderError {
  @ApiProperty({ example: 'CLEARING.INSUFFICIENT_CASH' }) code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ example: 'qty' }) field?: string;
  @ApiProperty({ example: 422, description: 'The HTTP status this error would have on its own' })
  status!: number;
}

export class BatchOrderResult {
  @ApiProperty({ description: 'Position of the order in the request' }) index!: number;
  @ApiPropertyOptional() orderId?: string;
  @ApiPropertyOptional() commandId?: string;
  @ApiProperty({ enum: ['received', 'refused'] }) status!: 'received' | 'refused';
  @ApiPropertyOptional({ type: BatchOrderError }) error?: BatchOrderError;
}

export class PlaceOrderBatchResult {
  @ApiProperty() received!: number;
  @ApiProperty() refused!: number;
  @ApiProperty({ type: [BatchOrderResult] }) results!: BatchOrderResult[];
}
