import { demandAt, newTrader, offsetsAt, requiredAbatement } from './trader';

describe('a firm with offset credits (limit: a share of verified emissions)', () => {
  // a(p) = 5p tonnes; 100,000 t emissions, 80,000 allowances, 10,000 credits, limit 8 % of verified.
  const t = newTrader(
    'cq-1',
    0,
    'mac-trader',
    { type: 'linear', maxAbatement: 50_000, priceAtMax: 10_000 },
    5_000,
  );
  t.emissions = 100_000;
  t.holdings = 80_000;
  t.offsets = 10_000;
  t.offsetLimitBp = 800;

  it('counts its credits up to the limit of what it would verify', () => {
    expect(offsetsAt(t, 100_000)).toBe(8_000);
    expect(offsetsAt(t, 200_000)).toBe(10_000);
    expect(requiredAbatement(t)).toBe(12_000);
  });

  it('plans its demand with the limit shrinking as it abates', () => {
    // At 2,000 fen it abates 10,000 t: verifies 90,000, offsets 7,200, buys 90,000 − 80,000 − 7,200.
    expect(demandAt(t, 2_000, 1_000_000)).toBe(2_800);
  });

  it('without credits plans exactly as before', () => {
    const plain = { ...t, offsets: 0 };
    expect(offsetsAt(plain, 100_000)).toBe(0);
    expect(demandAt(plain, 2_000, 1_000_000)).toBe(10_000);
  });
});
