import { CHENGYU_PRICING_STANDARD_2026_1, pricingStandardSchema } from '@app/pricing';
import { CHENGYU_RECOGNITION_2026_1, recognitionAgreementSchema } from '@app/recognition';
import { beijingToday } from '../format/beijing-today';
import {
  checkApproval,
  checkProposal,
  jointRegulatorId,
  nextVersion,
  proposedEffectiveFrom,
  TwoKeyVersion,
} from './two-key';

const proposed: TwoKeyVersion = {
  version: '2026.2',
  title: 't',
  status: 'proposed',
  approvals: {},
  awaiting: ['CQ', 'SC'],
};
const oneKey: TwoKeyVersion = {
  ...proposed,
  status: 'approved-by-one',
  approvals: { SC: { regulator: 'SC-DEE', effectiveFrom: '2026-12-01' } },
  awaiting: ['CQ'],
};
const rules = { today: '2026-11-25', notBeforeToday: true };

describe('a province key, checked before sending', () => {
  it('takes a real day from today on for the first key', () => {
    expect(checkApproval(proposed, 'CQ', '2026-11-25', rules)).toEqual({ effectiveFrom: '2026-11-25' });
    expect(checkApproval(proposed, 'CQ', '2026-11-24', rules).error).toEqual({
      key: 'errors.dateInPast',
      params: { today: '2026-11-25' },
    });
    expect(
      checkApproval(proposed, 'CQ', '2026-11-24', { ...rules, notBeforeToday: false }).effectiveFrom,
    ).toBe('2026-11-24');
    expect(checkApproval(proposed, 'CQ', '2026-02-30', rules).error).toEqual({ key: 'errors.date' });
  });

  it('asks the second key for the first key’s day, and refuses a province turning its key twice', () => {
    expect(checkApproval(oneKey, 'CQ', '2026-12-02', rules).error).toEqual({
      key: 'errors.otherKeyDate',
      params: { date: '2026-12-01' },
    });
    expect(checkApproval(oneKey, 'CQ', '2026-12-01', rules).effectiveFrom).toBe('2026-12-01');
    expect(checkApproval(oneKey, 'SC', '2026-12-01', rules).error).toEqual({ key: 'errors.alreadyApproved' });
    expect(proposedEffectiveFrom(oneKey, '2026-11-25')).toBe('2026-12-01');
    expect(proposedEffectiveFrom(proposed, '2026-11-25')).toBe('2026-11-25');
  });

  it('dates by Beijing time: 16:30 UTC is already the next day there', () => {
    expect(beijingToday(Date.UTC(2026, 10, 24, 16, 30))).toBe('2026-11-25');
    expect(beijingToday(Date.UTC(2026, 10, 24, 15, 59))).toBe('2026-11-24');
  });

  it('names the regulators as the joint services know them', () => {
    expect(jointRegulatorId('CQ')).toBe('CQ-EEB');
    expect(jointRegulatorId('SC')).toBe('SC-DEE');
  });
});

describe('a proposed document, checked by the service’s own schema', () => {
  const pricing = { ...CHENGYU_PRICING_STANDARD_2026_1, version: '2026.2' };

  it('accepts a valid document whose version is free', () => {
    expect(checkProposal(JSON.stringify(pricing), pricingStandardSchema, ['2026.1']).document?.version).toBe(
      '2026.2',
    );
    const agreement = JSON.stringify(CHENGYU_RECOGNITION_2026_1);
    expect(checkProposal(agreement, recognitionAgreementSchema, []).document?.rules).toHaveLength(
      CHENGYU_RECOGNITION_2026_1.rules.length,
    );
  });

  it('lists every issue with its path', () => {
    const broken = {
      ...pricing,
      bands: { ...pricing.bands, POLLUTANT: { ...pricing.bands.POLLUTANT, tickFen: 0 } },
    };
    const checked = checkProposal(JSON.stringify(broken), pricingStandardSchema, []);
    expect(checked.document).toBeUndefined();
    expect(checked.error).toEqual({ key: 'errors.document', params: { count: 1 } });
    expect(checked.issues).toEqual([
      { path: 'bands.POLLUTANT.tickFen', message: expect.stringMatching(/>=1/) },
    ]);
  });

  it('refuses text that is not JSON, and a version already proposed', () => {
    expect(checkProposal('{ version: 1', pricingStandardSchema, []).error?.key).toBe('errors.json');
    expect(checkProposal(JSON.stringify(pricing), pricingStandardSchema, ['2026.2']).error).toEqual({
      key: 'errors.versionExists',
      params: { version: '2026.2' },
    });
  });

  it('proposes the next version number of the year', () => {
    expect(nextVersion([], 2026)).toBe('2026.1');
    expect(nextVersion(['2026.1', '2026.3', '2025.9'], 2026)).toBe('2026.4');
  });
});
