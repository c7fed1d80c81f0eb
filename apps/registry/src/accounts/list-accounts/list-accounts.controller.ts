import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ACCOUNT_TYPES } from '@app/ledger';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { accountList, parseAccountType, type AccountList } from './account-list.view';

@ApiTags('registry accounts')
@Controller('registries/:jurisdiction/accounts')
export class ListAccountsController {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  @Get()
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiQuery({ name: 'type', required: false, enum: ACCOUNT_TYPES, example: 'ENTERPRISE_HOLDING' })
  @ApiOkResponse({
    description:
      "The registry's accounts (of one type, if asked), by id, with their holder and units held and locked. " +
      "The exchange's custody account is an ENTERPRISE_HOLDING account owned by `exchange`.",
  })
  @ApiNotFoundResponse({ description: 'No such registry' })
  @ApiUnprocessableEntityResponse({ description: 'REGISTRY.BAD_PARAMETER naming `type`' })
  async list(
    @Param('jurisdiction') jurisdiction: string,
    @Query('type') type?: unknown,
  ): Promise<AccountList> {
    const j = parseRegistryJurisdiction(jurisdiction);
    const accountType = parseAccountType(type);
    const loaded = await this.registry.load(j);
    return accountList(loaded.ledger, j, loaded.version, accountType);
  }
}
