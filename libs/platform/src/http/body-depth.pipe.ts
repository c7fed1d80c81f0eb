import { ArgumentMetadata, BadRequestException, PipeTransform } from '@nestjs/common';

/** No request body of this API nests deeper than a few levels; 32 leaves ample room. */
export const MAX_BODY_DEPTH = 32;

/**
 * Refuses a JSON body nested deeper than `maxDepth` (400) before any validator sees it:
 * class-transformer walks a body recursively, so `[[[[…]]]]` thousands deep overflowed the stack
 * (a 500). Also runs on custom parameter decorators (`metadata.type === 'custom'`), which routes
 * use to read the raw body. Only plain objects and arrays are walked, iteratively and each once,
 * so neither a deep body nor a class instance with cycles can trap it.
 */
export class BodyDepthPipe implements PipeTransform {
  constructor(private readonly maxDepth = MAX_BODY_DEPTH) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'custom') return value;
    const seen = new Set<object>();
    const pending: [unknown, number][] = [[value, 1]];
    while (pending.length) {
      const [node, depth] = pending.pop()!;
      if (!isPlainJson(node) || seen.has(node)) continue;
      seen.add(node);
      if (depth > this.maxDepth)
        throw new BadRequestException(`the body is nested deeper than ${this.maxDepth} levels`);
      for (const child of Object.values(node)) pending.push([child, depth + 1]);
    }
    return value;
  }
}

function isPlainJson(node: unknown): node is object {
  if (node === null || typeof node !== 'object') return false;
  const proto = Object.getPrototypeOf(node) as unknown;
  return Array.isArray(node) || proto === Object.prototype || proto === null;
}
