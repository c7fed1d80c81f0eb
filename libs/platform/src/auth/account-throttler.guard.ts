import { ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { AuthenticatedRequest } from './access.guard';

/**
 * `@nestjs/throttler` with one budget per account across all routes: the API key when the request
 * carries one, else the signed-in user, else the client IP. Runs after the AccessGuard (which sets
 * the principal); WebSocket messages (the public feed) pass.
 */
@Injectable()
export class AccountThrottlerGuard extends ThrottlerGuard {
  override canActivate(context: ExecutionContext): Promise<boolean> {
    return context.getType() === 'http' ? super.canActivate(context) : Promise.resolve(true);
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const { apiKeyId, principal } = request as unknown as AuthenticatedRequest;
    if (apiKeyId) return `api-key:${apiKeyId}`;
    if (principal) return `user:${principal.id}`;
    return `ip:${await super.getTracker(request)}`;
  }

  /** Not per route (the library's default): one budget for everything the account calls. */
  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }

  protected override throwThrottlingException(
    _context: ExecutionContext,
    { limit, ttl }: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new HttpException(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        code: 'AUTH.RATE_LIMITED',
        message: `more than ${limit} requests per ${ttl} ms`,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
