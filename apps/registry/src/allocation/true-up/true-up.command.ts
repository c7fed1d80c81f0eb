import { Command } from '@nestjs/cqrs';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { TrueUpView } from './true-up.view';
import type { TrueUpDto } from './true-up.dto';

export class TrueUpAllocation extends Command<TrueUpView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly body: TrueUpDto,
  ) {
    super();
  }
}
