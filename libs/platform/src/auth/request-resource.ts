import type { Resource } from '@app/domain';
import type { FieldRef, RouteAccess } from './route-access';

export interface RequestParts {
  params?: Record<string, unknown>;
  body?: unknown;
  query?: Record<string, unknown>;
}

/** The values a field reference names in a request; `a.*.b` walks arrays (a batch's orders). */
export function valuesAt(request: RequestParts, ref: FieldRef): string[] {
  const [source, path] = ref.split(':', 2) as ['param' | 'body' | 'query', string];
  const root = source === 'param' ? request.params : source === 'query' ? request.query : request.body;
  let values: unknown[] = [root];
  for (const key of path.split('.')) {
    values = values.flatMap((v) => {
      if (key === '*') return Array.isArray(v) ? v : [];
      return typeof v === 'object' && v !== null && Object.hasOwn(v, key)
        ? [(v as Record<string, unknown>)[key]]
        : [];
    });
  }
  return values.filter((v): v is string => typeof v === 'string' && v.length > 0);
}

/** The resources a request touches, read where its route declares: one per province it names (all must pass). */
export function resourcesOf(access: RouteAccess, request: RequestParts): Resource[] {
  const jurisdictions = [
    ...new Set((access.jurisdiction ?? []).flatMap((ref) => valuesAt(request, ref).map(provinceNamed))),
  ];
  const owners = (access.owners ?? []).flatMap((ref) => valuesAt(request, ref));
  const base = { owners, ownersMatch: access.ownersMatch };
  return jurisdictions.length === 0
    ? [base]
    : jurisdictions.map((jurisdiction) => ({ ...base, jurisdiction }));
}

/** A province, or a regulator named by its province (`CQ-EEB` → `CQ`); other values as they are. */
const provinceNamed = (value: string): string => /^(CQ|SC)-/i.exec(value)?.[1] ?? value;
