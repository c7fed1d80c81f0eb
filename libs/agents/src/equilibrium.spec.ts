import { abatementAt, abatementCost, marginalCost } from './mac';
import { solveEquilibrium } from './equilibrium';

describe('linear MAC', () => {
  const mac = { type: 'linear', maxAbatement: 300_000, priceAtMax: 20_000 } as const;
  it('abates every tonne cheaper than the price (floor)', () => {
    expect(abatementAt(mac, 5_000)).toBe(75_000);
    expect(abatementAt(mac, 30_000)).toBe(300_000);
    expect(marginalCost(mac, 75_000)).toBe(5_000);
  });
  it('costs the integral of the MAC, half-up', () => {
    // 20000 × 75000² / (2 × 300000) = 187,500,000 fen
    expect(abatementCost(mac, 75_000)).toBe(187_500_000);
    expect(abatementCost(mac, 1)).toBe(0); // 0.0333 fen rounds to 0
  });
});

describe('least-cost benchmark', () => {
  it('two linear firms: the price equalises marginal costs (worked case)', () => {
    // A: MAC = 100 q / 1000 → a(p) = 10 p; B: MAC = 300 q / 1000 → a(p) = 10p/3. Shortage 400 → p = 30.
    const firms = [
      { emissions: 1000, mac: { type: 'linear', maxAbatement: 1000, priceAtMax: 100 } as const },
      { emissions: 1000, mac: { type: 'linear', maxAbatement: 1000, priceAtMax: 300 } as const },
    ];
    const eq = solveEquilibrium(firms, 1600);
    expect(eq.equilibriumPrice).toBe(30);
    // A abates 300 (cost 100·300²/2000 = 4500), B abates 100 (300·100²/2000 = 1500)
    expect(eq.minAbatementCostFen).toBe(6000);
  });
  it('offsets count as cover, and a limit on verified emissions shrinks as the firm abates (worked case)', () => {
    // a(p) = p; offsets = min(500 credits, floor(5 % × (10,000 − a))); shortage 1,000.
    // a = 527: verified 9,473, offsets 473, cover 1,000; a = 526: 526 + 473 = 999 < 1,000.
    const mac = { type: 'linear', maxAbatement: 1000, priceAtMax: 1000 } as const;
    const offsetsAt = (v: number) => Math.min(500, Math.floor((v * 500) / 10_000));
    const eq = solveEquilibrium([{ emissions: 10_000, mac, offsetsAt }], 9_000);
    expect(eq.equilibriumPrice).toBe(527);
    expect(eq.minAbatementCostFen).toBe(abatementCost(mac, 527));
    expect(solveEquilibrium([{ emissions: 10_000, mac }], 9_000).equilibriumPrice).toBe(1000);
  });
  it('steps: cheapest blocks first', () => {
    const firms = [
      {
        emissions: 500,
        mac: {
          type: 'steps',
          steps: [
            { tonnes: 100, price: 30 },
            { tonnes: 100, price: 80 },
          ],
        } as const,
      },
      { emissions: 500, mac: { type: 'steps', steps: [{ tonnes: 50, price: 50 }] } as const },
    ];
    const eq = solveEquilibrium(firms, 820); // shortage 180 = 100@30 + 50@50 + 30@80
    expect(eq.equilibriumPrice).toBe(80);
    expect(eq.minAbatementCostFen).toBe(3000 + 2500 + 2400);
  });
  it('no shortage: price 0, cost 0', () => {
    const firms = [{ emissions: 10, mac: { type: 'linear', maxAbatement: 5, priceAtMax: 100 } as const }];
    expect(solveEquilibrium(firms, 20)).toMatchObject({ equilibriumPrice: 0, minAbatementCostFen: 0 });
  });
  it('infeasible shortage: everyone abates fully', () => {
    const firms = [{ emissions: 10, mac: { type: 'linear', maxAbatement: 5, priceAtMax: 100 } as const }];
    expect(solveEquilibrium(firms, 0)).toMatchObject({
      equilibriumPrice: 100,
      infeasible: true,
      minAbatementCostFen: 250,
    });
  });
});
