import { piecesOf, type Block, type LedgerState } from '@app/ledger';
import { RegistryError } from '../../shared/registry-errors';
import { rangeView, type SerialRangeView } from '../../shared/serial-text';

export interface HoldingView {
  readonly kind: string;
  readonly vintage: number;
  readonly projectId?: string;
  readonly quantity: number;
  readonly locked: number;
  readonly ranges: readonly SerialRangeView[];
}

export interface AccountView {
  readonly accountId: string;
  readonly accountType: string;
  readonly jurisdiction: string;
  readonly ownerId?: string;
  readonly total: number;
  readonly holdings: readonly HoldingView[];
  /** Registry stream version the view was read at. */
  readonly version: number;
}

const holdingKey = (b: Block): string => `${b.kind}|${b.vintage}|${b.projectId ?? ''}`;

/** One account's holdings by instrument, vintage (and project for credits), with their serial ranges. */
export function accountView(ledger: LedgerState, accountId: string, version: number): AccountView {
  const account = ledger.accounts[accountId];
  if (!account)
    throw new RegistryError(`LEDGER.UNKNOWN_ACCOUNT`, `unknown account ${accountId}`, { field: 'id' });
  const groups = new Map<
    string,
    { block: Block; quantity: number; locked: number; ranges: SerialRangeView[] }
  >();
  for (const piece of piecesOf(ledger, accountId)) {
    const block = ledger.blocks[piece.blockId];
    if (!block) continue;
    const key = holdingKey(block);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { block, quantity: 0, locked: 0, ranges: [] }));
    const range = rangeView(block, piece);
    g.quantity += range.quantity;
    if (piece.lockId !== undefined) g.locked += range.quantity;
    g.ranges.push(range);
  }
  const holdings = [...groups.values()]
    .map(({ block, quantity, locked, ranges }) => ({
      kind: block.kind,
      vintage: block.vintage,
      ...(block.projectId !== undefined ? { projectId: block.projectId } : {}),
      quantity,
      locked,
      ranges,
    }))
    .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.vintage - b.vintage));
  return {
    accountId,
    accountType: account.accountType,
    jurisdiction: account.jurisdiction,
    ...(account.ownerId !== undefined ? { ownerId: account.ownerId } : {}),
    total: holdings.reduce((s, h) => s + h.quantity, 0),
    holdings,
    version,
  };
}
