import { ArgumentMetadata, BadRequestException, PipeTransform } from '@nestjs/common';

/** No request body of this API nests deeper than a few levels; 32 leaves ample room. */
export const MAX_BODY_DEPTH = 32;

/**
 * Names every plain JS object already answers (`{}['valueOf']` is a function): state kept in
 * plain objects keyed by an id from the request would take them for existing entries (GET
 * /registries/CQ/accounts/valueOf was a 500), and `__proto__` as a key rewrites the prototype.
 */
const RESERVED_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Input no validator handles safely, refused with a 400 naming the field before any of them runs:
 * - a body nested deeper than `maxDepth`: class-transformer walks a body recursively, so
 *   `[[[[…]]]]` thousands deep overflowed the stack (a 500);
 * - a NUL character in any text (path, query, body): PostgreSQL text cannot hold it (a 500);
 * - a text equal to a name of `Object.prototype` (`constructor`, `valueOf`, `__proto__`…).
 * Runs on path parameters, queries, bodies, and custom parameter decorators that hand over the raw
 * body. Only plain objects and arrays are walked, iteratively and each once, so neither a deep
 * body nor a class instance with cycles can trap it.
 */
export class InputSafetyPipe implements PipeTransform {
  constructor(private readonly maxDepth = MAX_BODY_DEPTH) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (!['body', 'custom', 'param', 'query'].includes(metadata.type)) return value;
    const seen = new Set<object>();
    const pending: [unknown, number, string][] = [[value, 1, metadata.data ?? metadata.type]];
    while (pending.length) {
      const [node, depth, field] = pending.pop()!;
      if (typeof node === 'string') {
        checkText(node, field);
        continue;
      }
      if (!isPlainJson(node) || seen.has(node)) continue;
      seen.add(node);
      if (depth > this.maxDepth)
        throw new BadRequestException(
          `the ${metadata.type === 'query' ? 'query' : 'body'} is nested deeper than ${this.maxDepth} levels`,
        );
      for (const [key, child] of Object.entries(node)) pending.push([child, depth + 1, key]);
    }
    return value;
  }
}

function checkText(text: string, field: string): void {
  if (text.includes('\u0000')) throw new BadRequestException(`${field} must not contain a NUL character`);
  if (RESERVED_NAMES.has(text))
    throw new BadRequestException(`${field} must not be the reserved name "${text}"`);
}

function isPlainJson(node: unknown): node is object {
  if (node === null || typeof node !== 'object') return false;
  const proto = Object.getPrototypeOf(node) as unknown;
  return Array.isArray(node) || proto === Object.prototype || proto === null;
}
