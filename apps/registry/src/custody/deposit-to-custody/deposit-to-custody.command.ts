import { Command } from '@nestjs/cqrs';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { CustodyMoveView } from '../custody-move.view';
import type { DepositToCustodyDto } from './deposit-to-custody.dto';

export class DepositToCustody extends Command<CustodyMoveView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly body: DepositToCustodyDto,
  ) {
    super();
  }
}
