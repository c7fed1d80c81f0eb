import fc from 'fast-check';
import { DomainError } from '@app/domain';
import { canonicalJson } from '@app/ledger';
import { givenRegistry } from './registry-fixture';
import { brokenInvariants } from './registry-invariants';
import { FIRMS, OPENING_STEPS, stepArbitrary, type Step } from './registry-random-commands';
import { runStep } from './registry-step-runner';
import type { InMemoryRegistry } from './in-memory-registry';

jest.setTimeout(120_000);

const fingerprint = async (registry: InMemoryRegistry): Promise<string> => {
  const { version, ledger, records } = await registry.load('CQ');
  return canonicalJson({ version, holdings: ledger.holdings, records });
};

/** A step either commits (then its retry changes nothing) or is refused with a DomainError and changes nothing. */
async function check(
  registry: InMemoryRegistry,
  steps: readonly { step: Step; retry: boolean }[],
  committedOps: Map<string, number>,
): Promise<void> {
  for (const [i, { step, retry }] of steps.entries()) {
    const before = await fingerprint(registry);
    const commandId = `c${i}`;
    let committed = true;
    try {
      await runStep(registry, step, commandId);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      committed = false;
      expect(await fingerprint(registry)).toBe(before);
    }
    if (committed) committedOps.set(step.op, (committedOps.get(step.op) ?? 0) + 1);
    expect(brokenInvariants(await registry.load('CQ'))).toEqual([]);
    if (retry && committed) {
      const after = await fingerprint(registry);
      await expect(runStep(registry, step, commandId)).resolves.toMatchObject({ replayed: true });
      expect(await fingerprint(registry)).toBe(after);
    }
  }
}

describe('registry invariants under random command sequences (in-memory twin)', () => {
  it('conserves every vintage, keeps serials in one place, settles cash, and answers retries idempotently', async () => {
    const committedOps = new Map<string, number>();
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
          for (const [i, step] of OPENING_STEPS.entries()) await runStep(registry, step, `open-${i}`);
          await check(registry, steps, committedOps);
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
  });
});
