import { barStart } from './bar-intervals';

describe('bar buckets', () => {
  const at = (iso: string) => Date.parse(iso);

  it.each([
    ['1m', '2026-11-24T09:31:59.999+08:00', '2026-11-24T09:31:00+08:00'],
    ['5m', '2026-11-24T09:34:59+08:00', '2026-11-24T09:30:00+08:00'],
    ['5m', '2026-11-24T09:35:00+08:00', '2026-11-24T09:35:00+08:00'],
    ['1h', '2026-11-24T14:59:59+08:00', '2026-11-24T14:00:00+08:00'],
    // A trading day is the Beijing calendar day, not the UTC one.
    ['1d', '2026-11-24T00:30:00+08:00', '2026-11-24T00:00:00+08:00'],
    ['1d', '2026-11-24T23:59:00+08:00', '2026-11-24T00:00:00+08:00'],
  ] as const)('a %s bar holding %s starts at %s', (interval, time, start) => {
    expect(barStart(interval, at(time))).toBe(at(start));
  });
});
