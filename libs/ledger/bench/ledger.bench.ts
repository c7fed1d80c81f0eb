/**
 * A registry ledger's decide + evolve per command as it grows: accounts opened, then transfers
 * out of one issuing account to all of them. Pure, in memory: what a registry pays per command,
 * and per event on a replay, whatever its size.
 *
 *   npm run bench:ledger
 *   SIZES=1000,10000,100000 TRANSFERS=5000 npm run bench:ledger
 *
 * The last line printed is one JSON object with the figures.
 */
import { decide, evolve, initialState, type LedgerCommand, type LedgerState } from '@app/ledger';

const SIZES = (process.env.SIZES ?? '1000,10000,50000').split(',').map(Number);
const TRANSFERS = Number(process.env.TRANSFERS ?? 5000);

interface Figures {
  accounts: number;
  openUs: number;
  transferUs: number;
}

function measure(accounts: number): Figures {
  let state: LedgerState = initialState;
  const apply = (command: LedgerCommand) => {
    for (const event of decide(command, state)) state = evolve(state, event);
  };
  let start = performance.now();
  for (let i = 0; i < accounts; i++)
    apply({
      type: 'OpenAccount',
      commandId: `open-${i}`,
      accountId: `acct-${i}`,
      accountType: 'ENTERPRISE_HOLDING',
      jurisdiction: 'CQ',
    });
  const openUs = ((performance.now() - start) * 1000) / accounts;
  apply({
    type: 'IssueUnits',
    commandId: 'issue',
    accountId: 'acct-0',
    jurisdiction: 'CQ',
    kind: 'CARBON_ALLOWANCE',
    vintage: 2025,
    quantity: 10_000_000,
  });
  start = performance.now();
  for (let k = 0; k < TRANSFERS; k++)
    apply({
      type: 'TransferUnits',
      commandId: `transfer-${k}`,
      from: 'acct-0',
      to: `acct-${1 + (k % (accounts - 1))}`,
      selection: { by: 'quantity', jurisdiction: 'CQ', kind: 'CARBON_ALLOWANCE', vintage: 2025, quantity: 1 },
    });
  const transferUs = ((performance.now() - start) * 1000) / TRANSFERS;
  return { accounts, openUs: Math.round(openUs * 10) / 10, transferUs: Math.round(transferUs * 10) / 10 };
}

const results = SIZES.map(measure);
for (const r of results)
  console.log(
    `${r.accounts.toLocaleString('en')} accounts: opening one ${r.openUs} µs, a transfer ${r.transferUs} µs (decide + evolve)`,
  );
console.log(JSON.stringify({ transfers: TRANSFERS, sizes: results }));
