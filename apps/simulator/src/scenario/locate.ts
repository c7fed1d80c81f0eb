import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type Document } from 'yaml';

export type PathSegment = string | number;

/** A parsed scenario text with the means to map a field path to its line. */
export interface SourceDoc {
  readonly doc: Document;
  readonly lines: LineCounter;
}

export function parseSource(text: string): SourceDoc {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  return { doc, lines };
}

/** The 1-based line of the deepest node on `path` (the key itself for the last segment when present). */
export function lineOf(source: SourceDoc, path: readonly PathSegment[]): number {
  let node: unknown = source.doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else break;
  }
  return source.lines.linePos(offset).line;
}

function rangeStart(node: unknown): number | undefined {
  const r = (node as Node | null)?.range;
  return r ? r[0] : undefined;
}

/** Dotted field name: enterprises[0].emissions.2025 */
export function fieldName(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out === '' ? '(root)' : out;
}
