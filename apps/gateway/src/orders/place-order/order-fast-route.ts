import type { IncomingMessage, ServerResponse } from 'node:http';
import { type INestApplication, Logger } from '@nestjs/common';
import bodyParser from 'body-parser';
import { pinoHttp } from 'pino-http';
import { withAuditScope } from '@app/event-store';
import {
  AccessGuard,
  answerToError,
  AUTH_SETTINGS,
  type AppConfig,
  type AuthenticatedRequest,
  type AuthSettings,
  InputSafetyPipe,
  requestLogging,
  securityHeaders,
} from '@app/platform';
import { aheadOfExpress, type RequestListener, sendJson } from '../../http/raw-http';
import { plainlyValidOrder } from './order-body';
import { PlaceOrder } from './place-order.command';
import type { PlaceOrderDto } from './place-order.dto';
import { PlaceOrderHandler } from './place-order.handler';

const ROUTE = 'POST /orders';
const inputSafety = new InputSafetyPipe();

/** The order if the body is plainly valid and safe, else undefined (the route then says why). */
function admissibleOrder(body: unknown): PlaceOrderDto | undefined {
  const order = plainlyValidOrder(body);
  if (!order) return undefined;
  try {
    inputSafety.transform(body, { type: 'body' });
    return order;
  } catch {
    return undefined;
  }
}

/**
 * `POST /orders` served by node:http ahead of Express. Express 5 and the middleware around every
 * route cost the gateway more CPU than the order itself (apps/gateway/README.md), and the order
 * route is the one a trading client calls thousands of times a second.
 *
 * The route's own parts do the work: body-parser with the same limit, the access guard's `admit`,
 * the same quick validation and input safety check, the same command handler, helmet's headers,
 * the same request log and the error answers of the global filter. Everything else goes to Express
 * unchanged: other routes, a request with an `Origin` (CORS), every request while rate limits are
 * on or enforcement is off (the route is then not installed), and any order the quick check or
 * the guard does not plainly admit. Express then answers it as before (a parsed body is not
 * parsed again). Only 202 answers lack Express's ETag.
 */
export class OrderFastRoute {
  private readonly logger = new Logger('OrderFastRoute');
  private readonly parseJson: ReturnType<typeof bodyParser.json>;
  private readonly log: (request: IncomingMessage, response: ServerResponse) => void;
  private readonly guard: AccessGuard;
  private readonly handler: PlaceOrderHandler;
  private readonly mapBodyError: (error: unknown) => unknown;

  constructor(app: INestApplication, config: AppConfig) {
    this.guard = app.get(AccessGuard);
    this.handler = app.get(PlaceOrderHandler);
    this.parseJson = bodyParser.json({ limit: config.BODY_LIMIT_BYTES });
    this.log = pinoHttp(requestLogging(config));
    // Body-parser errors become the HttpExceptions Nest's Express adapter makes of them.
    const adapter = app.getHttpAdapter() as { mapException?: (error: unknown) => unknown };
    this.mapBodyError = (error) => adapter.mapException?.(error) ?? error;
  }

  /**
   * Puts the route in front of the app's request listener (Express), unless rate limits are on
   * (their guard counts at the route) or enforcement is off (the guard then fills in actors).
   */
  static install(app: INestApplication, config: AppConfig): void {
    const settings = app.get<AuthSettings>(AUTH_SETTINGS);
    if (!settings.enforce || settings.rateLimit > 0) return;
    const route = new OrderFastRoute(app, config);
    aheadOfExpress(app, (request, response, express) => {
      if (route.takes(request))
        withAuditScope(() => route.serve(request, response, express).catch((e) => route.failed(response, e)));
      else express(request, response);
    });
  }

  takes(request: IncomingMessage): boolean {
    return request.method === 'POST' && request.url === '/orders' && request.headers.origin === undefined;
  }

  private async serve(request: IncomingMessage, response: ServerResponse, express: RequestListener) {
    const bodyError = await new Promise<unknown>((done) => this.parseJson(request, response, done));
    const req = request as AuthenticatedRequest;
    if (bodyError) {
      this.start(request, response);
      return this.answerError(response, this.mapBodyError(bodyError));
    }
    const order = admissibleOrder(req.body);
    if (!order) return express(request, response);
    // Express's `req.ip` without a trusted proxy: the peer's address (the audit record keeps it).
    Object.defineProperty(req, 'ip', { value: request.socket.remoteAddress, configurable: true });
    try {
      await this.guard.admit(req, ROUTE);
    } catch {
      return express(request, response);
    }
    this.start(request, response);
    try {
      sendJson(response, 202, await this.handler.execute(new PlaceOrder(order)));
    } catch (error) {
      this.answerError(response, error);
    }
  }

  /** A failure of this route itself (not of the order): a 500 (logged) if nothing was sent yet. */
  failed(response: ServerResponse, error: unknown): void {
    if (response.headersSent) this.logger.error(error);
    else this.answerError(response, error);
  }

  /** The global filter's answer to `error`. */
  private answerError(response: ServerResponse, error: unknown): void {
    const { status, body, headers } = answerToError(error, this.logger);
    sendJson(response, status, body, headers);
  }

  /** Helmet's headers and the request log, as every route's middleware gives them (once it is ours to answer). */
  private start(request: IncomingMessage, response: ServerResponse): void {
    securityHeaders(request, response, () => undefined);
    this.log(request, response);
  }
}
