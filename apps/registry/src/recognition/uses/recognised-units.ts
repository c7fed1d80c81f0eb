import { mulDiv } from '@app/domain';
import { journalEvents, type LedgerState } from '@app/ledger';
import {
  RecognitionError,
  type CrossUse,
  type RecognitionState,
  type SagaState,
  type SerialRange,
} from '@app/recognition';

/** A completed saga's recognised units in `destination` covering the whole of `range`, if any. */
export function recognitionCovering(
  state: RecognitionState,
  destination: string,
  range: SerialRange,
): SagaState {
  const saga = Object.values(state.sagas).find(
    (s) =>
      s.status === 'completed' &&
      s.request.destination === destination &&
      s.destinationRange !== undefined &&
      s.destinationRange.start <= range.start &&
      range.end <= s.destinationRange.end,
  );
  if (!saga)
    throw new RecognitionError(
      'RECOGNITION.NOT_RECOGNISED',
      `serials ${range.start}..${range.end} are not recognised units of one completed request in ${destination}`,
      { field: 'serialStart' },
    );
  return saga;
}

const overlap = (a: SerialRange, b: SerialRange): number =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start) + 1);

/** The saga whose recognised units in `destination` any of `ranges` touches, if one does. */
export function recognitionTouching(
  state: RecognitionState,
  destination: string,
  ranges: readonly SerialRange[],
): SagaState | undefined {
  return Object.values(state.sagas).find(
    (s) =>
      s.request.destination === destination &&
      s.destinationRange !== undefined &&
      ranges.some((r) => overlap(r, s.destinationRange!) > 0),
  );
}

/**
 * Recognised units surrendered or retired in their destination, in origin units (÷ the conversion), by year of
 * use: a surrender's compliance year; a retirement counts in the year of its recognition request (the ledger
 * records no date of its own).
 */
export function crossUses(
  state: RecognitionState,
  ledgers: Readonly<Record<string, LedgerState>>,
): CrossUse[] {
  const uses: CrossUse[] = [];
  for (const saga of Object.values(state.sagas)) {
    const range = saga.destinationRange;
    if (saga.status !== 'completed' || !range) continue;
    const ledger = ledgers[saga.request.destination];
    if (!ledger) continue;
    for (const e of journalEvents(ledger)) {
      if (e.type !== 'UnitsSurrendered' && e.type !== 'UnitsRetired') continue;
      const used = e.ranges.reduce((n, r) => n + overlap(r, range), 0);
      if (used === 0) continue;
      uses.push({
        origin: saga.request.origin,
        usedIn: saga.request.destination,
        year: e.type === 'UnitsSurrendered' ? e.complianceYear : saga.request.year,
        quantity: mulDiv(used, saga.originQuantity, saga.destinationQuantity, 'floor'),
      });
    }
  }
  return uses;
}

/** Recognised (other-province) units `accountId` surrendered in this registry for `year`. */
export function recognisedSurrendered(
  state: RecognitionState,
  destination: string,
  ledger: LedgerState,
  accountId: string,
  year: number,
): number {
  const ranges = Object.values(state.sagas)
    .filter((s) => s.status === 'completed' && s.request.destination === destination && s.destinationRange)
    .map((s) => s.destinationRange!);
  let n = 0;
  for (const e of journalEvents(ledger))
    if (e.type === 'UnitsSurrendered' && e.from === accountId && e.complianceYear === year)
      for (const r of e.ranges) for (const range of ranges) n += overlap(r, range);
  return n;
}
