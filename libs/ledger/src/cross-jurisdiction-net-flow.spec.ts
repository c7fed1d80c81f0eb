import type { LedgerCommand } from './commands';
import { netFlow, retirementFlows } from './flows';
import { handle } from './queries';
import { initialState, type LedgerState } from './state';

const run = (cmds: readonly LedgerCommand[]): LedgerState =>
  cmds.reduce((s, c) => handle(s, c).state, initialState);

// netFlow(CQ vs SC) = Σ(CQ-issued retired in SC) − Σ(SC-issued retired in CQ)
describe('cross-jurisdiction net flow: 300 CQCER retired in Sichuan, 120 碳惠天府 retired in Chongqing → CQ +180', () => {
  const s = run([
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
      vintage: 2024,
      projectId: 'CQ-P1',
      quantity: 1_000,
    },
    {
      type: 'IssueUnits',
      commandId: '6',
      accountId: 'sc-gov',
      jurisdiction: 'SC',
      kind: 'TANHUI_TIANFU',
      vintage: 2024,
      projectId: 'SC-P9',
      quantity: 500,
    },
    {
      type: 'SurrenderUnits',
      commandId: '7',
      from: 'cq-gov',
      to: 'sc-sur',
      complianceYear: 2024,
      selection: { by: 'quantity', quantity: 300, jurisdiction: 'CQ', kind: 'CQCER', vintage: 2024 },
    },
    {
      type: 'RetireUnits',
      commandId: '8',
      from: 'sc-gov',
      to: 'cq-ret',
      beneficiary: 'Chongqing Expo',
      selection: { by: 'quantity', quantity: 120, jurisdiction: 'SC', kind: 'TANHUI_TIANFU', vintage: 2024 },
    },
  ]);

  it('reports the flows and the net', () => {
    expect(retirementFlows(s)).toEqual([
      { issuedIn: 'CQ', retiredIn: 'SC', vintage: 2024, quantity: 300 },
      { issuedIn: 'SC', retiredIn: 'CQ', vintage: 2024, quantity: 120 },
    ]);
    expect(netFlow(s, 'CQ', 'SC')).toBe(180);
    expect(netFlow(s, 'SC', 'CQ')).toBe(-180);
    expect(netFlow(s, 'CQ', 'SC', 2023)).toBe(0);
  });
});
