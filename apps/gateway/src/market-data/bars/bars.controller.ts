import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/domain';
import { InstrumentCatalogue } from '@app/platform';
import { BarView } from './bar.view';
import { ListBarsQueryDto } from './list-bars.query.dto';
import { isKnownBook } from '../../market-mode/known-book';

interface BarRow {
  bucket_start: string;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
  turnover: string;
  trades: number;
}

@ApiTags('market data')
@Controller('bars')
export class BarsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: InstrumentCatalogue,
  ) {}

  @Get(':instrument')
  @ApiOkResponse({
    type: [BarView],
    description:
      'OHLCV bars oldest first; only intervals with trades have a bar. Without `from` the latest `limit` bars.',
  })
  @ApiNotFoundResponse({ description: 'Unknown instrument' })
  async list(@Param('instrument') instrument: string, @Query() query: ListBarsQueryDto): Promise<BarView[]> {
    if (!isKnownBook(this.catalogue, instrument))
      throw new DomainError('EXCHANGE.UNKNOWN_INSTRUMENT', `unknown instrument ${instrument}`, {
        field: 'instrument',
      });
    if (query.from !== undefined && query.to !== undefined && query.from >= query.to)
      throw new DomainError('MARKET_DATA.BAD_RANGE', 'from must be before to', { field: 'from' });
    const newestFirst = query.from === undefined;
    const rows: BarRow[] = await this.dataSource.query(
      `SELECT bucket_start, open, high, low, close, volume, turnover, trades FROM bars
       WHERE instrument = $1 AND interval = $2
         AND ($3::bigint IS NULL OR bucket_start >= $3) AND ($4::bigint IS NULL OR bucket_start < $4)
       ORDER BY bucket_start ${newestFirst ? 'DESC' : 'ASC'} LIMIT $5`,
      [instrument, query.interval, query.from ?? null, query.to ?? null, query.limit],
    );
    if (newestFirst) rows.reverse();
    return rows.map((r) => ({
      start: Number(r.bucket_start),
      open: Number(r.open),
      high: Number(r.high),
      low: Number(r.low),
      close: Number(r.close),
      volume: Number(r.volume),
      turnover: Number(r.turnover),
      trades: r.trades,
    }));
  }
}
