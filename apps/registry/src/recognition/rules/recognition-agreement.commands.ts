import { Command } from '@nestjs/cqrs';
import type { AgreementView } from './agreement.view';
import type { ApproveAgreementDto, ProposeAgreementDto } from './recognition-agreement.dto';

export interface AgreementResult extends AgreementView {
  readonly commandId: string;
  readonly replayed: boolean;
}

export class ProposeAgreement extends Command<AgreementResult> {
  constructor(readonly body: ProposeAgreementDto) {
    super();
  }
}

export class ApproveAgreement extends Command<AgreementResult> {
  constructor(
    readonly version: string,
    readonly body: ApproveAgreementDto,
  ) {
    super();
  }
}
