import { HttpException } from '@nestjs/common';
import {
  CHENGYU_PRICING_STANDARD_2026_1,
  decidePricingStandard,
  evolvePricingStandard,
  initialPricingStandardState,
  type PricingStandardCommand,
  type PricingStandardState,
} from '@app/pricing';
import { withPricingStatus } from './pricing-standard-http-errors';
import { fromRecord, toRecord } from './pricing-standard-log';
import { versionView } from './pricing-standard-views';

const run = (state: PricingStandardState, command: PricingStandardCommand) =>
  decidePricingStandard(command, state).reduce(evolvePricingStandard, state);
const approve = (jurisdiction: 'CQ' | 'SC', regulator: string): PricingStandardCommand => ({
  type: 'ApprovePricingStandard',
  jurisdiction,
  version: '2026.1',
  regulator,
  effectiveFrom: '2026-12-01',
});

describe('a version as the API shows it', () => {
  const proposed = run(initialPricingStandardState, {
    type: 'ProposePricingStandard',
    version: '2026.1',
    document: CHENGYU_PRICING_STANDARD_2026_1,
    regulator: 'SC-DEE',
  });
  const view = (state: PricingStandardState, inForce?: string) =>
    versionView(state, state.versions['2026.1'], 'SC', inForce);

  it('goes proposed → approved-by-one → adopted, naming who is still awaited', () => {
    expect(view(proposed)).toMatchObject({ status: 'proposed', awaiting: ['CQ', 'SC'], inForce: false });
    const one = run(proposed, approve('SC', 'SC-DEE'));
    expect(view(one)).toMatchObject({
      status: 'approved-by-one',
      approvals: { SC: { regulator: 'SC-DEE', effectiveFrom: '2026-12-01' } },
      awaiting: ['CQ'],
    });
    expect(view(one).effectiveFrom).toBeUndefined();
    const both = run(one, approve('CQ', 'CQ-EEB'));
    expect(view(both, '2026.1')).toMatchObject({
      status: 'adopted',
      awaiting: [],
      effectiveFrom: '2026-12-01',
      inForce: true,
    });
    expect(view(both).document).toBeUndefined();
    expect(versionView(both, both.versions['2026.1'], 'SC', undefined, true).document?.version).toBe(
      '2026.1',
    );
  });

  it('stores an event as type and data, and reads it back unchanged', () => {
    const [event] = decidePricingStandard(approve('SC', 'SC-DEE'), proposed);
    const record = toRecord(event);
    expect(record).toEqual({
      type: 'PricingStandardApproved',
      data: { jurisdiction: 'SC', version: '2026.1', regulator: 'SC-DEE', effectiveFrom: '2026-12-01' },
    });
    expect(fromRecord(record)).toEqual(event);
  });
});

describe('HTTP status of the library reasons', () => {
  const statusOf = async (command: PricingStandardCommand, state = initialPricingStandardState) => {
    try {
      await withPricingStatus(() => decidePricingStandard(command, state));
    } catch (error) {
      return [(error as HttpException).getStatus(), (error as HttpException).getResponse()];
    }
    return undefined;
  };

  it('answers a bad document 400 with every issue, an unknown version 404, a regulator of the other province 403', async () => {
    const bad = {
      ...CHENGYU_PRICING_STANDARD_2026_1,
      closing: { ...CHENGYU_PRICING_STANDARD_2026_1.closing, minVolume: -1 },
    };
    expect(
      await statusOf({
        type: 'ProposePricingStandard',
        version: '2026.1',
        document: bad,
        regulator: 'SC-DEE',
      }),
    ).toEqual([
      400,
      expect.objectContaining({
        code: 'PRICING.INVALID_STANDARD',
        field: 'closing.minVolume',
        issues: [expect.objectContaining({ path: 'closing.minVolume' })],
      }),
    ]);
    expect(await statusOf(approve('SC', 'SC-DEE'))).toEqual([
      404,
      expect.objectContaining({ field: 'version' }),
    ]);
    expect(await statusOf(approve('CQ', 'SC-DEE'))).toEqual([
      403,
      expect.objectContaining({ code: 'PRICING.WRONG_JURISDICTION' }),
    ]);
  });

  it('answers a second approval of the same province 409 and leaves other errors to the global filter', async () => {
    const proposed = run(initialPricingStandardState, {
      type: 'ProposePricingStandard',
      version: '2026.1',
      document: CHENGYU_PRICING_STANDARD_2026_1,
      regulator: 'SC-DEE',
    });
    const once = run(proposed, approve('SC', 'SC-DEE'));
    expect(await statusOf(approve('SC', 'SC-DEE'), once)).toEqual([
      409,
      expect.objectContaining({ code: 'PRICING.ALREADY_APPROVED' }),
    ]);
    await expect(withPricingStatus(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});
