import { INSTRUMENTS, isInstrumentKind, isJurisdiction, mapGet } from '@app/domain';
import type { LedgerCommand, UnitSelection } from './commands';
import { LEDGER_ERRORS, LedgerError } from './errors';
import type { LedgerEvent } from './events';
import { canonicalJson } from './fingerprint';
import { pickUnits } from './selection';
import type { LedgerState } from './state';
import { ACCOUNT_TYPES, isTerminal, type Account, type AccountType } from './types';

const MOVE_TARGET: Readonly<Record<string, AccountType>> = {
  SurrenderUnits: 'SURRENDER',
  RetireUnits: 'RETIREMENT',
  CancelUnits: 'CANCELLATION',
};

function account(state: LedgerState, id: string): Account {
  const a = state.accounts[id];
  if (!a) throw new LedgerError(LEDGER_ERRORS.UNKNOWN_ACCOUNT, `unknown account ${id}`, { accountId: id });
  return a;
}

function required(value: string | undefined, field: string): string {
  if (value === undefined || value.length === 0) {
    throw new LedgerError(LEDGER_ERRORS.MISSING_FIELD, `${field} is required`, { field });
  }
  return value;
}

/**
 * decide(command, state) → events. Throws a LedgerError (stable code) on rejection, which
 * changes nothing. A retry of a processed command id with the same body returns [];
 * the same id with a different body is rejected with LEDGER.COMMAND_ID_REUSED.
 */
