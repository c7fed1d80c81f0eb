import type { Jurisdiction } from '@app/domain';
import { REGISTRY_ERRORS, RegistryError } from './registry-errors';

/** The provincial registries this service keeps, one event stream each. */
export const REGISTRY_JURISDICTIONS = ['CQ', 'SC'] as const;
export type RegistryJurisdiction = (typeof REGISTRY_JURISDICTIONS)[number] & Jurisdiction;

export const registryStreamId = (jurisdiction: RegistryJurisdiction): string => `registry-${jurisdiction}`;

export function parseRegistryJurisdiction(value: string): RegistryJurisdiction {
  const upper = value.toUpperCase();
  if ((REGISTRY_JURISDICTIONS as readonly string[]).includes(upper)) return upper as RegistryJurisdiction;
  throw new RegistryError(REGISTRY_ERRORS.UNKNOWN_JURISDICTION, `no registry for jurisdiction ${value}`, {
    field: 'jurisdiction',
  });
}
