import { DomainError } from './errors';

/**
 * The two provinces' carbon allowances of one vintage (`CQEA-2025`, `SCEA-2025`) form a link
 * group (`EA-2025`). When the regulators link the markets they trade in one book,
 * `LINKED-EA-2025`, in a common unit: one linked unit is `exchangeRatio[P]` allowances of
 * province P. Every symbol of a group maps to one shard, so one worker owns all three books.
 */
export const LINKED_PROVINCES = ['CQ', 'SC'] as const;
export type LinkedProvince = (typeof LINKED_PROVINCES)[number];

/** Allowances of each province per linked unit (positive integers): {CQ: 1, SC: 1} is one-for-one. */
export type ExchangeRatio = Readonly<Record<LinkedProvince, number>>;
export const ONE_FOR_ONE: ExchangeRatio = { CQ: 1, SC: 1 };

const ALLOWANCE_SYMBOL = /^(CQ|SC)EA-(\d{4})$/;
const LINKED_SYMBOL = /^LINKED-EA-(\d{4})$/;

export interface LinkableAllowance {
  readonly symbol: string;
  readonly province: LinkedProvince;
  readonly vintage: number;
  /** Shard key shared by both provinces' allowances of the vintage and their linked book. */
  readonly group: string;
  readonly linkedBook: string;
}

/** The allowance a symbol names, if it is one of the two provinces' carbon allowances. */
export function linkableAllowance(symbol: string): LinkableAllowance | undefined {
  const m = ALLOWANCE_SYMBOL.exec(symbol);
  if (!m) return undefined;
  const vintage = Number(m[2]);
  return {
    symbol,
    province: m[1] as LinkedProvince,
    vintage,
    group: `EA-${vintage}`,
    linkedBook: linkedBookSymbol(vintage),
  };
}

export const linkedBookSymbol = (vintage: number): string => `LINKED-EA-${vintage}`;

export const isLinkedBook = (symbol: string): boolean => LINKED_SYMBOL.test(symbol);

/** The symbols whose books a vintage's linked book replaces. */
export const linkedMembers = (vintage: number): [string, string] => [`CQEA-${vintage}`, `SCEA-${vintage}`];

/** What a symbol is sharded by: its link group for allowances and linked books, else itself. */
export function linkGroupOf(symbol: string): string {
  const linked = LINKED_SYMBOL.exec(symbol);
  if (linked) return `EA-${linked[1]}`;
  return linkableAllowance(symbol)?.group ?? symbol;
}

export function checkExchangeRatio(ratio: ExchangeRatio, field = 'exchangeRatio'): void {
  for (const p of LINKED_PROVINCES)
    if (!Number.isSafeInteger(ratio[p]) || ratio[p] <= 0 || ratio[p] > 1_000_000)
      throw new DomainError(
        'MARKET.BAD_EXCHANGE_RATIO',
        `${field}.${p} must be an integer from 1 to 1,000,000`,
        {
          field: `${field}.${p}`,
        },
      );
}

/**
 * An order of `qty` allowances of `province` at `price` fen each, in linked units: qty ÷ ratio
 * units at price × ratio fen. Undefined when qty is not a whole number of linked units (the
 * order cannot enter the linked book); the notional is the same in both units.
 */
export function toLinkedUnits(
  province: LinkedProvince,
  order: { price?: number; qty: number },
  ratio: ExchangeRatio,
): { price?: number; qty: number } | undefined {
  const per = ratio[province];
  if (order.qty % per !== 0) return undefined;
  return { ...(order.price !== undefined ? { price: order.price * per } : {}), qty: order.qty / per };
}

/** Allowances of `province` that `linkedQty` linked units stand for. */
export const allowancesOf = (province: LinkedProvince, linkedQty: number, ratio: ExchangeRatio): number =>
  linkedQty * ratio[province];

/**
 * How many allowances of `destination` `qty` allowances of `origin` are worth at the ratio
 * (exactly; a quantity that does not convert to whole units is refused with MARKET.OFF_RATIO).
 */
export function convertAllowances(
  origin: LinkedProvince,
  destination: LinkedProvince,
  qty: number,
  ratio: ExchangeRatio,
): number {
  const num = qty * ratio[destination];
  if (num % ratio[origin] !== 0)
    throw new DomainError(
      'MARKET.OFF_RATIO',
      `${qty} ${origin} allowances are not a whole number of ${destination} allowances at ${ratio[origin]}:${ratio[destination]}`,
      { field: 'quantity' },
    );
  return num / ratio[origin];
}
