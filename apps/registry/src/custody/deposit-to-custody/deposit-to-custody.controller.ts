import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { RegistryWriteRoute } from '../../shared/registry-write-route.decorator';
import { CustodyMoveView } from '../custody-move.view';
import { DepositToCustody } from './deposit-to-custody.command';
import { DepositToCustodyDto } from './deposit-to-custody.dto';

@ApiTags('registry custody')
@Controller('registries/:jurisdiction/custody-deposits')
export class DepositToCustodyController {
  constructor(private readonly commandBus: CommandBus) {}

  @RegistryWriteRoute({
    type: CustodyMoveView,
    created: 'Units moved into {j}-EXCHANGE; the member’s exchange holdings are credited through the outbox',
    refused:
      'Not enough units held (LEDGER.INSUFFICIENT_UNITS, field quantity), instrument of another registry (CUSTODY.*)',
  })
  deposit(
    @Param('jurisdiction') jurisdiction: string,
    @Body() body: DepositToCustodyDto,
  ): Promise<CustodyMoveView> {
    return this.commandBus.execute(new DepositToCustody(parseRegistryJurisdiction(jurisdiction), body));
  }
}
