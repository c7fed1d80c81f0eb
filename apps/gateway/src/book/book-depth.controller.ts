import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/domain';
import { InstrumentCatalogue } from '@app/platform';
import { DepthView, readDepth } from './book-depth.query';
import { isKnownBook } from '../market-mode/known-book';

export class BookDepthQueryDto {
  @ApiPropertyOptional({ default: 10, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  levels = 10;
}

@ApiTags('market data')
@Controller('book')
export class BookDepthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: InstrumentCatalogue,
  ) {}

  @Get(':instrument')
  @ApiOkResponse({ description: 'Best price levels per side: bids high to low, asks low to high' })
  async depth(
    @Param('instrument') instrument: string,
    @Query() query: BookDepthQueryDto,
  ): Promise<DepthView> {
    if (!isKnownBook(this.catalogue, instrument))
      throw new DomainError('EXCHANGE.UNKNOWN_INSTRUMENT', `unknown instrument ${instrument}`, {
        field: 'instrument',
      });
    return readDepth(this.dataSource.manager, instrument, query.levels);
  }
}
