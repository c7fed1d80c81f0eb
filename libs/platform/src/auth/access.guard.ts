import {
  CanActivate,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { authorize, type Decision, type Principal } from '@app/domain';
import { type JsonValue, setAuditContext } from '@app/event-store';
import type { Request } from 'express';
import { verifyAccessToken } from './access-token';
import { AUTH_SETTINGS, type AuthSettings, ORDER_OWNERS, type OrderOwners } from './auth-settings';
import { resourcesOf } from './request-resource';
import { ROUTE_ACCESS, type RouteAccess } from './route-access';
import { routeKeyOf } from './route-key';
import { UserDirectory } from './user-directory';

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
  apiKeyId?: string;
}

const refuse = (status: number, code: string, message: string): HttpException =>
  new HttpException({ statusCode: status, code, message }, status);

/**
 * Every HTTP request, before its handler: who asks (bearer token or API key), whether the route's
 * declared action allows it (docs/security.md), and the audit context every event appended for the
 * request carries. The rate limit follows (AccountThrottlerGuard). WebSocket messages (the public feed) pass.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
    private readonly users: UserDirectory,
    private readonly modules: ModuleRef,
  ) {}

  /** The gateway's order lookup, when this process runs the gateway. */
  private get orders(): OrderOwners | undefined {
    try {
      return this.modules.get<OrderOwners>(ORDER_OWNERS, { strict: false });
    } catch {
      return undefined;
    }
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const route = routeKeyOf(context.getClass(), context.getHandler());
    const access = ROUTE_ACCESS[route];
    const { enforce } = this.settings;
    if (!access) {
      if (enforce) throw refuse(HttpStatus.FORBIDDEN, 'AUTH.UNDECLARED_ROUTE', `${route} declares no access`);
      this.logger.warn(`${route} declares no access`);
      return true;
    }
    const credentials = await this.authenticate(request);
    if (credentials === 'invalid' && enforce)
      throw refuse(
        HttpStatus.UNAUTHORIZED,
        'AUTH.INVALID_CREDENTIALS',
        'the token or API key is invalid or expired',
      );
    const principal = credentials === 'invalid' ? undefined : credentials?.principal;
    request.principal = principal;
    request.apiKeyId = credentials === 'invalid' ? undefined : credentials?.apiKeyId;

    const decision = await this.decide(principal, access, request);
    if (!decision.allowed && enforce)
      throw refuse(
        decision.status,
        decision.status === 401 ? 'AUTH.UNAUTHENTICATED' : 'AUTH.FORBIDDEN',
        decision.reason,
      );
    if (principal && enforce) this.actAsPrincipal(request, principal);
    this.enterAudit(request, route, access, principal);
    return true;
  }

  private async authenticate(
    request: Request,
  ): Promise<{ principal: Principal; apiKeyId?: string } | 'invalid' | undefined> {
    const header = request.headers.authorization;
    const apiKey = request.headers['x-api-key'];
    if (typeof header === 'string' && header.startsWith('Bearer ')) {
      const principal = verifyAccessToken(header.slice(7), this.settings.secret, Date.now());
      return principal ? { principal } : 'invalid';
    }
    if (typeof apiKey === 'string') return (await this.users.principalForApiKey(apiKey)) ?? 'invalid';
    return header === undefined ? undefined : 'invalid';
  }

  private async decide(
    principal: Principal | undefined,
    access: RouteAccess,
    request: Request,
  ): Promise<Decision> {
    const resources = resourcesOf(access, request);
    const orders = access.order && principal?.role === 'enterprise' ? this.orders : undefined;
    if (access.order && principal?.role === 'enterprise') {
      const orderId = request.params[access.order.slice('param:'.length)];
      const account = typeof orderId === 'string' ? await orders?.accountOf(orderId) : undefined;
      // An order not yet known is left to the handler (404); a known one must be the enterprise's.
      resources.forEach((r) => (r.owners = [account ?? principal.memberId]));
    }
    let decision: Decision = { allowed: true, reason: 'no resource' };
    for (const resource of resources) {
      decision = authorize(principal, access.action, resource);
      if (!decision.allowed) return decision;
    }
    return decision;
  }

  /** Commands name their actor from the credentials, never from a field anyone can set. */
  private actAsPrincipal(request: Request, principal: Principal): void {
    const body = request.body as Record<string, unknown> | undefined;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
    if (typeof body.actor === 'string') body.actor = principal.id;
  }

  private enterAudit(
    request: AuthenticatedRequest,
    route: string,
    access: RouteAccess,
    principal?: Principal,
  ): void {
    if (request.method === 'GET') return;
    const [resource] = resourcesOf(access, request);
    setAuditContext({
      actor: principal?.id ?? 'anonymous',
      role: principal?.role ?? 'anonymous',
      jurisdiction:
        resource?.jurisdiction ?? (principal?.role === 'regulator' ? principal.province : undefined),
      ip: request.ip,
      apiKeyId: request.apiKeyId,
      route,
      at: new Date().toISOString(),
      ...(principal && this.settings.enforce
        ? { principal: { ...principal } as Record<string, JsonValue> }
        : {}),
    });
  }
}
