import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Options } from 'pino-http';
import type { AppConfig } from '../config/app-config';

/** An id a caller or a proxy in front may send to follow its request through the logs. */
const CALLER_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The request's id in the logs, also answered as `X-Request-Id`: the caller's own if it sent a
 * well-formed one, else a new UUID. One function for every request log of the process (Nest's
 * and the fast order route's), so ids cannot repeat between them as per-log counters would.
 */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const sent = req.headers['x-request-id'];
  const id = typeof sent === 'string' && CALLER_REQUEST_ID.test(sent) ? sent : randomUUID();
  if (!res.headersSent) res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * The request log (pino-http): every failed request (4xx, 5xx or a thrown error) and one in
 * `LOG_REQUEST_SAMPLE` successful ones, so a busy order route does not pay a log line per order.
 * A request is logged as its id, method and URL only: never its headers (credentials), and
 * serialising them for every request's child logger was most of what the log cost.
 */
export function requestLogging(config: Pick<AppConfig, 'LOG_LEVEL' | 'LOG_REQUEST_SAMPLE'>): Options {
  let successes = 0;
  return {
    level: config.LOG_LEVEL,
    genReqId: requestId,
    // Health probes every few seconds would drown the request log.
    autoLogging: { ignore: (req) => req.url === '/health' },
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) => {
      if (error || res.statusCode >= 500) return 'error';
      if (res.statusCode >= 400) return 'info';
      const sample = config.LOG_REQUEST_SAMPLE;
      return sample > 0 && successes++ % sample === 0 ? 'info' : 'silent';
    },
    serializers: {
      req: (req: { id?: unknown; method?: string; url?: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
      }),
    },
  };
}
