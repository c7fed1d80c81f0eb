import { recognisedOffsetRoom } from './offset-limits';
import { OFFSET_LIMITS } from './presets';

// room = min(offset limit − offsets used, local-share room, allocation cap − recognised used)
describe('room for recognised credits as compliance offsets', () => {
  const cq = OFFSET_LIMITS.CQ;

  it('Chongqing, verified 100,000 t, allocation 90,000, 3,000 local used: min(8,000 − 3,000, 3,000, 2,250) = 2,250', () => {
    const r = recognisedOffsetRoom(cq, {
      verifiedEmissions: 100_000,
      unitsDue: 100_000,
      allocation: 90_000,
      localOffsetsUsed: 3_000,
      recognisedOffsetsUsed: 0,
    });
    expect(r).toEqual({ room: 2_250, limits: { offset: 8_000, localShare: 3_000, allocation: 2_250 } });
  });

  it('the local-share minimum binds: 1,000 local used, 600 recognised already → 400 more', () => {
    const r = recognisedOffsetRoom(cq, {
      verifiedEmissions: 100_000,
      unitsDue: 100_000,
      allocation: 900_000,
      localOffsetsUsed: 1_000,
      recognisedOffsetsUsed: 600,
    });
    expect(r.room).toBe(400);
  });

  it('Sichuan counts 5 % of units due: 20,000 due, 900 local, 0 recognised → min(100, 900, ∞) = 100', () => {
    const r = recognisedOffsetRoom(
      { ...OFFSET_LIMITS.SC, recognisedMaxOfAllocationBp: undefined },
      {
        verifiedEmissions: 50_000,
        unitsDue: 20_000,
        allocation: 0,
        localOffsetsUsed: 900,
        recognisedOffsetsUsed: 0,
      },
    );
    expect(r.room).toBe(100);
  });

  it('never negative, and rejects a negative position', () => {
    const full = {
      verifiedEmissions: 1_000,
      unitsDue: 1_000,
      allocation: 0,
      localOffsetsUsed: 80,
      recognisedOffsetsUsed: 50,
    };
    expect(recognisedOffsetRoom(cq, full).room).toBe(0);
    expect(() => recognisedOffsetRoom(cq, { ...full, localOffsetsUsed: -1 })).toThrow(
      expect.objectContaining({ code: 'RECOGNITION.BAD_PARAMETER' }),
    );
  });
});
