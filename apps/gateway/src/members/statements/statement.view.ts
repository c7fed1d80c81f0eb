import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class StatementQueryDto {
  @ApiProperty({ example: '2026-11-24', description: 'Trading day (China Standard Time)' })
  @IsString()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'date must be YYYY-MM-DD' })
  date!: string;
}

class Figures {
  @ApiProperty() available!: number;
  @ApiProperty() reserved!: number;
}

class Balances {
  @ApiProperty({ type: Figures, description: 'Fen' }) cash!: Figures;
  @ApiProperty({
    description: 'Per instrument: { available, reserved }',
    type: 'object',
    additionalProperties: true,
  })
  holdings!: Record<string, Figures>;
}

class StatementTradeView {
  @ApiProperty() instrument!: string;
  @ApiProperty({ description: '0 for a block trade' }) tradeNo!: number;
  @ApiProperty({ enum: ['buy', 'sell'] }) side!: string;
  @ApiProperty() price!: number;
  @ApiProperty() qty!: number;
  @ApiProperty() notional!: number;
  @ApiProperty() fee!: number;
  @ApiProperty() block!: boolean;
}

export class StatementView {
  @ApiProperty() member!: string;
  @ApiProperty() date!: string;
  @ApiProperty({ type: Balances }) opening!: Balances;
  @ApiProperty({ description: 'Cash deposited during the day (fen)' }) deposits!: number;
  @ApiProperty({ description: 'Cash withdrawn during the day (fen)' }) withdrawals!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) unitDeposits!: Record<
    string,
    number
  >;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) unitWithdrawals!: Record<
    string,
    number
  >;
  @ApiProperty({ type: [StatementTradeView] }) trades!: StatementTradeView[];
  @ApiProperty({ description: 'Fees paid during the day (fen)' }) fees!: number;
  @ApiProperty({ type: Balances }) closing!: Balances;
}
