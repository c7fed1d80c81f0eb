import type { NextFunction, Request, Response } from 'express';

/**
 * The response headers helmet sets by default, minus the content security policy (the console and
 * /docs load their own scripts; a policy for them is left to the reverse proxy).
 */
const HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'SAMEORIGIN',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'Origin-Agent-Cluster': '?1',
};

export function securityHeaders(_request: Request, response: Response, next: NextFunction): void {
  response.removeHeader('X-Powered-By');
  for (const [name, value] of Object.entries(HEADERS)) response.setHeader(name, value);
  next();
}

/** `CORS_ORIGINS` (comma-separated) as a list; empty: no cross-origin caller is allowed. */
export const corsOriginsOf = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0);
