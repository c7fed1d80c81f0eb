import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/domain';
import { InstrumentCatalogue } from '@app/platform';
import { FreeAllocations } from '../../accounts/free-allocations';
import { DEFAULT_DISCLOSURE_OVER_ALLOCATION, largeHolders, type LargeHolder } from './large-holders';

export class LargeHoldersQueryDto {
  @ApiPropertyOptional({ description: 'Only this instrument (default: all)' })
  @IsOptional()
  @IsString()
  instrument?: string;

  @ApiPropertyOptional({
    description: 'Units over the member’s free allocation of the instrument from which it is listed',
    default: DEFAULT_DISCLOSURE_OVER_ALLOCATION,
    minimum: 1,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  threshold?: number;
}

export class LargeHolderView implements LargeHolder {
  @ApiProperty() member!: string;
  @ApiProperty() instrument!: string;
  @ApiProperty({ description: 'Units held on the exchange: available plus reserved for sale' }) held!: number;
  @ApiProperty({ description: 'Units of the instrument the member received free' }) freeAllocation!: number;
  @ApiProperty({ description: 'freeAllocation plus the threshold' }) threshold!: number;
  @ApiProperty({ description: 'held minus threshold' }) excess!: number;
}

/** The regulators' large-holder list (大户报告): members at or over the disclosure threshold. */
@ApiTags('surveillance')
@Controller('surveillance')
export class LargeHoldersController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: InstrumentCatalogue,
    private readonly allocations: FreeAllocations,
  ) {}

  @Get('large-holders')
  @ApiOkResponse({ type: [LargeHolderView] })
  async list(@Query() query: LargeHoldersQueryDto): Promise<LargeHolderView[]> {
    const instrument = query.instrument ?? null;
    if (instrument !== null && !this.catalogue.get(instrument))
      throw new DomainError('EXCHANGE.UNKNOWN_INSTRUMENT', `unknown instrument ${instrument}`, {
        field: 'instrument',
      });
    const overAllocation = query.threshold ?? DEFAULT_DISCLOSURE_OVER_ALLOCATION;
    // No allocation is negative, so a holder under the bare threshold is never listed.
    const rows: { member_id: string; instrument: string; held: string }[] = await this.dataSource.query(
      `SELECT member_id, instrument, available + reserved AS held FROM clearing_holdings
        WHERE ($1::text IS NULL OR instrument = $1) AND available + reserved >= $2`,
      [instrument, overAllocation],
    );
    return largeHolders(
      rows.map((r) => ({ member: r.member_id, instrument: r.instrument, held: Number(r.held) })),
      (member, symbol) => {
        const definition = this.catalogue.get(symbol);
        return definition ? this.allocations.freeAllocationOf(member, definition) : 0;
      },
      overAllocation,
    );
  }
}
