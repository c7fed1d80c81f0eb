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
import { authorize, authorizeAny, type Decision, type Principal, type Resource } from '@app/domain';
import { type JsonValue, setAuditContext } from '@app/event-store';
import type { Request } from 'express';
import { verifyAccessToken } from './access-token';
import { actorRefusal, fillMissingActor, namedOtherRefusal } from './body-actor';
import {
  AUTH_SETTINGS,
  type AuthSettings,
  ORDER_OWNERS,
  type OrderOwners,
  RECORD_PARTIES,
  type RecordParties,
} from './auth-settings';
import { resourcesOf, valuesAt } from './request-resource';
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
    return this.lookup<OrderOwners>(ORDER_OWNERS);
  }

  /** The registry's lookup of a record's parties, when this process runs the registry. */
  private get records(): RecordParties | undefined {
    return this.lookup<RecordParties>(RECORD_PARTIES);
  }

  private lookup<T>(token: symbol): T | undefined {
    try {
      return this.modules.get<T>(token, { strict: false });
    } catch {
      return undefined;
    }
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    await this.admit(request, routeKeyOf(context.getClass(), context.getHandler()));
    return true;
  }

  /**
   * The whole check of a request to `route` (`METHOD /path`, as in ROUTE_ACCESS): resolves when it
   * may go on, its principal and audit context set; else throws the HttpException to answer.
   */
  async admit(request: AuthenticatedRequest, route: string): Promise<void> {
    const access = ROUTE_ACCESS[route];
    const { enforce } = this.settings;
    if (!access) {
      if (enforce) throw refuse(HttpStatus.FORBIDDEN, 'AUTH.UNDECLARED_ROUTE', `${route} declares no access`);
      this.logger.warn(`${route} declares no access`);
      return;
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
    if (principal && enforce) this.actAsPrincipal(request, principal, access);
    else if (access.fillsActor) fillMissingActor(request.body, principal?.id ?? 'anonymous');
    this.enterAudit(request, route, access, principal);
  }

  private async authenticate(
    request: Request,
  ): Promise<{ principal: Principal; apiKeyId?: string } | 'invalid' | undefined> {
    const header = request.headers.authorization;
    const apiKey = request.headers['x-api-key'];
    if (typeof header === 'string' && header.startsWith('Bearer ')) {
      const now = Date.now();
      const token = verifyAccessToken(header.slice(7), this.settings.secret, now);
      if (!token) return 'invalid';
      // Signed before its user's access changed (or the user was removed): sign in again.
      if (await this.users.revocations.revoked(token.principal.id, token.issuedMs, now)) return 'invalid';
      return { principal: token.principal };
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
    const decision = await this.decideResources(principal, access, request, resources);
    if (!decision.allowed || !principal) return decision;
    // A regulator's key is signed by the signed-in regulator: a body naming another is refused.
    const signer =
      access.signer && principal.role === 'regulator'
        ? namedOtherRefusal(
            access.signer.slice('body:'.length),
            valuesAt(request, access.signer)[0],
            principal,
          )
        : undefined;
    // So is a command whose `actor` names someone else.
    return signer ?? actorRefusal(request.body, principal) ?? decision;
  }

  private async decideResources(
    principal: Principal | undefined,
    access: RouteAccess,
    request: Request,
    resources: Resource[],
  ): Promise<Decision> {
    if (access.record) {
      const parties = await this.partiesOf(access.record, request);
      // A record not known (yet) is left to the handler (404).
      if (parties) return this.decideOnRecord(principal, access, resources, parties);
    }
    let decision: Decision = { allowed: true, reason: 'no resource' };
    for (const resource of resources) {
      decision = authorize(principal, access.action, resource);
      if (!decision.allowed) return decision;
    }
    return decision;
  }

  private async partiesOf(
    record: NonNullable<RouteAccess['record']>,
    request: Request,
  ): Promise<Awaited<ReturnType<RecordParties['partiesOf']>>> {
    const [id] = valuesAt(request, record.id);
    return id === undefined ? undefined : this.records?.partiesOf(record.kind, id);
  }

  /**
   * A decision on one side: the side's province is the resource (every other resource the route
   * names must pass too). A read: allowed to any party of the record (authorizeAny).
   */
  private decideOnRecord(
    principal: Principal | undefined,
    access: RouteAccess,
    resources: Resource[],
    parties: NonNullable<Awaited<ReturnType<RecordParties['partiesOf']>>>,
  ): Decision {
    const side = access.record?.side;
    if (side) {
      const province = side === 'origin' ? parties.origin : parties.destination;
      for (const resource of [...resources, { jurisdiction: province }]) {
        const decision = authorize(principal, access.action, resource);
        if (!decision.allowed) return decision;
      }
      return { allowed: true, reason: `${access.action} in ${province}` };
    }
    const owners = [...parties.owners];
    const provinces = [parties.origin, ...(parties.destination ? [parties.destination] : [])];
    return authorizeAny(
      principal,
      access.action,
      provinces.map((jurisdiction) => ({ jurisdiction, owners, ownersMatch: 'any' as const })),
    );
  }

  /**
   * Commands name their actor from the credentials, never from a field anyone can set; a regulator's
   * key (the route's `signer`) is signed by the signed-in regulator, whatever the body said.
   */
  private actAsPrincipal(request: Request, principal: Principal, access: RouteAccess): void {
    const body = request.body as Record<string, unknown> | undefined;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
    if (typeof body.actor === 'string') body.actor = principal.id;
    if (access.fillsActor) body.actor = principal.id;
    if (access.signer && principal.role === 'regulator')
      body[access.signer.slice('body:'.length)] = principal.id;
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
