import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { RecognitionError } from '@app/recognition';
import { RecognitionStore } from '../recognition-store';
import { agreementView, type AgreementView } from './agreement.view';
import { ApproveAgreement, ProposeAgreement, type AgreementResult } from './recognition-agreement.commands';
import { ApproveAgreementDto, ProposeAgreementDto } from './recognition-agreement.dto';

@ApiTags('recognition')
@Controller('recognition/agreements')
export class RecognitionAgreementsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly store: RecognitionStore,
  ) {}

  @Post()
  @ApiCreatedResponse({
    description: 'Proposed (RecognitionRulesProposed): the proposing province still approves it',
  })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed' })
  @ApiUnprocessableEntityResponse({
    description: 'Invalid document (RECOGNITION.INVALID_AGREEMENT, field = path), version exists',
  })
  propose(@Body() body: ProposeAgreementDto): Promise<AgreementResult> {
    return this.commandBus.execute(new ProposeAgreement(body));
  }

  @Post(':version/approvals')
  @ApiCreatedResponse({
    description: 'Approved; with both provinces on the same date, RecognitionRulesAdopted',
  })
  @ApiNotFoundResponse({ description: 'Unknown regulator or version' })
  @ApiUnprocessableEntityResponse({
    description: 'Wrong jurisdiction, already approved, effective date mismatch',
  })
  approve(@Param('version') version: string, @Body() body: ApproveAgreementDto): Promise<AgreementResult> {
    return this.commandBus.execute(new ApproveAgreement(version, body));
  }

  @Get()
  @ApiOkResponse({
    description: 'Every version with its approvals and, once both keys turned, its adoption date',
  })
  async list(): Promise<AgreementView[]> {
    const { state } = await this.store.loadRules();
    return Object.values(state.versions).map((v) => agreementView(state, v));
  }

  @Get(':version')
  @ApiOkResponse({ description: 'One version' })
  @ApiNotFoundResponse({ description: 'RECOGNITION.UNKNOWN_VERSION' })
  async get(@Param('version') version: string): Promise<AgreementView> {
    const { state } = await this.store.loadRules();
    const v = state.versions[version];
    if (!v)
      throw new RecognitionError('RECOGNITION.UNKNOWN_VERSION', `no recognition agreement ${version}`, {
        field: 'version',
      });
    return agreementView(state, v);
  }
}
