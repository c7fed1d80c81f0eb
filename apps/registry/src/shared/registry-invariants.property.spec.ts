import fc from 'fast-check';
import { Logger } from '@nestjs/common';
import { DomainError } from '@app/domain';
import { canonicalJson } from '@app/ledger';
import { custodyTestCatalogue, InMemoryMessaging } from '../custody/custody-fixture';
import { givenRegistry } from './registry-fixture';
import { CustodyModel } from './registry-custody-model';
import { brokenInvariants } from './registry-invariants';
import { FIRMS, OPENING_STEPS, stepArbitrary, type Step } from './registry-random-commands';
import { runStep, type CustodyDesk } from './registry-step-runner';
import type { InMemoryRegistry } from './in-memory-registry';

jest.setTimeout(120_000);

const fingerprint = async (registry: InMemoryRegistry): Promise<string> => {
  const { version, ledger, records } = await registry.load('CQ');
  return canonicalJson({ version, holdings: ledger.holdings, records });
};

/**
 * A step either commits (then its retry changes nothing) or is refused with a DomainError and
 * changes nothing; a replay (a redelivered withdrawal) changes nothing. Custody holds what the
 * model says after every step.
 */
async function check(
  registry: InMemoryRegistry,
  desk: CustodyDesk,
  steps: readonly { step: Step; retry: boolean }[],
  committedOps: Map<string, number>,
  custody: CustodyModel,
): Promise<void> {
  for (const [i, { step, retry }] of steps.entries()) {
    const before = await fingerprint(registry);
    const ledgerBefore = (await registry.load('CQ')).ledger;
    const commandId = `c${i}`;
    let outcome: string;
    try {
      outcome = (await runStep(registry, step, commandId, desk)).replayed ? 'replayed' : 'ok';
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcome = error.code;
    }
    const committed = outcome === 'ok' || outcome === 'replayed';
    if (!committed || outcome === 'replayed') expect(await fingerprint(registry)).toBe(before);
    if (outcome === 'ok') committedOps.set(step.op, (committedOps.get(step.op) ?? 0) + 1);
    const after = await registry.load('CQ');
    expect(brokenInvariants(after)).toEqual([]);
    expect(custody.check(step, outcome, ledgerBefore, after.ledger)).toEqual([]);
    if (retry && committed) {
      const afterStep = await fingerprint(registry);
      await expect(runStep(registry, step, commandId, desk)).resolves.toMatchObject({ replayed: true });
      expect(await fingerprint(registry)).toBe(afterStep);
    }
  }
}

describe('registry invariants under random command sequences (in-memory twin)', () => {
  // The custody consumer warns of every refused withdrawal.
  beforeAll(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('conserves every vintage, keeps serials in one place, settles cash, keeps custody to deposits − releases, and answers retries idempotently', async () => {
    const committedOps = new Map<string, number>();
    const seen: Record<string, number> = {};
    const refusalsAnswered: [number, number][] = [];
    let expiryLeftInCustody = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ step: stepArbitrary, retry: fc.boolean() }), { minLength: 20, maxLength: 60 }),
        async (steps) => {
          const registry = await givenRegistry('CQ', {
            accounts: [...FIRMS],
            allowances: [
              { vintage: 2025, quantity: 2000 },
              { accountId: 'CQ-AUCTION', vintage: 2025, quantity: 1000 },
            ],
          });
          const messaging = new InMemoryMessaging();
          const desk = { catalogue: custodyTestCatalogue, ...messaging };
          for (const [i, step] of OPENING_STEPS.entries()) await runStep(registry, step, `open-${i}`, desk);
          const custody = new CustodyModel(custodyTestCatalogue, (await registry.load('CQ')).ledger);
          await check(registry, desk, steps, committedOps, custody);
          for (const [k, n] of Object.entries(custody.seen)) seen[k] = (seen[k] ?? 0) + n;
          expiryLeftInCustody += custody.expiryLeftInCustody;
          // Every refused withdrawal, and only those, was answered to the exchange, once.
          refusalsAnswered.push([
            messaging.sent.filter((m) => m.name === 'CustodyWithdrawalRefused').length,
            custody.seen.releaseRefused,
          ]);
        },
      ),
      { numRuns: 60 },
    );
    // The sequences exercised every kind of command, not only refusals.
    expect([...committedOps.keys()].sort()).toEqual([
      'allocate',
      'bid',
      'cancel',
      'cancelAuction',
      'clear',
      'custodyDeposit',
      'custodyRelease',
      'draw',
      'expire',
      'guarantee',
      'issue',
      'msr',
      'retire',
      'schedule',
      'surrender',
      'transfer',
      'trueUp',
    ]);
    // …and every custody case: moves both ways, refusals, redeliveries after a release and a refusal.
    expect(Object.entries(seen).filter(([, n]) => n === 0)).toEqual([]);
    // …and expiry runs that met expired units in custody (which must stay there).
    expect(expiryLeftInCustody).toBeGreaterThan(0);
    expect(refusalsAnswered.filter(([sent, refused]) => sent !== refused)).toEqual([]);
  });
});
