import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonlProcessor } from './jsonl-processor';

function run(lines: string[]): string[] {
  const p = new JsonlProcessor();
  for (const line of lines) p.processLine(line);
  return p
    .take()
    .split('\n')
    .filter((l) => l !== '');
}

const SPEC_EXAMPLE = [
  '{"type":"config","instrument":"CQEA","referencePrice":5000,"bandBp":1000,"tick":1,"lot":1}',
  '{"type":"limit","id":"o1","account":"a1","side":"buy","price":5012,"qty":100}',
  '{"type":"limit","id":"o2","account":"a2","side":"sell","price":5010,"qty":40,"tif":"IOC"}',
  '{"type":"market","id":"o3","account":"a3","side":"sell","qty":50}',
  '{"type":"amend","id":"o1","price":5011,"qty":80}',
  '{"type":"cancel","id":"o1"}',
];

describe('engine-jsonl CLI protocol', () => {
  it('runs the spec commands on the default book (config only touched CQEA)', () => {
    expect(run(SPEC_EXAMPLE)).toEqual([
      '{"type":"accepted","id":"o1"}',
      '{"type":"accepted","id":"o2"}',
      '{"type":"trade","taker":"o2","maker":"o1","price":5012,"qty":40}',
      '{"type":"accepted","id":"o3"}',
      '{"type":"trade","taker":"o3","maker":"o1","price":5012,"qty":50}',
      '{"type":"amended","id":"o1","price":5011,"qty":80}',
      '{"type":"cancelled","id":"o1","qty":80,"reason":"user"}',
    ]);
  });

  it('routes by instrument, applies that book config and echoes instrument', () => {
    const withInstrument = SPEC_EXAMPLE.map((l, i) =>
      i === 0 ? l : l.replace('{', '{"instrument":"CQEA",'),
    );
    const out = run([
      ...withInstrument,
      '{"instrument":"CQEA","type":"limit","id":"o9","side":"buy","price":5501,"qty":1}',
    ]);
    expect(out[0]).toBe('{"type":"accepted","id":"o1","instrument":"CQEA"}');
    expect(out.at(-1)).toBe('{"type":"rejected","id":"o9","reason":"outside-band","instrument":"CQEA"}');
    expect(run(['{"type":"limit","id":"o9","side":"buy","price":5501,"qty":1}'])).toEqual([
      '{"type":"accepted","id":"o9"}',
    ]);
  });

  it('keeps books independent (same id in two instruments)', () => {
    expect(
      run([
        '{"type":"limit","id":"x","side":"buy","price":10,"qty":1,"instrument":"A"}',
        '{"type":"limit","id":"x","side":"sell","price":10,"qty":1,"instrument":"B"}',
      ]),
    ).toEqual([
      '{"type":"accepted","id":"x","instrument":"A"}',
      '{"type":"accepted","id":"x","instrument":"B"}',
    ]);
  });

  it('rejects lines that are not JSON objects with their 1-based line number', () => {
    expect(run(['{"type":"cancel","id":"z"}', 'not json', '', '[1]'])).toEqual([
      '{"type":"rejected","id":"z","reason":"unknown-order"}',
      '{"type":"rejected","line":2,"reason":"bad-command"}',
      '{"type":"rejected","line":3,"reason":"bad-command"}',
      '{"type":"rejected","line":4,"reason":"bad-command"}',
    ]);
  });

  it('maps reasons: bad-command, duplicate-id, bad-price, bad-qty, stp, fok, post-only', () => {
    expect(
      run([
        '{"type":"limit","id":"s","account":"me","side":"sell","price":10,"qty":5}',
        '{"type":"limit","id":"s","side":"buy","price":10,"qty":5}',
        '{"type":"limit","id":"q","side":"buy","price":10.5,"qty":5}',
        '{"type":"limit","id":"q","side":"buy","price":10,"qty":0}',
        '{"type":"limit","id":"q","side":"buy","price":10,"qty":5,"tif":"XYZ"}',
        '{"type":"limit","id":"q","account":"me","side":"buy","price":10,"qty":5}',
        '{"type":"limit","id":"f","side":"buy","price":10,"qty":6,"tif":"FOK"}',
        '{"type":"limit","id":"p","side":"buy","price":10,"qty":1,"postOnly":true}',
      ]),
    ).toEqual([
      '{"type":"accepted","id":"s"}',
      '{"type":"rejected","id":"s","reason":"duplicate-id"}',
      '{"type":"rejected","id":"q","reason":"bad-price"}',
      '{"type":"rejected","id":"q","reason":"bad-qty"}',
      '{"type":"rejected","id":"q","reason":"bad-command"}',
      '{"type":"accepted","id":"q"}',
      '{"type":"cancelled","id":"q","qty":5,"reason":"stp"}',
      '{"type":"accepted","id":"f"}',
      '{"type":"cancelled","id":"f","qty":6,"reason":"fok"}',
      '{"type":"rejected","id":"p","reason":"post-only-would-trade"}',
    ]);
  });

  it('prints an auction self-trade as a plain spec trade (the selfTrade flag stays inside the engine)', () => {
    const out = run([
      '{"type":"session","session":"closing-auction"}',
      '{"type":"limit","id":"b","account":"same","side":"buy","price":10,"qty":3}',
      '{"type":"limit","id":"s","account":"same","side":"sell","price":10,"qty":3}',
      '{"type":"session","session":"closed"}',
    ]);
    expect(out).toContain('{"type":"trade","taker":"b","maker":"s","price":10,"qty":3}');
    expect(out.join('\n')).not.toContain('selfTrade');
  });

  describe('the CLI process', () => {
    const root = join(__dirname, '../../../..');
    let outDir = '';
    beforeAll(() => {
      // Compiles the CLI and the engine (swc, < 1 s) so this test never depends on a stale dist/.
      outDir = mkdtempSync(join(tmpdir(), 'engine-cli-'));
      execFileSync(
        join(root, 'node_modules/.bin/swc'),
        ['apps/exchange/src/engine-cli', 'libs/matching/src', '-d', outDir, '--quiet'],
        { cwd: root },
      );
    });
    afterAll(() => rmSync(outDir, { recursive: true, force: true }));

    it('streams stdin to stdout, numbering bad lines (CRLF and a last line without newline too)', () => {
      const main = join(outDir, 'apps/exchange/src/engine-cli/main.js');
      const input = SPEC_EXAMPLE.join('\r\n') + '\nnope\n{"type":"cancel","id":"o2"}';
      const lines = execFileSync('node', [main], { input }).toString().trim().split('\n');
      expect(lines[2]).toBe('{"type":"trade","taker":"o2","maker":"o1","price":5012,"qty":40}');
      expect(lines.slice(-2)).toEqual([
        '{"type":"rejected","line":7,"reason":"bad-command"}',
        '{"type":"rejected","id":"o2","reason":"unknown-order"}',
      ]);
    });
  });
});
