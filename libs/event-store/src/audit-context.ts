import { AsyncLocalStorage } from 'node:async_hooks';
import type { JsonValue } from './types';

/**
 * Who caused the work in progress, set by the HTTP edge once credentials are checked. Every event
 * appended while it is set carries it in `metadata.audit` (actor, role, province, origin, time).
 */
export interface AuditContext {
  actor: string;
  role: string;
  /** The province the request concerned (or the regulator's own), for the regulators' audit view. */
  jurisdiction?: string;
  ip?: string;
  apiKeyId?: string;
  route: string;
  at: string;
  /** The principal as its credentials carry it (`@app/domain` Principal), for handlers to check again. */
  principal?: { [key: string]: JsonValue };
  [key: string]: JsonValue | undefined;
}

/** One slot per request, opened by the HTTP edge before any handler runs and filled once credentials are checked. */
const storage = new AsyncLocalStorage<{ context?: AuditContext }>();

/** Runs `work` (the rest of a request's pipeline) with an empty audit slot of its own. */
export const withAuditScope = <T>(work: () => T): T => storage.run({}, work);

/** Fills the current request's slot; outside a scope it does nothing. */
export const setAuditContext = (context: AuditContext): void => {
  const slot = storage.getStore();
  if (slot) slot.context = context;
};

export const runWithAuditContext = <T>(context: AuditContext, work: () => T): T =>
  storage.run({ context }, work);

export const currentAuditContext = (): AuditContext | undefined => storage.getStore()?.context;
