import type { DataSource } from 'typeorm';
import { ClearingLedger, depositCash, depositUnits, registerMember, type ClearingEvent } from '@app/clearing';
import type { ClearingStore } from '../../../../exchange/src/clearing/clearing-store';
import { memberStreamId } from '../../../../exchange/src/clearing/clearing-streams';

export interface OpeningAccount {
  member: string;
  cash?: number;
  /** Units per instrument. */
  units?: Record<string, number>;
}

/** Registers Chongqing members with their opening cash and units, as the members' API would. */
export async function openAccounts(
  ds: DataSource,
  clearing: ClearingStore,
  accounts: readonly OpeningAccount[],
): Promise<void> {
  await ds.transaction(async (manager) => {
    const ledger = new ClearingLedger();
    const events: { stream: string; event: ClearingEvent }[] = [];
    const add = (member: string, list: ClearingEvent[]) => {
      ledger.apply(list);
      for (const event of list) events.push({ stream: memberStreamId(member), event });
    };
    for (const { member, cash = 0, units = {} } of accounts) {
      add(member, registerMember(ledger, { member, name: member, jurisdiction: 'CQ' }));
      if (cash > 0) add(member, depositCash(ledger, member, cash, `wire-${member}`));
      for (const [instrument, qty] of Object.entries(units))
        add(member, depositUnits(ledger, member, instrument, qty, `custody-${member}-${instrument}`));
    }
    await clearing.write(manager, ledger, events);
  });
}
