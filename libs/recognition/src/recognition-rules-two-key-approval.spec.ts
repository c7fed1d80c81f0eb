import { parseRecognitionAgreement } from './agreement';
import {
  agreementInForce,
  decideRecognitionRules,
  evolveRecognitionRules,
  initialRecognitionRulesState,
  requireAgreementInForce,
  type RecognitionRulesCommand,
  type RecognitionRulesEvent,
} from './agreement-approval';
import { CHENGYU_RECOGNITION_2026_1 } from './presets';

const doc = CHENGYU_RECOGNITION_2026_1;
function run(commands: readonly RecognitionRulesCommand[]): RecognitionRulesEvent[] {
  let state = initialRecognitionRulesState;
  const log: RecognitionRulesEvent[] = [];
  for (const c of commands) {
    const events = decideRecognitionRules(c, state);
    state = events.reduce(evolveRecognitionRules, state);
    log.push(...events);
  }
  return log;
}
const propose: RecognitionRulesCommand = {
  type: 'ProposeRecognitionRules',
  version: '2026.1',
  document: doc,
  regulator: 'SC-DEE',
};
const approve = (
  jurisdiction: 'CQ' | 'SC',
  regulator = jurisdiction === 'CQ' ? 'CQ-EEB' : 'SC-DEE',
): RecognitionRulesCommand => ({
  type: 'ApproveRecognitionRules',
  jurisdiction,
  version: '2026.1',
  regulator,
  effectiveFrom: '2026-04-01',
});

describe('recognition rules: agreed by both regulators', () => {
  it('approved by Sichuan only → nothing is recognised (RECOGNITION.NO_AGREEMENT)', () => {
    const log = run([propose, approve('SC')]);
    expect(agreementInForce(log, '2026-12-31')).toBeUndefined();
    expect(() => requireAgreementInForce(log, '2026-12-31')).toThrow(
      expect.objectContaining({ code: 'RECOGNITION.NO_AGREEMENT' }),
    );
  });

  it('approved by both → in force from 1 April 2026', () => {
    const log = run([propose, approve('SC'), approve('CQ')]);
    expect(log.at(-1)).toEqual({
      type: 'RecognitionRulesAdopted',
      version: '2026.1',
      effectiveFrom: '2026-04-01',
    });
    expect(agreementInForce(log, '2026-03-31')).toBeUndefined();
    expect(requireAgreementInForce(log, '2026-04-01').rules.map((r) => r.ruleId)).toEqual([
      'SC-CQ-INCLUSION',
      'CQ-SC-INCLUSION',
    ]);
  });

  it('Sichuan approving for Chongqing → RECOGNITION.WRONG_JURISDICTION; twice → RECOGNITION.ALREADY_APPROVED', () => {
    const state = run([propose, approve('SC')]).reduce(evolveRecognitionRules, initialRecognitionRulesState);
    expect(() => decideRecognitionRules(approve('CQ', 'SC-DEE'), state)).toThrow(
      expect.objectContaining({ code: 'RECOGNITION.WRONG_JURISDICTION' }),
    );
    expect(() => decideRecognitionRules(approve('SC'), state)).toThrow(
      expect.objectContaining({ code: 'RECOGNITION.ALREADY_APPROVED' }),
    );
  });

  it('the document is validated with field paths', () => {
    const bad = {
      ...doc,
      rules: [
        { ...doc.rules[0]!, destination: 'SC', conversion: { num: 1, den: 0 } },
        { ...doc.rules[1]!, ruleId: doc.rules[0]!.ruleId, creditKinds: ['CARBON_ALLOWANCE'] },
      ],
    };
    try {
      parseRecognitionAgreement(bad);
      throw new Error('expected RECOGNITION.INVALID_AGREEMENT');
    } catch (e) {
      expect(e).toMatchObject({ code: 'RECOGNITION.INVALID_AGREEMENT' });
      const paths = (e as { details: { issues: { path: string }[] } }).details.issues
        .map((i) => i.path)
        .sort();
      expect(paths).toEqual([
        'rules.0.conversion.den',
        'rules.0.destination',
        'rules.1.creditKinds.0',
        'rules.1.ruleId',
      ]);
    }
    expect(() =>
      parseRecognitionAgreement({ ...doc, rules: [doc.rules[0], { ...doc.rules[0], ruleId: 'X' }] }),
    ).toThrow(/rules\.1\.creditKinds\.0: SC>CQ:TANHUI_TIANFU covered twice/);
  });
});
