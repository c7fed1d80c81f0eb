import { InstrumentCatalogue } from './instrument-catalogue';
import { openSessionsAt } from './trading-hours';

describe('trading hours (national defaults, Beijing time)', () => {
  const hours = InstrumentCatalogue.load('seeds').get('CQEA-2025')!.hours;
  const at = (iso: string) => Date.parse(iso);

  it.each([
    ['2026-11-24T09:29:00+08:00', []],
    ['2026-11-24T09:30:00+08:00', ['continuous']],
    ['2026-11-24T11:29:00+08:00', ['continuous']],
    ['2026-11-24T11:30:00+08:00', []],
    ['2026-11-24T13:00:00+08:00', ['continuous', 'block']],
    ['2026-11-24T14:59:00+08:00', ['continuous', 'block']],
    ['2026-11-24T15:00:00+08:00', []],
    ['2026-11-28T10:00:00+08:00', []], // Saturday
    ['2026-11-24T02:00:00Z', ['continuous']], // 10:00 in Beijing
  ])('at %s the open sessions are %j', (iso, expected) => {
    expect(openSessionsAt(hours, at(iso))).toEqual(expected);
  });
});
