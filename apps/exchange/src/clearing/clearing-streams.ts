import type { ClearingEvent } from '@app/clearing';

/** Member-initiated changes (registration, cash, units, reservations) go to the member's stream. */
export const memberStreamId = (member: string): string => `member-${member}`;
/** What the book's single writer settles and releases goes to the instrument's clearing stream. */
export const clearingStreamId = (instrument: string): string => `clearing-${instrument}`;

export const CLEARING_EVENT_TYPES: readonly ClearingEvent['type'][] = [
  'MemberRegistered',
  'CashDeposited',
  'CashWithdrawn',
  'UnitsDeposited',
  'OrderReserved',
  'ReservationIncreased',
  'ReservationReleased',
  'TradeSettled',
];
