import { percentToBp } from '../regulator/allocation-form';
import { parseYuanToFen, type FieldError } from '../trading/order-ticket-rules';

/** The regulator's auction form, as typed: the reserve price in yuan, the bidder cap in percent. */
export interface AuctionForm {
  auctionId: string;
  vintage: string;
  /** YYYY-MM-DD; its year picks the reserve price under an escalation rule. */
  auctionDate: string;
  supply: string;
  lotSize: string;
  reservePrice: string;
  /** Empty: no cap. */
  maxBidderSharePct: string;
  undersubscribed: 'cancel' | 'clear-at-reserve';
  seed: string;
}

/** The body of `POST /registries/{j}/auctions`, less the envelope (commandId, actor). */
export interface ScheduleAuctionBody {
  auctionId: string;
  kind: 'CARBON_ALLOWANCE';
  vintage: number;
  auctionDate: string;
  supply: number;
  lotSize: number;
  reservePriceFen: number;
  maxBidderShareBp?: number;
  undersubscribed: 'cancel' | 'clear-at-reserve';
  tieBreak: { kind: 'seeded-random'; seed: number };
}

export type AuctionFormErrors = Partial<Record<keyof AuctionForm, FieldError>>;

/** The registry's own patterns (ScheduleAuctionDto): an id of letters, digits, `.`, `_`, `-`. */
const AUCTION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * The checks the registry makes on a schedule (the DTO's and the handler's: supply a whole number
 * of lots, not more than the auction account can lock), so the message sits next to the field.
 * `known`: what the auction account holds unlocked of a vintage, and the ids already taken, if known.
 */
export function buildScheduleAuction(
  form: AuctionForm,
  known: {
    unlockedInAuctionAccount?: (vintage: number) => number | undefined;
    existingIds?: readonly string[];
  } = {},
): { body?: ScheduleAuctionBody; errors: AuctionFormErrors } {
  const errors: AuctionFormErrors = {};
  const whole = (field: 'vintage' | 'supply' | 'lotSize', min: number, max = Number.MAX_SAFE_INTEGER) => {
    const text = String(form[field]).trim();
    const value = /^\d{1,16}$/.test(text) ? Number(text) : undefined;
    if (value === undefined || value < min || value > max)
      errors[field] =
        max === Number.MAX_SAFE_INTEGER
          ? { key: 'errors.wholeNumber', params: { min } }
          : { key: 'errors.wholeBetween', params: { min, max } };
    return value;
  };

  if (!AUCTION_ID.test(form.auctionId.trim())) errors.auctionId = { key: 'errors.auctionId' };
  else if (known.existingIds?.includes(form.auctionId.trim()))
    errors.auctionId = { key: 'errors.auctionExists' };
  const vintage = whole('vintage', 1900, 9999);
  if (!isCalendarDay(form.auctionDate.trim())) errors.auctionDate = { key: 'errors.date' };
  const lotSize = whole('lotSize', 1);
  const supply = whole('supply', 1);
  if (supply !== undefined && lotSize !== undefined && !errors.supply && !errors.lotSize) {
    const available = vintage === undefined ? undefined : known.unlockedInAuctionAccount?.(vintage);
    if (supply % lotSize !== 0) errors.supply = { key: 'errors.offLot', params: { lot: lotSize } };
    else if (available !== undefined && supply > available)
      errors.supply = { key: 'errors.auctionAccountShort', params: { available } };
  }
  const reservePriceFen = parseYuanToFen(form.reservePrice);
  if (reservePriceFen === undefined) errors.reservePrice = { key: 'errors.yuan' };
  let maxBidderShareBp: number | undefined;
  if (form.maxBidderSharePct.trim() !== '') {
    maxBidderShareBp = percentToBp(form.maxBidderSharePct);
    if (maxBidderShareBp === undefined || maxBidderShareBp < 1 || maxBidderShareBp > 10_000)
      errors.maxBidderSharePct = { key: 'errors.sharePct' };
  }
  const seed = /^-?\d{1,15}$/.test(form.seed.trim()) ? Number(form.seed.trim()) : undefined;
  if (seed === undefined) errors.seed = { key: 'errors.integer' };

  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    body: {
      auctionId: form.auctionId.trim(),
      kind: 'CARBON_ALLOWANCE',
      vintage: vintage!,
      auctionDate: form.auctionDate.trim(),
      supply: supply!,
      lotSize: lotSize!,
      reservePriceFen: reservePriceFen!,
      ...(maxBidderShareBp !== undefined ? { maxBidderShareBp } : {}),
      undersubscribed: form.undersubscribed,
      tieBreak: { kind: 'seeded-random', seed: seed! },
    },
  };
}

/** "2025-06-15" and a day that exists (the registry reads the year; a 31 February is a typo). */
export function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `CQ-20250615-A1`, or the next number free on that day. */
export function nextAuctionId(jurisdiction: string, day: string, existingIds: readonly string[]): string {
  for (let n = 1; ; n++) {
    const id = `${jurisdiction}-${day.replaceAll('-', '')}-A${n}`;
    if (!existingIds.includes(id)) return id;
  }
}
