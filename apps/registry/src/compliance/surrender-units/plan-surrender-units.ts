import type { LedgerCommand } from '@app/ledger';
import { systemAccountId } from '../../shared/system-accounts';
import { selectionOf } from '../../shared/unit-selection.dto';
import type { SurrenderUnits } from './surrender-units.command';

/** The ledger command of a surrender in the command's registry (into its SURRENDER account by default). */
export function planSurrenderUnits({ jurisdiction, body }: SurrenderUnits): LedgerCommand[] {
  return [
    {
      type: 'SurrenderUnits',
      commandId: body.commandId,
      from: body.from,
      to: body.to ?? systemAccountId(jurisdiction, 'SURRENDER'),
      selection: selectionOf(jurisdiction, body),
      complianceYear: body.complianceYear,
    },
  ];
}
