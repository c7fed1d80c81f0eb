import type { TradingHours } from '@app/platform';
import { latestSessionBoundary, sessionPath } from './session-boundary';

const NATIONAL: TradingHours = {
  timezone: 'Asia/Shanghai',
  continuous: [
    ['09:30', '11:30'],
    ['13:00', '15:00'],
  ],
  block: [['13:00', '15:00']],
};
/** Shanghai is UTC+8 all year. */
const shanghai = (isoLocal: string) => Date.parse(`${isoLocal}+08:00`);

describe('latestSessionBoundary (national hours, Asia/Shanghai)', () => {
  it.each([
    ['2026-11-24T09:29', { tradingDay: '2026-11-23', at: '15:00', session: 'closed', closesDay: true }],
    ['2026-11-24T09:30', { tradingDay: '2026-11-24', at: '09:30', session: 'continuous', closesDay: false }],
    ['2026-11-24T11:30', { tradingDay: '2026-11-24', at: '11:30', session: 'closed', closesDay: false }],
    ['2026-11-24T12:59', { tradingDay: '2026-11-24', at: '11:30', session: 'closed', closesDay: false }],
    ['2026-11-24T13:00', { tradingDay: '2026-11-24', at: '13:00', session: 'continuous', closesDay: false }],
    ['2026-11-24T15:00', { tradingDay: '2026-11-24', at: '15:00', session: 'closed', closesDay: true }],
    ['2026-11-24T23:59', { tradingDay: '2026-11-24', at: '15:00', session: 'closed', closesDay: true }],
  ])('on Tuesday at %s local it is %j', (local, boundary) => {
    expect(latestSessionBoundary(NATIONAL, shanghai(local))).toEqual(boundary);
  });

  it('over the weekend and on Monday before the open, the last boundary is Friday’s close', () => {
    const fridayClose = { tradingDay: '2026-11-27', at: '15:00', session: 'closed', closesDay: true };
    expect(latestSessionBoundary(NATIONAL, shanghai('2026-11-28T10:00'))).toEqual(fridayClose);
    expect(latestSessionBoundary(NATIONAL, shanghai('2026-11-30T09:00'))).toEqual(fridayClose);
  });

  it('hours without a continuous window have no boundary', () => {
    expect(
      latestSessionBoundary({ ...NATIONAL, continuous: [] }, shanghai('2026-11-24T10:00')),
    ).toBeUndefined();
  });
});

describe('sessionPath', () => {
  it('opens a closed or halted book through pre-open, closes any open one directly', () => {
    expect(sessionPath('closed', 'continuous')).toEqual(['pre-open', 'continuous']);
    expect(sessionPath('halted', 'continuous')).toEqual(['pre-open', 'continuous']);
    expect(sessionPath('pre-open', 'continuous')).toEqual(['continuous']);
    expect(sessionPath('continuous', 'closed')).toEqual(['closed']);
    expect(sessionPath('closed', 'closed')).toEqual([]);
    expect(sessionPath('continuous', 'continuous')).toEqual([]);
  });
});