export function decide(command: LedgerCommand, state: LedgerState): LedgerEvent[] {
  required(command.commandId, 'commandId');
  const fingerprint = canonicalJson(command);
  const seen = mapGet(state.processed, command.commandId);
  if (seen !== undefined) {
    if (seen === fingerprint) return [];
    throw new LedgerError(
      LEDGER_ERRORS.COMMAND_ID_REUSED,
      `command id ${command.commandId} was used for a different command`,
      {
        commandId: command.commandId,
      },
    );
  }
  const meta = { commandId: command.commandId, fingerprint };

  switch (command.type) {
    case 'OpenAccount': {
      required(command.accountId, 'accountId');
      if (state.accounts[command.accountId]) {
        throw new LedgerError(LEDGER_ERRORS.ACCOUNT_EXISTS, `account ${command.accountId} exists`, {
          accountId: command.accountId,
        });
      }
      if (!ACCOUNT_TYPES.includes(command.accountType) || !isJurisdiction(command.jurisdiction)) {
        throw new LedgerError(LEDGER_ERRORS.WRONG_ACCOUNT_TYPE, `bad account type or jurisdiction`, {
          ...command,
        });
      }
      const ev: LedgerEvent = {
        type: 'AccountOpened',
        ...meta,
        accountId: command.accountId,
        accountType: command.accountType,
        jurisdiction: command.jurisdiction,
        ...(command.ownerId !== undefined ? { ownerId: command.ownerId } : {}),
      };
      return [ev];
    }
    case 'IssueUnits': {
      const to = account(state, command.accountId);
      if (isTerminal(to.accountType)) {
        throw new LedgerError(LEDGER_ERRORS.TERMINAL_ACCOUNT, `cannot issue into ${to.accountType}`, {
          accountId: to.accountId,
        });
      }
      if (!Number.isSafeInteger(command.quantity) || command.quantity <= 0) {
        throw new LedgerError(LEDGER_ERRORS.BAD_QUANTITY, `quantity must be a positive integer`, {
          quantity: command.quantity,
        });
      }
      if (!Number.isSafeInteger(command.vintage) || command.vintage < 1900 || command.vintage > 9999) {
        throw new LedgerError(LEDGER_ERRORS.BAD_VINTAGE, `bad vintage ${command.vintage}`, {
          vintage: command.vintage,
        });
      }
      if (!isInstrumentKind(command.kind) || !isJurisdiction(command.jurisdiction)) {
        throw new LedgerError(LEDGER_ERRORS.MISSING_FIELD, `bad instrument kind or jurisdiction`, {
          ...command,
        });
      }
      if (INSTRUMENTS[command.kind].isCredit) required(command.projectId, 'projectId');
      const validThrough = command.validThrough;
      if (
        validThrough !== undefined &&
        (!Number.isSafeInteger(validThrough) || validThrough < command.vintage || validThrough > 9999)
      ) {
        throw new LedgerError(
          LEDGER_ERRORS.BAD_VINTAGE,
          `validThrough ${validThrough} precedes the vintage`,
          {
            field: 'validThrough',
          },
        );
      }
      const start = state.nextSerial;
      const ev: LedgerEvent = {
        type: 'UnitsIssued',
        ...meta,
        accountId: to.accountId,
        block: {
          blockId: `B${state.blockCount + 1}`,
          jurisdiction: command.jurisdiction,
          kind: command.kind,
          vintage: command.vintage,
          ...(command.projectId !== undefined ? { projectId: command.projectId } : {}),
          ...(validThrough !== undefined ? { validThrough } : {}),
          start,
          end: start + command.quantity - 1,
        },
      };
      return [ev];
    }
    case 'TransferUnits':
    case 'SurrenderUnits':
    case 'RetireUnits':
    case 'CancelUnits': {
      const from = account(state, command.from);
      const to = account(state, command.to);
      if (from.accountId === to.accountId) {
        throw new LedgerError(LEDGER_ERRORS.SAME_ACCOUNT, `from and to are the same account`, {
          accountId: from.accountId,
        });
      }
      if (isTerminal(from.accountType)) {
        throw new LedgerError(LEDGER_ERRORS.TERMINAL_ACCOUNT, `units in ${from.accountType} cannot move`, {
          accountId: from.accountId,
        });
      }
      const expected = MOVE_TARGET[command.type];
      if (expected === undefined ? isTerminal(to.accountType) : to.accountType !== expected) {
        throw new LedgerError(
          LEDGER_ERRORS.WRONG_ACCOUNT_TYPE,
          `${command.type} cannot target ${to.accountType}`,
          {
            accountId: to.accountId,
            expected: expected ?? 'non-terminal',
          },
        );
      }
      const picked = pick(state, from.accountId, command.selection);
      const move = {
        ...meta,
        from: from.accountId,
        to: to.accountId,
        ranges: picked.ranges,
        quantity: picked.quantity,
      };
      switch (command.type) {
        case 'TransferUnits':
          return [{ type: 'UnitsTransferred', ...move }];
        case 'SurrenderUnits':
          return [{ type: 'UnitsSurrendered', ...move, complianceYear: command.complianceYear }];
        case 'RetireUnits':
          return [
            {
              type: 'UnitsRetired',
              ...move,
              beneficiary: required(command.beneficiary, 'beneficiary'),
              ...(command.reason !== undefined ? { reason: command.reason } : {}),
            },
          ];
        case 'CancelUnits':
          return [{ type: 'UnitsCancelled', ...move, reason: required(command.reason, 'reason') }];
      }
      break;
    }
    case 'LockUnits': {
      const acc = account(state, command.accountId);
      required(command.lockId, 'lockId');
      if (state.locks[command.lockId]) {
        throw new LedgerError(LEDGER_ERRORS.LOCK_EXISTS, `lock ${command.lockId} is active`, {
          lockId: command.lockId,
        });
      }
      if (isTerminal(acc.accountType)) {
        throw new LedgerError(LEDGER_ERRORS.TERMINAL_ACCOUNT, `cannot lock units in ${acc.accountType}`, {
          accountId: acc.accountId,
        });
      }
      const picked = pick(state, acc.accountId, command.selection);
      return [
        {
          type: 'UnitsLocked',
          ...meta,
          accountId: acc.accountId,
          lockId: command.lockId,
          reason: command.reason,
          ranges: picked.ranges,
          quantity: picked.quantity,
        },
      ];
    }
    case 'UnlockUnits': {
      const lock = state.locks[command.lockId];
      if (!lock)
        throw new LedgerError(LEDGER_ERRORS.UNKNOWN_LOCK, `no active lock ${command.lockId}`, {
          lockId: command.lockId,
        });
      const ranges = (state.holdings[lock.accountId] ?? [])
        .filter((p) => p.lockId === lock.lockId)
        .map((p) => ({ blockId: p.blockId, start: p.start, end: p.end }));
      const quantity = ranges.reduce((s, r) => s + r.end - r.start + 1, 0);
      return [
        { type: 'UnitsUnlocked', ...meta, accountId: lock.accountId, lockId: lock.lockId, ranges, quantity },
      ];
    }
  }
  return [];
}

function pick(state: LedgerState, accountId: string, selection: UnitSelection | undefined) {
  if (!selection)
    throw new LedgerError(LEDGER_ERRORS.MISSING_FIELD, 'selection is required', { field: 'selection' });
  return pickUnits(state, accountId, selection);
}
