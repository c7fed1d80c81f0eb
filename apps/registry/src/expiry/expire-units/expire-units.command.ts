import { Command } from '@nestjs/cqrs';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { ExpiryView } from './expire-units.handler';
import type { ExpireUnitsDto } from './expire-units.dto';

export class ExpireUnits extends Command<ExpiryView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly body: ExpireUnitsDto,
  ) {
    super();
  }
}
