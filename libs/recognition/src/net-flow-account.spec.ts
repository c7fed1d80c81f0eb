import { handle, initialState, retirementFlows, type LedgerCommand, type LedgerState } from '@app/ledger';
import { crossUsesFromLedgerFlows, netFlowAccount, type CrossUse } from './net-flow-account';

// netFlow(A) = Σ(A-issued units used in B) − Σ(B-issued units used in A), per year of use
describe('yearly net-flow account between Chongqing and Sichuan', () => {
  const uses: CrossUse[] = [
    { origin: 'CQ', usedIn: 'SC', year: 2026, quantity: 300 },
    { origin: 'SC', usedIn: 'CQ', year: 2026, quantity: 100 },
    { origin: 'SC', usedIn: 'CQ', year: 2026, quantity: 20 },
    { origin: 'SC', usedIn: 'CQ', year: 2025, quantity: 999 },
    { origin: 'SC', usedIn: 'SC', year: 2026, quantity: 50 },
  ];

  it('2026: CQ exported 300, imported 120 → net +180; SC −180 (its own retirements do not count)', () => {
    expect(netFlowAccount(uses, 2026)).toEqual({
      year: 2026,
      CQ: { exported: 300, imported: 120, net: 180 },
      SC: { exported: 120, imported: 300, net: -180 },
    });
  });

  it('2025: only the 999 SC units used in Chongqing', () => {
    expect(netFlowAccount(uses, 2025).SC.net).toBe(999);
  });

  it('rejects a negative quantity', () => {
    expect(() => netFlowAccount([{ ...uses[0]!, quantity: -1 }], 2026)).toThrow(
      expect.objectContaining({ code: 'RECOGNITION.BAD_PARAMETER' }),
    );
  });

  it("agrees with @app/ledger's retirement flows when one ledger keeps the origin on recognised blocks", () => {
    const cmds: LedgerCommand[] = [
      {
        type: 'OpenAccount',
        commandId: '1',
        accountId: 'cq-gov',
        accountType: 'GOVERNMENT',
        jurisdiction: 'CQ',
      },
      {
        type: 'OpenAccount',
        commandId: '2',
        accountId: 'sc-gov',
        accountType: 'GOVERNMENT',
        jurisdiction: 'SC',
      },
      {
        type: 'OpenAccount',
        commandId: '3',
        accountId: 'cq-ret',
        accountType: 'RETIREMENT',
        jurisdiction: 'CQ',
      },
      {
        type: 'OpenAccount',
        commandId: '4',
        accountId: 'sc-sur',
        accountType: 'SURRENDER',
        jurisdiction: 'SC',
      },
      {
        type: 'IssueUnits',
        commandId: '5',
        accountId: 'cq-gov',
        jurisdiction: 'CQ',
        kind: 'CQCER',
        vintage: 2026,
        projectId: 'CQ-P1',
        quantity: 1_000,
      },
      {
        type: 'IssueUnits',
        commandId: '6',
        accountId: 'sc-gov',
        jurisdiction: 'SC',
        kind: 'TANHUI_TIANFU',
        vintage: 2026,
        projectId: 'SC-P9',
        quantity: 500,
      },
      {
        type: 'SurrenderUnits',
        commandId: '7',
        from: 'cq-gov',
        to: 'sc-sur',
        complianceYear: 2026,
        selection: { by: 'quantity', quantity: 300, jurisdiction: 'CQ', kind: 'CQCER' },
      },
      {
        type: 'RetireUnits',
        commandId: '8',
        from: 'sc-gov',
        to: 'cq-ret',
        beneficiary: 'Chongqing Expo',
        selection: { by: 'quantity', quantity: 120, jurisdiction: 'SC', kind: 'TANHUI_TIANFU' },
      },
    ];
    const state = cmds.reduce<LedgerState>((s, c) => handle(s, c).state, initialState);
    const account = netFlowAccount(crossUsesFromLedgerFlows(retirementFlows(state)), 2026);
    expect(account.CQ).toEqual({ exported: 300, imported: 120, net: 180 });
  });
});
