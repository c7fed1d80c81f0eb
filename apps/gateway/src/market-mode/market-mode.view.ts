import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MARKET_MODES, type MarketMode } from '@app/recognition';
import { ExchangeRatioDto } from './market-mode.dto';

class ApprovalView {
  @ApiProperty({ example: 'CQ-EEB' })
  regulator!: string;

  @ApiProperty({ example: '2026-11-25' })
  effectiveFrom!: string;
}

class ApprovalsView {
  @ApiPropertyOptional({ type: ApprovalView })
  CQ?: ApprovalView;

  @ApiPropertyOptional({ type: ApprovalView })
  SC?: ApprovalView;
}

/** A decision as recorded: its document, the keys given so far, and when it applies once adopted. */
export class MarketModeRecordView {
  @ApiProperty({ example: 'link-2026' })
  version!: string;

  @ApiProperty({ enum: MARKET_MODES })
  mode!: MarketMode;

  @ApiProperty({ type: ExchangeRatioDto })
  exchangeRatio!: ExchangeRatioDto;

  @ApiProperty({ type: ApprovalsView })
  approvals!: ApprovalsView;

  @ApiPropertyOptional({ example: '2026-11-25', description: 'Set once both regulators approved' })
  effectiveFrom?: string;

  @ApiProperty({ enum: ['proposed', 'adopted'] })
  status!: 'proposed' | 'adopted';
}

/** The mode in force on a day; `version` and `effectiveFrom` absent before any adopted decision. */
export class MarketModeInForceView {
  @ApiProperty({ example: '2026-11-25', description: 'The market day asked about (Beijing time)' })
  at!: string;

  @ApiProperty({ enum: MARKET_MODES })
  mode!: MarketMode;

  @ApiProperty({ type: ExchangeRatioDto })
  exchangeRatio!: ExchangeRatioDto;

  @ApiPropertyOptional({ example: 'link-2026' })
  version?: string;

  @ApiPropertyOptional({ example: '2026-11-25' })
  effectiveFrom?: string;
}
