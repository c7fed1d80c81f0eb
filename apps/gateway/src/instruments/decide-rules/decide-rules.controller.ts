import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { InstrumentRulesChangedData } from '@app/contracts';
import { DomainError } from '@app/domain';
import { InstrumentCatalogue } from '@app/platform';
import { DecideRules, DecisionRecorded, type JointRulesProposal } from './decide-rules.service';

const EXAMPLE = {
  regulator: 'regulator-cq',
  decisionId: 'cq-2026-12',
  effectiveFrom: '2026-12-01',
  reference: '渝环〔2026〕12号',
  changes: { referencePrice: 4000, bandBp: 500 },
};

@ApiTags('instruments')
@Controller('instruments')
export class DecideRulesController {
  constructor(
    private readonly decide: DecideRules,
    private readonly catalogue: InstrumentCatalogue,
  ) {}

  @Post(':symbol/decisions')
  @ApiBody({
    description:
      'A regulator’s dated decision. `changes` may hold referencePrice, bandBp, blockBandBp, blockMinQty, ' +
      'maxOrderQty, tick, lot (integers), modes (of continuous, auction, block; [] suspends trading), ' +
      'hours ({timezone, continuous, block}) and ' +
      'freeAllocationSellLimit ({enabled, maxShareBp}). `effectiveFrom`: YYYY-MM-DD (00:00 Beijing ' +
      'time) or an ISO date-time with offset, not in the past.',
    schema: { type: 'object', example: EXAMPLE },
  })
  @ApiCreatedResponse({
    description:
      'The decision as recorded (`status: adopted`) and the rules from its effective date. The whole ' +
      "market's instrument (CCER) takes both provinces' keys: the first is a proposal (`status: proposed`, " +
      '`awaiting` the other province), the other province sending the same decision adopts it',
  })
  @ApiNotFoundResponse({ description: 'EXCHANGE.UNKNOWN_INSTRUMENT' })
  @ApiConflictResponse({ description: 'INSTRUMENTS.DECISION_ID_CONFLICT, or a concurrent decision' })
  @ApiUnprocessableEntityResponse({
    description: 'INSTRUMENTS.BAD_DECISION / INVALID_RULES / EFFECTIVE_IN_PAST, naming the field',
  })
  record(@Param('symbol') symbol: string, @Body() body: unknown): Promise<DecisionRecorded> {
    return this.decide.decide(symbol, body);
  }

  @Get(':symbol/decisions')
  @ApiOkResponse({ description: 'Every decision on the instrument, by effective date' })
  list(@Param('symbol') symbol: string): readonly InstrumentRulesChangedData[] {
    if (!this.catalogue.get(symbol))
      throw new DomainError('EXCHANGE.UNKNOWN_INSTRUMENT', `unknown instrument ${symbol}`, {
        field: 'symbol',
      });
    return this.catalogue.decisionsOf(symbol);
  }

  @Get(':symbol/proposals')
  @ApiOkResponse({
    description:
      "Decisions on the whole market's instrument (CCER) proposed with one province's key and awaiting " +
      "the other's (`approvals`, `awaiting`), oldest first; empty for a province's instrument",
  })
  @ApiNotFoundResponse({ description: 'EXCHANGE.UNKNOWN_INSTRUMENT' })
  proposals(@Param('symbol') symbol: string): Promise<JointRulesProposal[]> {
    if (!this.catalogue.get(symbol))
      throw new DomainError('EXCHANGE.UNKNOWN_INSTRUMENT', `unknown instrument ${symbol}`, {
        field: 'symbol',
      });
    return this.decide.proposals(symbol);
  }
}
