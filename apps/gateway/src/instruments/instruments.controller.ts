import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InstrumentCatalogue, InstrumentDefinition } from '@app/platform';

@ApiTags('market data')
@Controller('instruments')
export class InstrumentsController {
  constructor(private readonly catalogue: InstrumentCatalogue) {}

  @Get()
  @ApiOkResponse({ description: 'Every tradable right with its unit, tick, lot, band and block-trade rules' })
  list(): readonly InstrumentDefinition[] {
    return this.catalogue.list();
  }

  @Get(':symbol')
  get(@Param('symbol') symbol: string): InstrumentDefinition {
    const instrument = this.catalogue.get(symbol);
    if (!instrument) throw new NotFoundException(`unknown instrument ${symbol}`);
    return instrument;
  }
}
