import { decideJointRules, foldJointRules, jointRulesStanding, type JointRulesDocument } from './joint-rules';

const REGULATORS = { 'regulator-cq': 'CQ', 'regulator-sc': 'SC', 'cq-officer-2': 'CQ' } as const;
const AT = Date.parse('2099-01-04T00:00:00+08:00');
const DOC: JointRulesDocument = {
  symbol: 'CCER',
  decisionId: 'ccer-band',
  effectiveFrom: '2099-01-04',
  changes: { bandBp: 500 },
};

const decide = (events: ReturnType<typeof decideJointRules>, regulator: string, doc = DOC) =>
  decideJointRules(foldJointRules(events), doc, regulator, REGULATORS, AT);

describe('a decision on the whole market’s instrument (two keys)', () => {
  it('is proposed by one province’s regulator with its key, not in force', () => {
    const proposed = decide([], 'regulator-cq');
    expect(proposed.map((e) => e.type)).toEqual(['InstrumentRulesProposed', 'InstrumentRulesApproved']);
    expect(proposed[1]).toMatchObject({
      symbol: 'CCER',
      jurisdiction: 'CQ',
      regulator: 'regulator-cq',
      effectiveFrom: '2099-01-04',
    });
    expect(jointRulesStanding(foldJointRules(proposed), 'ccer-band')).toEqual({
      status: 'proposed',
      approvals: { CQ: 'regulator-cq' },
      awaiting: ['SC'],
    });
  });

  it('is adopted by the other province’s key on the same content and day', () => {
    const proposed = decide([], 'regulator-cq');
    const approved = decide(proposed, 'regulator-sc');
    expect(approved.map((e) => e.type)).toEqual(['InstrumentRulesApproved', 'InstrumentRulesAdopted']);
    expect(jointRulesStanding(foldJointRules([...proposed, ...approved]), 'ccer-band')).toEqual({
      status: 'adopted',
      approvals: { CQ: 'regulator-cq', SC: 'regulator-sc' },
      awaiting: [],
    });
  });

  it('takes no effect from the same province twice, even signed by another of its regulators', () => {
    const proposed = decide([], 'regulator-cq');
    expect(decide(proposed, 'regulator-cq')).toEqual([]);
    expect(decide(proposed, 'cq-officer-2')).toEqual([]);
    expect(jointRulesStanding(foldJointRules(proposed), 'ccer-band').status).toBe('proposed');
  });

  it('refuses another content or effective date under the proposed id', () => {
    const proposed = decide([], 'regulator-cq');
    for (const doc of [
      { ...DOC, changes: { bandBp: 400 } },
      { ...DOC, effectiveFrom: '2099-01-05' },
      { ...DOC, reference: 'another note' },
    ])
      expect(() => decide(proposed, 'regulator-sc', doc)).toThrow(
        expect.objectContaining({ code: 'INSTRUMENTS.DECISION_ID_CONFLICT' }),
      );
  });

  it('refuses a regulator of no province', () => {
    expect(() => decide([], 'mayor')).toThrow(
      expect.objectContaining({ code: 'INSTRUMENTS.UNKNOWN_REGULATOR' }),
    );
    expect(() => decide(decide([], 'regulator-sc'), 'mayor')).toThrow(
      expect.objectContaining({ code: 'INSTRUMENTS.UNKNOWN_REGULATOR' }),
    );
  });

  it('keeps each instrument’s decisions apart by id: the SC side may propose first too', () => {
    const bySc = decide([], 'regulator-sc', { ...DOC, decisionId: 'other' });
    const adopted = decide(bySc, 'regulator-cq', { ...DOC, decisionId: 'other' });
    expect(adopted.at(-1)).toMatchObject({ type: 'InstrumentRulesAdopted', version: 'other' });
  });
});
