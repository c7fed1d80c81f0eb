import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  Matches,
  Max,
  MaxLength,
  ValidateIf,
} from 'class-validator';

export class PlaceOrderDto {
  @ApiProperty({
    example: 'CQEA-2025',
    description: 'Instrument symbol from the catalogue (GET /instruments)',
  })
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,31}$/, {
    message: 'instrument must be an instrument symbol such as CQEA-2025',
  })
  instrument!: string;

  @ApiProperty({ example: 'cq-steel-001', description: 'Trading account of the member' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
    message: 'account must be 1-64 letters, digits, dot, dash or underscore',
  })
  account!: string;

  @ApiProperty({ enum: ['buy', 'sell'] })
  @IsIn(['buy', 'sell'])
  side!: 'buy' | 'sell';

  @ApiPropertyOptional({ enum: ['limit', 'market'], default: 'limit' })
  @IsOptional()
  @IsIn(['limit', 'market'])
  type: 'limit' | 'market' = 'limit';

  @ApiPropertyOptional({
    example: 3650,
    description: 'Limit price in fen per unit (integer); required for limit orders, absent for market orders',
  })
  @ValidateIf((o: PlaceOrderDto) => o.type !== 'market' || o.price !== undefined)
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  price?: number;

  @ApiProperty({ example: 1000, description: 'Quantity in whole units (integer)' })
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  qty!: number;

  @ApiPropertyOptional({ enum: ['GTC', 'DAY', 'IOC', 'FOK'], default: 'GTC' })
  @IsOptional()
  @IsIn(['GTC', 'DAY', 'IOC', 'FOK'])
  tif: 'GTC' | 'DAY' | 'IOC' | 'FOK' = 'GTC';

  @ApiPropertyOptional({ type: Boolean, default: false })
  @IsOptional()
  @IsBoolean()
  postOnly: boolean = false;

  @ApiPropertyOptional({
    example: 'cq-steel-001-0001',
    description:
      'Client order id, also the idempotency key: resending the same order returns the same acknowledgement',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: 'clientOrderId must use letters, digits and . _ : -' })
  clientOrderId?: string;
}
