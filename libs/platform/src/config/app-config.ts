import { z } from 'zod';

/**
 * Everything the services read from the environment, validated once at boot (STYLE.md §9).
 * Absent DATABASE_URL / REDIS_URL select the embedded backends (PGlite, in-process queues).
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * `on`: a parameterised statement run again on a connection is prepared there (parsed once per
   * connection); `off` for a transaction-pooling proxy (PgBouncer before 1.21), which cannot keep them.
   */
  DATABASE_PREPARED_STATEMENTS: z.enum(['on', 'off']).default('on'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  QUEUE_PREFIX: z.string().min(1).default('cce'),
  /**
   * Gateway only: the registry service's base URL (e.g. `http://registry:3002`). Set, the gateway
   * forwards the registry's routes to it, so the console and clients reach every route through one
   * origin; unset (the sandbox, or a proxy in front), it serves only its own.
   */
  REGISTRY_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+\/?$/, 'must be an http(s):// base URL without a path')
    .optional(),
  EXCHANGE_SHARDS: z.coerce.number().int().min(1).max(256).default(4),
  /** A book's snapshot is saved once this many events were appended since the last one. */
  EXCHANGE_SNAPSHOT_EVERY: z.coerce.number().int().min(1).max(10_000_000).default(10_000),
  /** How often an exchange worker looks for shards without an owner (or gives up extra ones). */
  EXCHANGE_SHARD_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** `always-open`: books trade continuously at any hour (demo); `scheduled`: the catalogue's hours. */
  EXCHANGE_SESSIONS: z.enum(['always-open', 'scheduled']).default('always-open'),
  /**
   * How often the registry runs its sweeps (cross-province transfers past their approval window, recognition
   * sagas past their timeout); one process at a time across all registries. 0 turns the schedule off.
   */
  REGISTRY_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(30_000),
  /** Where simulator runs live (one folder per run), for the research screens. */
  RUNS_DIR: z.string().min(1).default('runs'),
  /** Sandbox only: `trading` seeds demo users and the joint market (#6) and runs noise traders, `accounts` only seeds the users, `off` neither. */
  DEMO: z.enum(['off', 'accounts', 'trading']).default('trading'),
  /** HMAC key of the access tokens (HS256). Services refuse to start without it; the sandbox makes one per run. */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * Key queue messages are signed with (a key is derived from it), when it should not be the token
   * key: then a leaked JWT_SECRET forges no message, nor a leaked QUEUE_SECRET a token. Unset: derived
   * from JWT_SECRET. Every service of a deployment needs the same one.
   */
  QUEUE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Lifetime of an access token, in seconds. */
  JWT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(8 * 3600),
  /** `on`: every route checks credentials and roles (docs/security.md); `off`: the principal is only recorded. */
  AUTH_ENFORCE: z.enum(['on', 'off']).default('on'),
  /** The administrator created at boot (no user is in the repo). Both or neither. */
  ADMIN_USERNAME: z.string().min(1).optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  /** Origins the browser may call from, comma-separated; empty: same origin only. */
  CORS_ORIGINS: z.string().optional(),
  /** Largest JSON body accepted (bytes); larger ones get 413. */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  /** Requests per principal (or per IP when anonymous) per window; more get 429. 0 turns limiting off. */
  RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(0),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The request log keeps every failed request and one in this many successful ones (0: none). */
  LOG_REQUEST_SAMPLE: z.coerce.number().int().min(0).max(1_000_000).default(100),
  PGLITE_DATA_DIR: z.string().min(1).optional(),
  /**
   * Test seam (fault injection): the registry's recognition worker SIGKILLs itself at this point of a saga,
   * `before-commit:<SagaEvent>` or `after-commit:<SagaEvent>` (apps/registry/src/recognition/crash-seam.ts).
   */
  RECOGNITION_CRASH_POINT: z
    .string()
    .regex(
      /^(before|after)-commit:[A-Za-z]+$/,
      'must be before-commit:<SagaEvent> or after-commit:<SagaEvent>',
    )
    .optional(),
});

export type AppConfig = z.infer<typeof schema>;

export class ConfigValidationError extends Error {
  readonly code = 'CONFIG.INVALID';
}

export function parseAppConfig(env: Record<string, string | undefined>): AppConfig {
  // An empty variable means "not set", as docker-compose and shells commonly produce.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigValidationError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
