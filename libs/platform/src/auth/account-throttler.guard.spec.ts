import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerStorageService } from '@nestjs/throttler';
import type { Principal } from '@app/domain';
import { AccountThrottlerGuard } from './account-throttler.guard';

const firm: Principal = { role: 'enterprise', id: 'cq-a', memberId: 'cq-a', accountIds: ['cq-a'] };

class Routes {
  first(): void {}
  second(): void {}
}

function call(request: Record<string, unknown>, handler: () => void = Routes.prototype.first) {
  const headers: Record<string, unknown> = {};
  const response = { header: (name: string, value: unknown) => (headers[name] = value) };
  const context = {
    getType: () => 'http',
    getClass: () => Routes,
    getHandler: () => handler,
    switchToHttp: () => ({ getRequest: () => ({ headers: {}, ...request }), getResponse: () => response }),
  } as unknown as ExecutionContext;
  return { context, headers };
}

describe('AccountThrottlerGuard', () => {
  let storage: ThrottlerStorageService;
  let guard: AccountThrottlerGuard;

  beforeEach(async () => {
    storage = new ThrottlerStorageService();
    guard = new AccountThrottlerGuard(
      { throttlers: [{ name: 'default', limit: 2, ttl: 60_000 }] },
      storage,
      new Reflector(),
    );
    await guard.onModuleInit();
  });
  afterEach(() => storage.onApplicationShutdown());

  it('gives a user one budget over all routes, then 429 AUTH.RATE_LIMITED with Retry-After', async () => {
    const user = { principal: firm, ip: '10.0.0.1' };
    expect(await guard.canActivate(call(user).context)).toBe(true);
    expect(await guard.canActivate(call(user, Routes.prototype.second).context)).toBe(true);
    const third = call(user);
    await expect(guard.canActivate(third.context)).rejects.toMatchObject({
      status: 429,
      response: { code: 'AUTH.RATE_LIMITED' },
    });
    expect(Number(third.headers['Retry-After'])).toBeGreaterThan(0);
  });

  it('counts an API key apart from its owner’s token, and anonymous callers per IP', async () => {
    for (let i = 0; i < 2; i++) await guard.canActivate(call({ principal: firm, ip: '10.0.0.1' }).context);
    const viaKey = { principal: firm, apiKeyId: 'k1', ip: '10.0.0.1' };
    expect(await guard.canActivate(call(viaKey).context)).toBe(true);
    expect(await guard.canActivate(call({ ip: '10.0.0.1' }).context)).toBe(true);
    expect(await guard.canActivate(call({ ip: '10.0.0.2' }).context)).toBe(true);
  });

  it('lets WebSocket messages pass', async () => {
    const ws = { getType: () => 'ws' } as unknown as ExecutionContext;
    for (let i = 0; i < 5; i++) expect(await guard.canActivate(ws)).toBe(true);
  });
});
