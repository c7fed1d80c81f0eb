import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@app/domain';
import { InstrumentCatalogue, InstrumentDefinition } from '@app/platform';
import { CLOCK, Clock } from '../clock/clock';

@ApiTags('market data')
@Controller('instruments')
export class InstrumentsController {
  constructor(
    private readonly catalogue: InstrumentCatalogue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOkResponse({
    description:
      'Every tradable right with the rules in force now: unit, tick, lot, bands, block-trade rules, hours, modes',
  })
  list(): InstrumentDefinition[] {
    return this.catalogue.listAt(this.clock.now());
  }

  @Get(':symbol')
  @ApiOkResponse({ description: 'The instrument with the rules in force now' })
  @ApiNotFoundResponse({ description: 'EXCHANGE.UNKNOWN_INSTRUMENT' })
  get(@Param('symbol') symbol: string): InstrumentDefinition {
    const instrument = this.catalogue.rulesAt(symbol, this.clock.now());
    if (!instrument)
      throw new DomainError('EXCHANGE.UNKNOWN_INSTRUMENT', `unknown instrument ${symbol}`, {
        field: 'symbol',
      });
    return instrument;
  }
}
