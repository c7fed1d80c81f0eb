import type { LedgerCommand, LedgerState } from '@app/ledger';
import type { SagaState } from '@app/recognition';
import { eventsOfCommand } from '../../shared/registry-state';
import { systemAccountId } from '../../shared/system-accounts';
import { recognitionLockId, sagaCommandId } from './recognition-steps';

/** A registry command of one saga step: where it runs, its id, and what it does. */
export interface StepCommand {
  readonly jurisdiction: SagaState['request']['origin'];
  readonly commandId: string;
  readonly memo: string;
  readonly plan: (ledger: LedgerState) => LedgerCommand[];
}

const originRange = (s: SagaState) => ({ by: 'serials' as const, ...s.request.range });

/** The origin registry holds the holder's range under the saga's lock: it cannot move while the saga runs. */
export function lockOrigin(s: SagaState): StepCommand {
  const commandId = sagaCommandId(s.requestId, 'lock');
  return {
    jurisdiction: s.request.origin,
    commandId,
    memo: `recognition ${s.requestId}: lock for ${s.request.destination}`,
    plan: () => [
      {
        type: 'LockUnits',
        commandId,
        accountId: s.request.holderId,
        lockId: recognitionLockId(s.requestId),
        selection: originRange(s),
        reason: `pending recognition in ${s.request.destination} (request ${s.requestId})`,
      },
    ],
  };
}

/**
 * The destination registry issues the recognised units (same kind, vintage and project as the origin block)
 * to the holder's account there, locked until the origin has cancelled its range: until then the units exist
 * in both registries and may be used in neither.
 */
export function issueAtDestination(s: SagaState, originSerials: string): StepCommand {
  const commandId = sagaCommandId(s.requestId, 'issue');
  const { request } = s;
  return {
    jurisdiction: request.destination,
    commandId,
    memo: `recognition ${s.requestId}: recognised from ${originSerials}`,
    plan: (ledger) => {
      // A retry finds its block issued already: the lock must name the same serials, or the command differs.
      const issued = eventsOfCommand(ledger, commandId).find((e) => e.type === 'UnitsIssued');
      const start = issued?.type === 'UnitsIssued' ? issued.block.start : ledger.nextSerial;
      const accountId = request.holderId;
      return [
        {
          type: 'IssueUnits',
          commandId: `${commandId}:issue`,
          accountId,
          jurisdiction: request.destination,
          kind: request.kind,
          vintage: request.vintage,
          ...(request.projectId !== undefined ? { projectId: request.projectId } : {}),
          quantity: s.destinationQuantity,
        },
        {
          type: 'LockUnits',
          commandId: `${commandId}:lock`,
          accountId,
          lockId: recognitionLockId(s.requestId),
          selection: { by: 'serials', start, end: start + s.destinationQuantity - 1 },
          reason: `recognised from ${originSerials}; usable once the origin cancelled it`,
        },
      ];
    },
  };
}

/** The pivot: the origin releases its lock and cancels the range, "transferred for recognition". */
export function cancelAtOrigin(s: SagaState, destinationSerials: string): StepCommand {
  const commandId = sagaCommandId(s.requestId, 'cancel');
  return {
    jurisdiction: s.request.origin,
    commandId,
    memo: `recognition ${s.requestId}: cancelled, now ${destinationSerials}`,
    plan: () => [
      { type: 'UnlockUnits', commandId: `${commandId}:unlock`, lockId: recognitionLockId(s.requestId) },
      {
        type: 'CancelUnits',
        commandId: `${commandId}:cancel`,
        from: s.request.holderId,
        to: systemAccountId(s.request.origin, 'CANCELLATION'),
        selection: originRange(s),
        reason: `transferred for recognition in ${s.request.destination} as ${destinationSerials} (request ${s.requestId})`,
      },
    ],
  };
}

/** Completion: the recognised units become usable in the destination. */
export function releaseAtDestination(s: SagaState): StepCommand {
  const commandId = sagaCommandId(s.requestId, 'release');
  return {
    jurisdiction: s.request.destination,
    commandId,
    memo: `recognition ${s.requestId}: completed`,
    plan: () => [{ type: 'UnlockUnits', commandId, lockId: recognitionLockId(s.requestId) }],
  };
}

/** Compensation, first: the recognised units are cancelled again (they never were usable). */
export function revokeAtDestination(s: SagaState): StepCommand {
  const commandId = sagaCommandId(s.requestId, 'revoke');
  const range = s.destinationRange!;
  return {
    jurisdiction: s.request.destination,
    commandId,
    memo: `recognition ${s.requestId}: revoked (${s.failure ?? 'failed'})`,
    plan: () => [
      { type: 'UnlockUnits', commandId: `${commandId}:unlock`, lockId: recognitionLockId(s.requestId) },
      {
        type: 'CancelUnits',
        commandId: `${commandId}:cancel`,
        from: s.request.holderId,
        to: systemAccountId(s.request.destination, 'CANCELLATION'),
        selection: { by: 'serials', start: range.start, end: range.end },
        reason: `recognition ${s.requestId} revoked: ${s.failure ?? 'failed'}`,
      },
    ],
  };
}

/** Compensation, last: the origin range is the holder's to use again. */
export function unlockOrigin(s: SagaState): StepCommand {
  const commandId = sagaCommandId(s.requestId, 'unlock');
  return {
    jurisdiction: s.request.origin,
    commandId,
    memo: `recognition ${s.requestId}: unlocked (${s.failure ?? 'failed'})`,
    plan: () => [{ type: 'UnlockUnits', commandId, lockId: recognitionLockId(s.requestId) }],
  };
}
