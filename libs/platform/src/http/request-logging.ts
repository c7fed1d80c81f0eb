import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Options } from 'pino-http';
import type { AppConfig } from '../config/app-config';

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
