import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { accountView, type AccountView } from './account.view';

@ApiTags('registry accounts')
@Controller('registries/:jurisdiction/accounts')
export class GetAccountController {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  @Get(':id')
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiOkResponse({ description: 'Holdings by instrument and vintage, with serial ranges and locks' })
  @ApiNotFoundResponse({ description: 'No such registry or account' })
  async get(@Param('jurisdiction') jurisdiction: string, @Param('id') id: string): Promise<AccountView> {
    const loaded = await this.registry.load(parseRegistryJurisdiction(jurisdiction));
    return accountView(loaded.ledger, id, loaded.version);
  }
}
