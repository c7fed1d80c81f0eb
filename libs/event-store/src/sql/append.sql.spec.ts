import { EVENT_STORE_ERRORS } from '../errors';
import { POSITIONS_PER_ROW } from '../schema/packed-events.migration';
import { buildAppendStatement } from './append.sql';

const events = [
  { type: 'UnitsIssued', data: { qty: 5 }, metadata: { commandId: 'c1' } },
  { type: 'UnitsRetired', data: undefined },
];

describe('buildAppendStatement', () => {
  it('inserts the whole batch as one packed row with one statement and one jsonb parameter', () => {
    const { sql, params } = buildAppendStatement('s-1', 'any', events, false);
    expect(sql.match(/INSERT INTO event_rows/g)).toHaveLength(1);
    expect(params).toEqual([
      's-1',
      2,
      JSON.stringify([
        [
          { type: 'UnitsIssued', data: { qty: 5 }, metadata: { commandId: 'c1' } },
          { type: 'UnitsRetired', data: null, metadata: {} },
        ],
      ]),
    ]);
    expect(sql).not.toContain('pg_notify');
  });

  it('cuts a long batch into rows of at most POSITIONS_PER_ROW events', () => {
    const many = Array.from({ length: POSITIONS_PER_ROW * 2 + 1 }, (_, i) => ({ type: 'E', data: { i } }));
    const rows = JSON.parse(buildAppendStatement('s', 'any', many, false).params[2] as string) as unknown[][];
    expect(rows.map((r) => r.length)).toEqual([POSITIONS_PER_ROW, POSITIONS_PER_ROW, 1]);
  });

  it('claims the stream by expected version', () => {
    expect(buildAppendStatement('s', 'no-stream', events, false).sql).toContain(
      'ON CONFLICT (stream_id) DO NOTHING',
    );
    expect(buildAppendStatement('s', 0, events, false).sql).toContain('ON CONFLICT (stream_id) DO NOTHING');
    const exact = buildAppendStatement('s', 7, events, false);
    expect(exact.sql).toContain('AND version = $4::int');
    expect(exact.params[3]).toBe(7);
    expect(buildAppendStatement('s', 'any', events, false).sql).toContain(
      'DO UPDATE SET version = s.version + $2::int',
    );
  });

  it('notifies only when asked, and only if the claim succeeded', () => {
    expect(buildAppendStatement('s', 'any', events, true).sql).toMatch(
      /SELECT pg_notify\('event_store_appended', ''\) FROM s/,
    );
  });

  it.each([-1, 1.5, Number.NaN])('rejects expected version %p', (expected) => {
    expect(() => buildAppendStatement('s', expected, events, false)).toThrow(
      expect.objectContaining({ code: EVENT_STORE_ERRORS.INVALID_ARGUMENT }),
    );
  });

  it('rejects an empty stream id', () => {
    expect(() => buildAppendStatement('', 'any', events, false)).toThrow(
      expect.objectContaining({ code: EVENT_STORE_ERRORS.INVALID_ARGUMENT }),
    );
  });
});
