import { jest } from '@jest/globals';
import { EventStore } from '@app/event-store';
import { parseAppConfig, RunningService, startService } from '@app/platform';
import { CLOCK, type Clock } from '../apps/gateway/src/clock/clock';
import { registryService } from '../apps/registry/src/registry.app';
import { RECOGNITION_CLOCK } from '../apps/registry/src/recognition/recognition-clock';
import { RecognitionSagaRunner } from '../apps/registry/src/recognition/saga/recognition-saga-runner';
import { eventually, getJson } from './support/http';
import { adoptMarketModeInStore } from './support/market-mode';
import {
  adoptChengyuAgreement,
  expectPost,
  issueCredits,
  openAccount,
  reaches,
  settled,
} from './support/recognition';

type Json = Record<string, unknown>;
const MAY_10 = Date.parse('2026-05-10T02:00:00Z');
const HOUR = 3_600_000;

/**
 * The registry sweeps on its own (REGISTRY_SWEEP_INTERVAL_MS), by its injected clocks, with no call to the
 * manual endpoints: a cross-province transfer past its approval window expires (the seller's units
 * unlocked), and a recognition saga stuck before its pivot past the agreement's timeout is compensated.
 */
describe('the registry’s scheduled sweeps (embedded)', () => {
  let service: RunningService;
  let url: string;
  let clock: Clock;
  let recognitionClock: Clock;
  let realNow: () => number;

  beforeAll(async () => {
    service = await startService(
      registryService(parseAppConfig({ PORT: '0', LOG_LEVEL: 'silent', REGISTRY_SWEEP_INTERVAL_MS: '100' })),
    );
    url = service.url;
    clock = service.app.get<Clock>(CLOCK, { strict: false });
    realNow = clock.now;
    clock.now = () => MAY_10;
    recognitionClock = service.app.get<Clock>(RECOGNITION_CLOCK, { strict: false });
    recognitionClock.now = () => MAY_10;
  });
  afterAll(async () => {
    // The registry's CLOCK is the process-wide system clock object: give it back its reading.
    if (clock) clock.now = realNow;
    await service?.close();
  });

  it('expires a cross-province transfer past its approval window and unlocks the seller’s units', async () => {
    await issueCredits(url, 'CQ', 'cq-chem-01', {
      commandId: 'issue-so2',
      kind: 'POLLUTANT_SO2',
      vintage: 2025,
      projectId: 'cq-chem',
      quantity: 100,
    });
    await openAccount(url, 'SC', 'sc-paper-02');
    await expectPost(
      `${url}/cross-province-transfers`,
      {
        commandId: 'xp-req',
        actor: 'cq-chem-01',
        transferId: 'xp-sweep',
        from: 'CQ',
        sellerAccountId: 'cq-chem-01',
        to: 'SC',
        buyerAccountId: 'sc-paper-02',
        kind: 'POLLUTANT_SO2',
        vintage: 2025,
        quantity: 40,
        priceFen: 2_100_000,
        approvalWindowHours: 72,
      },
      201,
    );
    // Rounds run meanwhile and leave it pending: its window is open.
    await new Promise((r) => setTimeout(r, 300));
    expect(await getJson<Json>(`${url}/cross-province-transfers/xp-sweep`)).toMatchObject({
      status: 'pending',
    });
    clock.now = () => MAY_10 + 72 * HOUR;
    await eventually(
      async () =>
        (await getJson<Json>(`${url}/cross-province-transfers/xp-sweep`)).status === 'expired'
          ? true
          : undefined,
      10_000,
      'the scheduled sweep to expire xp-sweep',
    );
    expect(await getJson<Json>(`${url}/registries/CQ/accounts/cq-chem-01`)).toMatchObject({
      total: 100,
      holdings: [{ quantity: 100, locked: 0 }],
    });
  });

  it('compensates a recognition saga stuck before its pivot once past the agreement’s timeout', async () => {
    await adoptChengyuAgreement(url);
    await adoptMarketModeInStore(service.app.get(EventStore, { strict: false }));
    const first = await issueCredits(url, 'SC', 'cq-steel', {
      commandId: 'issue-thtf',
      kind: 'TANHUI_TIANFU',
      vintage: 2025,
      projectId: 'sc-coop',
      quantity: 6,
    });
    await openAccount(url, 'CQ', 'cq-steel');
    // The origin registry is "down" for the pivot: the cancel step keeps failing.
    const runner = service.app.get(RecognitionSagaRunner, { strict: false });
    const advance = runner.advance.bind(runner);
    const spy = jest.spyOn(runner, 'advance').mockImplementation(async (id, step) => {
      if (step === 'OriginRangeCancelled') throw new Error('origin registry unavailable');
      return advance(id, step);
    });
    try {
      await expectPost(
        `${url}/recognition/requests`,
        {
          requestId: 'r-swept',
          actor: 'cq-steel',
          holderId: 'cq-steel',
          origin: 'SC',
          destination: 'CQ',
          serialStart: first,
          serialEnd: first + 5,
          projectType: 'rooftop-solar',
          use: 'compliance-offset',
        },
        202,
      );
      await reaches(url, 'r-swept', ['destination-issued']);
      recognitionClock.now = () => MAY_10 + 24 * HOUR; // the agreement's 24 h
      expect(await settled(url, 'r-swept')).toMatchObject({ status: 'compensated', failure: 'TIMED_OUT' });
    } finally {
      spy.mockRestore();
    }
  });
});
