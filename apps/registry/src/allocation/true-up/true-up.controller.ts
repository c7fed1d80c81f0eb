import { Body, Controller, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { RegistryWriteRoute } from '../../shared/registry-write-route.decorator';
import { governmentHolds, previewTrueUp, type TrueUpPreview } from './true-up-plan';
import { TrueUpAllocation } from './true-up.command';
import { PreviewTrueUpDto, TrueUpDto } from './true-up.dto';
import { TrueUpView } from './true-up.view';

@ApiTags('registry allocation')
@Controller('registries/:jurisdiction/true-ups')
export class TrueUpController {
  constructor(private readonly commandBus: CommandBus) {}

  @RegistryWriteRoute({
    type: TrueUpView,
    created: 'TrueUpApplied per firm; the difference moved from or back to the government account',
    refused: 'The government account (the cap) or a firm lacks the units (LEDGER.INSUFFICIENT_UNITS)',
  })
  @ApiConflictResponse({ description: 'A firm was already trued up for this allocation' })
  trueUp(@Param('jurisdiction') jurisdiction: string, @Body() body: TrueUpDto): Promise<TrueUpView> {
    return this.commandBus.execute(new TrueUpAllocation(parseRegistryJurisdiction(jurisdiction), body));
  }
}

/** The dry run: the true-up table from the allocation on record and the verified output. */
@ApiTags('registry allocation')
@Controller('registries/:jurisdiction/true-up-previews')
export class PreviewTrueUpController {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiOkResponse({ description: 'Per firm: pre-allocated, final entitlement, adjustment; nothing moved' })
  async preview(
    @Param('jurisdiction') jurisdiction: string,
    @Body() body: PreviewTrueUpDto,
  ): Promise<TrueUpPreview & { governmentHolds: number }> {
    const j = parseRegistryJurisdiction(jurisdiction);
    const { ledger, records } = await this.registry.load(j);
    const preview = previewTrueUp(j, ledger, records, body);
    return { ...preview, governmentHolds: governmentHolds(j, ledger, preview) };
  }
}
