import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/domain';
import { InstrumentCatalogue } from '@app/platform';

export class BookDepthQueryDto {
  @ApiPropertyOptional({ default: 10, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  levels = 10;
}

export interface DepthLevelView {
  price: number;
  qty: number;
  orders: number;
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
  ): Promise<{ instrument: string; bids: DepthLevelView[]; asks: DepthLevelView[] }> {
    if (!this.catalogue.get(instrument))
      throw new DomainError('EXCHANGE.UNKNOWN_INSTRUMENT', `unknown instrument ${instrument}`, {
        field: 'instrument',
      });
    const side = async (name: 'buy' | 'sell'): Promise<DepthLevelView[]> => {
      const rows: { price: string; qty: string; orders: string }[] = await this.dataSource.query(
        `SELECT price, sum(remaining) AS qty, count(*) AS orders FROM orders_view
         WHERE instrument = $1 AND side = $2 AND remaining > 0
         GROUP BY price ORDER BY price ${name === 'buy' ? 'DESC' : 'ASC'} LIMIT $3`,
        [instrument, name, query.levels],
      );
      return rows.map((r) => ({ price: Number(r.price), qty: Number(r.qty), orders: Number(r.orders) }));
    };
    return { instrument, bids: await side('buy'), asks: await side('sell') };
  }
}
