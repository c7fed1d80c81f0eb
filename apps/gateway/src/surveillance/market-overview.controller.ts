import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { herfindahlIndex, volumeWeightedPrice } from './concentration';

export class MarketOverviewQueryDto {
  @ApiPropertyOptional({ description: 'From this time (ms since the epoch, inclusive)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  from?: number;

  @ApiPropertyOptional({ description: 'Until this time (ms since the epoch, exclusive)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  to?: number;
}

export class InstrumentActivityView {
  @ApiProperty() instrument!: string;
  @ApiProperty() trades!: number;
  @ApiProperty({ description: 'Units' }) volume!: number;
  @ApiProperty({ description: 'Σ price × qty, fen' }) turnover!: number;
  @ApiPropertyOptional({ description: 'Fen, rounded half up' }) vwap?: number;
  @ApiPropertyOptional({ description: 'Price of the last trade, fen' }) last?: number;
  @ApiPropertyOptional() high?: number;
  @ApiPropertyOptional() low?: number;
  @ApiProperty({ description: 'Members that bought or sold' }) members!: number;
  @ApiProperty({ description: 'Herfindahl–Hirschman index of traded volume, 0–10,000' }) hhi!: number;
  @ApiProperty({ description: 'The member with the largest share of traded volume, and that share in bp' })
  top!: { member: string; shareBp: number } | null;
  @ApiProperty({ description: 'Trades with the same member on both sides (wash trades)' })
  selfTrades!: number;
}

/** The regulators' market view: activity, concentration and wash trades per instrument, from the trades read model. */
@ApiTags('surveillance')
@Controller('surveillance')
export class MarketOverviewController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('market')
  @ApiOkResponse({ type: [InstrumentActivityView] })
  async market(@Query() query: MarketOverviewQueryDto): Promise<InstrumentActivityView[]> {
    const window = [query.from ?? 0, query.to ?? Number.MAX_SAFE_INTEGER];
    const totals: {
      instrument: string;
      trades: string;
      volume: string;
      turnover: string;
      high: string;
      low: string;
      last: string;
      self_trades: string;
    }[] = await this.dataSource.query(
      `SELECT instrument, count(*) AS trades, sum(qty) AS volume, sum(price * qty) AS turnover,
              max(price) AS high, min(price) AS low,
              (array_agg(price ORDER BY trade_no DESC))[1] AS last,
              count(*) FILTER (WHERE buyer = seller) AS self_trades
       FROM trades WHERE executed_at >= $1 AND executed_at < $2
       GROUP BY instrument ORDER BY instrument`,
      window,
    );
    const byMember: { instrument: string; member: string; qty: string }[] = await this.dataSource.query(
      `SELECT instrument, member, sum(qty) AS qty FROM (
         SELECT instrument, buyer AS member, qty FROM trades WHERE executed_at >= $1 AND executed_at < $2
         UNION ALL
         SELECT instrument, seller AS member, qty FROM trades WHERE executed_at >= $1 AND executed_at < $2
       ) sides GROUP BY instrument, member ORDER BY instrument, qty DESC, member`,
      window,
    );
    return totals.map((t) => {
      const members = byMember.filter((m) => m.instrument === t.instrument);
      const sideVolume = members.reduce((sum, m) => sum + Number(m.qty), 0);
      return {
        instrument: t.instrument,
        trades: Number(t.trades),
        volume: Number(t.volume),
        turnover: Number(t.turnover),
        vwap: volumeWeightedPrice(BigInt(t.turnover), BigInt(t.volume)),
        last: Number(t.last),
        high: Number(t.high),
        low: Number(t.low),
        members: members.length,
        hhi: herfindahlIndex(members.map((m) => Number(m.qty))),
        top: members[0]
          ? { member: members[0].member, shareBp: Math.floor((Number(members[0].qty) * 10_000) / sideVolume) }
          : null,
        selfTrades: Number(t.self_trades),
      };
    });
  }
}
