import { DEFAULT_INSTRUMENT, MatchingEngine } from '@app/matching';
import { JsonlSink } from './jsonl-sink';

/**
 * The engine-jsonl protocol, one line at a time: parse, route by `instrument`, handle `config`,
 * and collect output lines. Pure apart from the string buffer; `main.ts` does the I/O.
 */
export class JsonlProcessor {
  private readonly engine = new MatchingEngine();
  private readonly sink = new JsonlSink();
  private lineNo = 0;

  processLine(line: string): void {
    const n = ++this.lineNo;
    let command: unknown;
    try {
      command = JSON.parse(line);
    } catch {
      this.sink.rejectedLine(n);
      return;
    }
    if (command === null || typeof command !== 'object' || Array.isArray(command)) {
      this.sink.rejectedLine(n);
      return;
    }
    const c = command as Record<string, unknown>;
    const instrument = c.instrument;
    if (instrument !== undefined && typeof instrument !== 'string') {
      this.sink.setInstrument(undefined);
      this.engine.book().rejectCommand(typeof c.id === 'string' ? c.id : '', this.sink);
      return;
    }
    this.sink.setInstrument(instrument);
    if (c.type === 'config') this.configure(c, instrument);
    else this.engine.dispatch(c, this.sink);
  }

  /** Output produced since the last call. */
  take(): string {
    const out = this.sink.out;
    this.sink.out = '';
    return out;
  }

  pendingLength(): number {
    return this.sink.out.length;
  }

  private configure(c: Record<string, unknown>, instrument: string | undefined): void {
    const ok = this.engine.configure({
      instrument: instrument ?? DEFAULT_INSTRUMENT,
      tick: c.tick as number | undefined,
      lot: c.lot as number | undefined,
      minQty: c.minQty as number | undefined,
      maxQty: c.maxQty as number | undefined,
      referencePrice: c.referencePrice as number | undefined,
      bandBp: c.bandBp as number | undefined,
      blockBandBp: c.blockBandBp as number | undefined,
      blockMinQty: c.blockMinQty as number | undefined,
    });
    if (!ok) this.engine.book(instrument ?? DEFAULT_INSTRUMENT).rejectCommand('', this.sink);
  }
}
