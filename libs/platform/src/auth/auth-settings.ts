import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../config/app-config';

export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');
export const ORDER_OWNERS = Symbol('ORDER_OWNERS');
export const RECORD_PARTIES = Symbol('RECORD_PARTIES');

export interface AuthSettings {
  secret: string;
  ttlSeconds: number;
  enforce: boolean;
  rateLimit: number;
  rateWindowMs: number;
}

/** Who owns an order (its account), when the order is known; provided by the gateway. */
export interface OrderOwners {
  accountOf(orderId: string): Promise<string | undefined>;
}

/** A registry record naming holders: a cross-province transfer, a recognition request, a serial's history. */
export type RecordKind = 'cross-province-transfer' | 'recognition-request' | 'serial';

/** Who a record concerns: its origin province (the seller's), the other one, and the accounts it names. */
export interface Parties {
  readonly origin: string;
  readonly destination?: string;
  readonly owners: readonly string[];
}

/** Looks a record's parties up, when the record is known; provided by the registry. */
export interface RecordParties {
  partiesOf(kind: RecordKind, id: string): Promise<Parties | undefined>;
}

export class MissingSecretError extends Error {
  readonly code = 'CONFIG.INVALID';
}

/**
 * JWT_SECRET of the config, or of the process environment when the config was built by hand (tests
 * and embedders pass explicit variables); undefined when neither has one of at least 32 characters.
 */
export function configuredSecret(config: AppConfig): string | undefined {
  const secret = config.JWT_SECRET ?? process.env.JWT_SECRET;
  return secret !== undefined && secret.length >= 32 ? secret : undefined;
}

/**
 * The secret queue messages are signed under: QUEUE_SECRET where one is configured, else the token
 * secret (JWT_SECRET); undefined without either (then nothing is signed). Read from the process
 * environment too, as {@link configuredSecret}.
 */
export function queueSecret(config: AppConfig): string | undefined {
  const own = config.QUEUE_SECRET ?? process.env.QUEUE_SECRET;
  return own !== undefined && own.length >= 32 ? own : configuredSecret(config);
}

/**
 * The token secret comes from JWT_SECRET. Without it a service enforcing access refuses to start;
 * otherwise (enforcement off) a random secret lives as long as the process.
 */
export function authSettingsOf(config: AppConfig): AuthSettings {
  const enforce = config.AUTH_ENFORCE === 'on';
  const secret = configuredSecret(config);
  if (!secret && enforce)
    throw new MissingSecretError('Invalid configuration:\n  JWT_SECRET: required when AUTH_ENFORCE=on');
  return {
    secret: secret ?? randomBytes(32).toString('base64url'),
    ttlSeconds: config.JWT_TTL_SECONDS,
    enforce,
    rateLimit: config.RATE_LIMIT,
    rateWindowMs: config.RATE_LIMIT_WINDOW_MS,
  };
}
