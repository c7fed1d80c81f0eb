import type { LedgerCommand } from './commands';
import { handle } from './queries';
import { expiredHoldings, formatSerial, isExpired } from './serials';
import { initialState, type LedgerState } from './state';

const run = (cmds: readonly LedgerCommand[]): LedgerState =>
  cmds.reduce((s, c) => handle(s, c).state, initialState);

describe('pollutant rights (SO2, 2021 vintage, valid 5 years) and serial identifiers', () => {
  const s = run([
    {
      type: 'OpenAccount',
      commandId: '1',
      accountId: 'sc-gov',
      accountType: 'GOVERNMENT',
      jurisdiction: 'SC',
    },
    {
      type: 'OpenAccount',
      commandId: '2',
      accountId: 'plant',
      accountType: 'ENTERPRISE_HOLDING',
      jurisdiction: 'SC',
    },
    {
      type: 'IssueUnits',
      commandId: '3',
      accountId: 'sc-gov',
      jurisdiction: 'SC',
      kind: 'POLLUTANT_SO2',
      vintage: 2021,
      quantity: 120,
    },
    {
      type: 'IssueUnits',
      commandId: '4',
      accountId: 'sc-gov',
      jurisdiction: 'SC',
      kind: 'CARBON_ALLOWANCE',
      vintage: 2021,
      quantity: 10,
    },
    {
      type: 'TransferUnits',
      commandId: '5',
      from: 'sc-gov',
      to: 'plant',
      selection: { by: 'quantity', quantity: 20, jurisdiction: 'SC', kind: 'POLLUTANT_SO2', vintage: 2021 },
    },
  ]);
  const so2 = s.blocks['B1']!;

  it('valid through 2025, expired from 2026; allowances never expire', () => {
    expect(isExpired(so2, 2025)).toBe(false);
    expect(isExpired(so2, 2026)).toBe(true);
    expect(isExpired(s.blocks['B2']!, 2100)).toBe(false);
    expect(expiredHoldings(s, 2026)).toEqual([
      { accountId: 'sc-gov', blockId: 'B1', quantity: 100 },
      { accountId: 'plant', blockId: 'B1', quantity: 20 },
    ]);
  });

  it('formats serials with jurisdiction, kind, vintage and a zero-padded number', () => {
    expect(formatSerial(so2, 7)).toBe('SC-POLLUTANT_SO2-2021-000000000007');
  });
});
