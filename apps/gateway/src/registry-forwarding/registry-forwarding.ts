import type { IncomingMessage, ServerResponse } from 'node:http';
import { type INestApplication, Logger } from '@nestjs/common';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { AppConfig } from '@app/platform';
import { aheadOfExpress, sendJson } from '../http/raw-http';

/** The first path segments of the registry service's own routes (its OpenAPI document; an e2e checks). */
export const REGISTRY_PATHS = [
  '/registries',
  '/recognition',
  '/cross-province-transfers',
  '/carbon-inclusion',
  '/serials',
] as const;

/** Whether `url` (path and query) is one of the registry's routes. */
export function isRegistryPath(url: string): boolean {
  const path = url.split('?')[0];
  return REGISTRY_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * With `REGISTRY_URL` set, the gateway forwards the registry's routes to the registry service as
 * they came (method, path, headers with the caller's credentials and request id, body streamed),
 * ahead of Express, and answers the registry's response unchanged. The registry checks access
 * itself. A registry that cannot be reached is a 502 `GATEWAY.REGISTRY_UNAVAILABLE`. Everything
 * else (`/auth`, `/audit`, `/health` included, which the gateway serves from the same database)
 * stays with the gateway.
 */
export class RegistryForwarding {
  static install(app: INestApplication, config: AppConfig): void {
    if (!config.REGISTRY_URL) return;
    const logger = new Logger('RegistryForwarding');
    const forward = createProxyMiddleware<IncomingMessage, ServerResponse>({
      target: config.REGISTRY_URL,
      xfwd: true,
      on: {
        error: (error, _request, response) => {
          logger.warn(`registry at ${config.REGISTRY_URL} unreachable: ${error.message}`);
          if (!('setHeader' in response) || response.headersSent) return;
          sendJson(response, 502, {
            statusCode: 502,
            code: 'GATEWAY.REGISTRY_UNAVAILABLE',
            message: 'the registry service cannot be reached; try again',
          });
        },
      },
    });
    aheadOfExpress(app, (request, response, next) => {
      if (isRegistryPath(request.url ?? '/')) void forward(request, response);
      else next(request, response);
    });
  }
}
