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
  [key: string]: JsonValue | undefined;
}

const storage = new AsyncLocalStorage<AuditContext>();

/** Sets the context for the rest of the current request's asynchronous work. */
export const enterAuditContext = (context: AuditContext): void => storage.enterWith(context);

export const runWithAuditContext = <T>(context: AuditContext, work: () => T): T => storage.run(context, work);

export const currentAuditContext = (): AuditContext | undefined => storage.getStore();
