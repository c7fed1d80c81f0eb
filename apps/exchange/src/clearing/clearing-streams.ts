import type { ClearingEvent } from '@app/clearing';

/** Changes a member asks for on its accounts (registration, cash, units) go to the member's stream. */
export const memberStreamId = (member: string): string => `member-${member}`;
/**
 * Reservations of one order-entry transaction (an order, a batch, an amendment, a block report)
 * go to a stream of their own, named by its first order or command: one append per transaction
 * and no stream row shared between members or batches, so hot members never queue on it.
 */
export const reservationStreamId = (key: string): string => `reservations-${key}`;
/** What the book's single writer settles and releases goes to the instrument's clearing stream. */
export const clearingStreamId = (instrument: string): string => `clearing-${instrument}`;

export const CLEARING_EVENT_TYPES: readonly ClearingEvent['type'][] = [
  'MemberRegistered',
  'CashDeposited',
  'CashWithdrawn',
  'UnitsDeposited',
  'UnitsWithdrawn',
  'UnitsWithdrawalRefused',
  'OrderReserved',
  'ReservationIncreased',
  'ReservationReleased',
  'TradeSettled',
];
