import { parseAppConfig, RunningService, startService } from '@app/platform';
import { sandboxService } from '../apps/sandbox/src/sandbox.app';
import { getJson, postJson } from './support/http';

// The registry inside the all-in-one sandbox, next to the gateway and the exchange (one CQRS bus each).
describe('registry in the sandbox (embedded PGlite, one process)', () => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startService(sandboxService(parseAppConfig({ PORT: '0', LOG_LEVEL: 'silent' })));
  });
  afterAll(() => service?.close());

  it('issues, transfers and shows the serial history, while the gateway still serves', async () => {
    const post = (path: string, body: Record<string, unknown>) =>
      postJson(`${service.url}/registries/CQ${path}`, { actor: 'sandbox', ...body });
    expect(
      (await post('/accounts', { commandId: 'o1', accountId: 'cq-a', accountType: 'ENTERPRISE_HOLDING' }))
        .status,
    ).toBe(201);
    expect(
      (await post('/issuances', { commandId: 'i1', kind: 'CARBON_ALLOWANCE', vintage: 2025, quantity: 10 }))
        .status,
    ).toBe(201);
    expect(
      (
        await post('/transfers', {
          commandId: 't1',
          from: 'CQ-GOVERNMENT',
          to: 'cq-a',
          quantity: 4,
          kind: 'CARBON_ALLOWANCE',
        })
      ).status,
    ).toBe(201);
    const history = await getJson<{ accountId: string; events: unknown[] }>(
      `${service.url}/serials/CQ-CARBON_ALLOWANCE-2025-000000000004`,
    );
    expect(history).toMatchObject({
      accountId: 'cq-a',
      events: [{ type: 'UnitsIssued' }, { type: 'UnitsTransferred' }],
    });
    expect((await fetch(`${service.url}/instruments`)).status).toBe(200);
  });
});
