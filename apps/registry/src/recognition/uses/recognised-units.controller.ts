import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { netFlowAccount, RecognitionError, type NetFlowAccount } from '@app/recognition';
import type { MoveView } from '../../shared/move.view';
import { parseRegistryJurisdiction, REGISTRY_JURISDICTIONS } from '../../shared/registry-jurisdiction';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { RecognitionStore } from '../recognition-store';
import { crossUses } from './recognised-units';
import { RetireRecognisedUnits, SurrenderRecognisedUnits } from './use-recognised-units.handlers';
import { RetireRecognisedDto, SurrenderRecognisedDto } from './use-recognised-units.dto';

@ApiTags('recognition')
@Controller('registries/:jurisdiction')
export class RecognisedUnitsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('recognised-surrenders')
  @ApiCreatedResponse({ description: 'Recognised units surrendered as offsets for the compliance year' })
  @ApiUnprocessableEntityResponse({
    description:
      'RECOGNITION.NOT_RECOGNISED, USE_NOT_ALLOWED (recognised for voluntary retirement), NOT_VERIFIED, OVER_OFFSET_LIMIT (offset limit, local share, share of allocation)',
  })
  surrender(@Param('jurisdiction') j: string, @Body() body: SurrenderRecognisedDto): Promise<MoveView> {
    return this.commandBus.execute(new SurrenderRecognisedUnits(parseRegistryJurisdiction(j), body));
  }

  @Post('recognised-retirements')
  @ApiCreatedResponse({ description: 'Recognised units retired voluntarily for a beneficiary' })
  @ApiUnprocessableEntityResponse({ description: 'RECOGNITION.NOT_RECOGNISED' })
  retire(@Param('jurisdiction') j: string, @Body() body: RetireRecognisedDto): Promise<MoveView> {
    return this.commandBus.execute(new RetireRecognisedUnits(parseRegistryJurisdiction(j), body));
  }
}

export interface NetFlowView extends NetFlowAccount {
  /** The uses counted (origin units), for audit. */
  readonly uses: ReturnType<typeof crossUses>;
}

@ApiTags('recognition')
@Controller('recognition/net-flow')
export class NetFlowController {
  constructor(
    private readonly store: RecognitionStore,
    @Inject(REGISTRY_PORT) private readonly registry: RegistryPort,
  ) {}

  @Get()
  @ApiQuery({ name: 'year', example: 2026 })
  @ApiOkResponse({
    description:
      'WCI-style yearly account: net(A) = A-issued units used (surrendered or retired) in B − B-issued units used in A',
  })
  async get(@Query('year') year: string): Promise<NetFlowView> {
    const y = Number(year);
    if (!/^\d{4}$/.test(year ?? '') || y < 1900)
      throw new RecognitionError('RECOGNITION.BAD_PARAMETER', 'year must be a four-digit year', {
        field: 'year',
      });
    const [{ state }, ...loaded] = await Promise.all([
      this.store.loadSagas(),
      ...REGISTRY_JURISDICTIONS.map((j) => this.registry.load(j)),
    ]);
    const ledgers = Object.fromEntries(REGISTRY_JURISDICTIONS.map((j, i) => [j, loaded[i]!.ledger]));
    const uses = crossUses(state, ledgers).filter((u) => u.year === y);
    return { ...netFlowAccount(uses, y), uses };
  }
}
