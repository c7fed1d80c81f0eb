import type { Principal } from '@app/domain';
import { actorRefusal, fillMissingActor } from './body-actor';

const cq: Principal = { role: 'regulator', id: 'regulator-cq', province: 'CQ' };
const firm: Principal = {
  role: 'enterprise',
  id: 'cq-steel',
  memberId: 'cq-steel',
  accountIds: ['cq-steel'],
};

describe("a command's actor", () => {
  it('passes when left out or naming the signed-in principal (a regulator: also its province’s body)', () => {
    for (const body of [{}, { actor: 'regulator-cq' }, { actor: 'CQ-EEB' }, undefined, [], { actor: 7 }])
      expect(actorRefusal(body, cq)).toBeUndefined();
    expect(actorRefusal({ actor: 'cq-steel' }, firm)).toBeUndefined();
  });

  it('is refused (403, naming both) when it names anyone else', () => {
    expect(actorRefusal({ actor: 'regulator-sc' }, cq)).toEqual({
      allowed: false,
      status: 403,
      reason: 'actor: signed in as regulator-cq, the body names regulator-sc; leave it out or name yourself',
    });
    expect(actorRefusal({ actor: 'SC-DEE' }, cq)).toMatchObject({ status: 403 });
    // Only a regulator may name its province's body.
    expect(actorRefusal({ actor: 'CQ-EEB' }, firm)).toMatchObject({ status: 403 });
    expect(actorRefusal({ actor: 'sc-power' }, firm)).toMatchObject({ status: 403 });
  });

  it('is filled in where no principal is enforced, when missing only', () => {
    const missing: Record<string, unknown> = { commandId: 'c' };
    fillMissingActor(missing, 'anonymous');
    expect(missing.actor).toBe('anonymous');
    const given = { actor: 'ops' };
    fillMissingActor(given, 'anonymous');
    expect(given.actor).toBe('ops');
  });
});
