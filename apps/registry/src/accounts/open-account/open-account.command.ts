import { Command } from '@nestjs/cqrs';
import type { CommandResultView } from '../../shared/command-result';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { OpenAccountDto } from './open-account.dto';

export class OpenAccount extends Command<CommandResultView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly body: OpenAccountDto,
  ) {
    super();
  }
}
