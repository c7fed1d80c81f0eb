import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  Matches,
  Max,
  MaxLength,
  MinLength,
} from 'class-validator';
import { JURISDICTIONS, type Jurisdiction } from '@app/domain';
import { MEMBER_ID_PATTERN } from './member-id';

const REFERENCE = /^[A-Za-z0-9._:-]{1,64}$/;

export class RegisterMemberDto {
  @ApiProperty({ example: 'cq-steel-001', description: 'Member id; also the account that owns its orders' })
  @IsString()
  @Matches(MEMBER_ID_PATTERN, { message: 'memberId must be 1-64 letters, digits, dot, dash or underscore' })
  memberId!: string;

  @ApiProperty({ example: 'Chongqing Steel Co.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: JURISDICTIONS, description: 'Where the enterprise is registered' })
  @IsIn(JURISDICTIONS)
  jurisdiction!: Jurisdiction;

  @ApiPropertyOptional({
    example: 1_000_000,
    description: 'Most units of any one instrument the member may hold, open buy orders included',
  })
  @IsOptional()
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  positionLimit?: number;
}

export class CashMovementDto {
  @ApiProperty({ example: 10_000_000, description: 'Amount in fen (integer)' })
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  amount!: number;

  @ApiProperty({
    example: 'bank-wire-20261124-001',
    description: 'The payment reference; idempotency key (the same reference twice is applied once)',
  })
  @IsString()
  @Matches(REFERENCE, { message: 'reference must be 1-64 letters, digits and . _ : -' })
  reference!: string;
}

export class UnitDepositDto {
  @ApiProperty({ example: 'CQEA-2025' })
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,31}$/, {
    message: 'instrument must be an instrument symbol such as CQEA-2025',
  })
  instrument!: string;

  @ApiProperty({ example: 5000, description: 'Units moved into the exchange trading account (integer)' })
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  qty!: number;

  @ApiProperty({
    example: 'CQ-transfer-42',
    description:
      'The outside transfer that moved the units (e.g. the national CCER registry); idempotency key',
  })
  @IsString()
  @Matches(REFERENCE, { message: 'registryTransfer must be 1-64 letters, digits and . _ : -' })
  registryTransfer!: string;
}

export class UnitWithdrawalDto {
  @ApiProperty({ example: 'CQEA-2025' })
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,31}$/, {
    message: 'instrument must be an instrument symbol such as CQEA-2025',
  })
  instrument!: string;

  @ApiProperty({ example: 500, description: 'Available units to take back to the registry (integer)' })
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  qty!: number;

  @ApiProperty({
    example: 'withdraw-20261124-001',
    description: 'The member’s reference; idempotency key (another body under it → 409)',
  })
  @IsString()
  @Matches(REFERENCE, { message: 'reference must be 1-64 letters, digits and . _ : -' })
  reference!: string;
}

export class BalanceView {
  @ApiProperty() available!: number;
  @ApiProperty() reserved!: number;
}

export class HoldingView extends BalanceView {
  @ApiProperty() instrument!: string;
  @ApiProperty({ description: 'Open quantity of the member’s buy orders (counts towards a position limit)' })
  incoming!: number;
}

export class PositionsView {
  @ApiProperty() memberId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() jurisdiction!: string;
  @ApiPropertyOptional() positionLimit?: number;
  @ApiProperty({ type: BalanceView, description: 'Cash in fen' }) cash!: BalanceView;
  @ApiProperty({ type: [HoldingView] }) holdings!: HoldingView[];
}
