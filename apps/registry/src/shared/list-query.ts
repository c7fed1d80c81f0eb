import { REGISTRY_JURISDICTIONS, type RegistryJurisdiction } from './registry-jurisdiction';

/** A list route's `status` (default `pending`) and optional `registry` query values, checked. */
export interface ListQuery<F extends string> {
  filter: F;
  registry?: RegistryJurisdiction;
}

/**
 * Checks a list route's `status` against its filters and `registry` against the registries kept;
 * a bad one is refused by `refuse` (each route's own error type), naming the field.
 */
export function parseListQuery<F extends string>(
  query: { status?: string; registry?: string },
  filters: readonly F[],
  refuse: (message: string, field: 'status' | 'registry') => Error,
): ListQuery<F> {
  const filter = (query.status ?? 'pending') as F;
  if (!filters.includes(filter)) throw refuse(`status must be one of ${filters.join(', ')}`, 'status');
  const { registry } = query;
  if (registry === undefined) return { filter };
  if (!(REGISTRY_JURISDICTIONS as readonly string[]).includes(registry))
    throw refuse(`registry must be ${REGISTRY_JURISDICTIONS.join(' or ')}`, 'registry');
  return { filter, registry: registry as RegistryJurisdiction };
}
