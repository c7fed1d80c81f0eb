import type { LedgerCommand } from './commands';
import { handle } from './queries';
import { expiredHoldings, expiredPieces, formatSerial, isExpired } from './serials';
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

describe('rights issued with their own validity period (water use, valid through 2027)', () => {
  const s = run([
    { type: 'OpenAccount', commandId: '1', accountId: 'gov', accountType: 'GOVERNMENT', jurisdiction: 'CQ' },
    {
      type: 'OpenAccount',
      commandId: '2',
      accountId: 'mill',
      accountType: 'ENTERPRISE_HOLDING',
      jurisdiction: 'CQ',
    },
    {
      type: 'OpenAccount',
      commandId: '3',
      accountId: 'cxl',
      accountType: 'CANCELLATION',
      jurisdiction: 'CQ',
    },
    {
      type: 'IssueUnits',
      commandId: '4',
      accountId: 'gov',
      jurisdiction: 'CQ',
      kind: 'WATER_USE',
      vintage: 2025,
      validThrough: 2027,
      quantity: 50,
    },
    {
      type: 'TransferUnits',
      commandId: '5',
      from: 'gov',
      to: 'mill',
      selection: { by: 'quantity', quantity: 20, jurisdiction: 'CQ', kind: 'WATER_USE' },
    },
    {
      type: 'CancelUnits',
      commandId: '6',
      from: 'gov',
      to: 'cxl',
      selection: { by: 'quantity', quantity: 5, jurisdiction: 'CQ', kind: 'WATER_USE' },
      reason: 'unused',
    },
  ]);

  it('is valid through its last year and expired after it; cancelled units are not expiry candidates', () => {
    expect(s.blocks['B1']?.validThrough).toBe(2027);
    expect(expiredPieces(s, 2027)).toEqual([]);
    expect(expiredPieces(s, 2028).map((p) => [p.accountId, p.start, p.end])).toEqual([
      ['mill', 1, 20],
      ['gov', 26, 50],
    ]);
  });

  it('refuses a validity that ends before the vintage', () => {
    expect(() =>
      handle(s, {
        type: 'IssueUnits',
        commandId: '7',
        accountId: 'gov',
        jurisdiction: 'CQ',
        kind: 'WATER_USE',
        vintage: 2025,
        validThrough: 2024,
        quantity: 1,
      }),
    ).toThrow(/validThrough/);
  });
});
