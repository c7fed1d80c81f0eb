import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  decideRecognitionRules,
  evolveRecognitionRules,
  RECOGNITION_ERRORS,
  RecognitionError,
  type RecognitionRulesCommand,
} from '@app/recognition';
import { JOINT_REGULATORS } from '@app/pricing';
import { signingRegulators } from '@app/platform';
import { RecognitionStore } from '../recognition-store';
import { agreementView } from './agreement.view';
import { ApproveAgreement, ProposeAgreement, type AgreementResult } from './recognition-agreement.commands';

/**
 * Both keys of a recognition agreement go through here: decide on the rules stream read in the transaction,
 * append with its version (a concurrent approval makes one of them decide again). A retried commandId
 * answers the current state of the version with `replayed: true`.
 */
async function runRulesCommand(
  store: RecognitionStore,
  body: { commandId: string; actor: string },
  version: string,
  command: RecognitionRulesCommand,
): Promise<AgreementResult> {
  // The signed-in regulator only (docs/security.md): checked here too, whatever carried the command.
  const regulators = signingRegulators(JOINT_REGULATORS);
  return store.transaction(async (manager) => {
    const loaded = await store.loadRules(manager);
    const replayed = loaded.events.some((e) => e.metadata.commandId === body.commandId);
    const events = replayed ? [] : decideRecognitionRules(command, loaded.state, regulators);
    if (events.length > 0)
      await store.appendRules(manager, loaded.version, events, {
        commandId: body.commandId,
        actor: body.actor,
      });
    const state = events.reduce(evolveRecognitionRules, loaded.state);
    const v = state.versions[version];
    if (!v)
      throw new RecognitionError(RECOGNITION_ERRORS.BAD_PARAMETER, `no agreement version ${version}`, {
        field: 'version',
      });
    return { commandId: body.commandId, replayed, ...agreementView(state, v) };
  });
}

@CommandHandler(ProposeAgreement)
export class ProposeAgreementHandler implements ICommandHandler<ProposeAgreement> {
  constructor(private readonly store: RecognitionStore) {}

  execute({ body }: ProposeAgreement): Promise<AgreementResult> {
    const version = typeof body.document.version === 'string' ? body.document.version : '';
    return runRulesCommand(this.store, body, version, {
      type: 'ProposeRecognitionRules',
      version,
      document: body.document,
      regulator: body.regulator,
    });
  }
}

@CommandHandler(ApproveAgreement)
export class ApproveAgreementHandler implements ICommandHandler<ApproveAgreement> {
  constructor(private readonly store: RecognitionStore) {}

  execute({ version, body }: ApproveAgreement): Promise<AgreementResult> {
    return runRulesCommand(this.store, body, version, {
      type: 'ApproveRecognitionRules',
      jurisdiction: body.jurisdiction,
      version,
      regulator: body.regulator,
      effectiveFrom: body.effectiveFrom,
    });
  }
}
