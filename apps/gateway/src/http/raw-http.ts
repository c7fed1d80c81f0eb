/** Requests answered on node:http itself, ahead of Express: the hot order route, the registry forwarding. */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';

export type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Puts `handle` in front of the app's current request listener (Express, or a handler installed
 * before): it answers what it takes and hands the rest to `next`, untouched.
 */
export function aheadOfExpress(
  app: INestApplication,
  handle: (request: IncomingMessage, response: ServerResponse, next: RequestListener) => void,
): void {
  const server = app.getHttpServer() as Server;
  const [next] = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) =>
    handle(request, response, next),
  );
}

/** A JSON answer written straight to the response, as Nest's would be. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): void {
  const text = JSON.stringify(body);
  response.statusCode = status;
  for (const [name, value] of Object.entries(headers ?? {})) response.setHeader(name, value);
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Content-Length', Buffer.byteLength(text));
  response.end(text);
}
