import { handle, initialState, type LedgerCommand, type LedgerState } from '@app/ledger';
import { planReleaseFromCustody } from '../release-from-custody/release-from-custody.consumer';
import { reconcileCustody } from './custody-reconciliation';

const run = (state: LedgerState, commands: LedgerCommand[]) =>
  commands.reduce((s, c) => handle(s, c).state, state);

const INSTRUMENTS = [
  { symbol: 'CQEA-2025', jurisdiction: 'CQ', kind: 'CARBON_ALLOWANCE', vintage: 2025 },
  { symbol: 'CQCER', jurisdiction: 'CQ', kind: 'CQCER' },
  { symbol: 'SCEA-2025', jurisdiction: 'SC', kind: 'CARBON_ALLOWANCE', vintage: 2025 },
  { symbol: 'CCER', jurisdiction: 'NATIONAL', kind: 'CCER' },
] as const;

/** CQ-EXCHANGE holds 800 allowances of 2025 (of which 100 go back to steel) and 50 CQCER. */
function given(): LedgerState {
  const open = (accountId: string, ownerId?: string): LedgerCommand => ({
    type: 'OpenAccount',
    commandId: `open-${accountId}`,
    accountId,
    accountType: 'ENTERPRISE_HOLDING',
    jurisdiction: 'CQ',
    ...(ownerId ? { ownerId } : {}),
  });
  const state = run(initialState, [
    open('steel'),
    open('CQ-EXCHANGE', 'exchange'),
    {
      type: 'IssueUnits',
      commandId: 'i1',
      accountId: 'CQ-EXCHANGE',
      jurisdiction: 'CQ',
      kind: 'CARBON_ALLOWANCE',
      vintage: 2025,
      quantity: 800,
    },
    {
      type: 'IssueUnits',
      commandId: 'i2',
      accountId: 'CQ-EXCHANGE',
      jurisdiction: 'CQ',
      kind: 'CQCER',
      vintage: 2024,
      projectId: 'CQCER-P1',
      quantity: 50,
    },
  ]);
  return run(
    state,
    planReleaseFromCustody(state, {
      member: 'steel',
      instrument: 'CQEA-2025',
      qty: 100,
      reference: 'w-1',
      units: { jurisdiction: 'CQ', kind: 'CARBON_ALLOWANCE', vintage: 2025 },
    }),
  );
}

describe('reconcileCustody', () => {
  it('compares the custody account with the members’ holdings per instrument of the registry', () => {
    const lines = reconcileCustody('CQ', given(), INSTRUMENTS, {
      holdings: new Map([
        ['CQEA-2025', 600],
        ['CQCER', 50],
      ]),
      depositsInFlight: new Map([['CQEA-2025', 150]]),
      withdrawalsInFlight: new Map([['CQEA-2025', 50]]),
    });
    expect(lines).toEqual([
      {
        instrument: 'CQEA-2025',
        kind: 'CARBON_ALLOWANCE',
        vintage: 2025,
        registry: 700,
        exchange: 600,
        depositsInFlight: 150,
        withdrawalsInFlight: 50,
        difference: 0,
      },
      {
        instrument: 'CQCER',
        kind: 'CQCER',
        registry: 50,
        exchange: 50,
        depositsInFlight: 0,
        withdrawalsInFlight: 0,
        difference: 0,
      },
    ]);
  });

  it('reports a difference when the sides disagree', () => {
    const [line] = reconcileCustody('CQ', given(), INSTRUMENTS, {
      holdings: new Map([['CQEA-2025', 710]]),
      depositsInFlight: new Map(),
      withdrawalsInFlight: new Map(),
    });
    expect(line).toMatchObject({ registry: 700, exchange: 710, difference: -10 });
  });
});
