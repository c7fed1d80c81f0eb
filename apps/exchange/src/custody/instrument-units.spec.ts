import { hasCustodyRegistry, registryUnitsOf } from './instrument-units';

describe('registryUnitsOf', () => {
  it('maps a provincial allowance to its registry, kind and vintage', () => {
    expect(
      registryUnitsOf({ symbol: 'CQEA-2025', jurisdiction: 'CQ', kind: 'CARBON_ALLOWANCE', vintage: 2025 }),
    ).toEqual({ jurisdiction: 'CQ', kind: 'CARBON_ALLOWANCE', vintage: 2025 });
  });

  it('maps an instrument without a vintage to every vintage of its kind', () => {
    expect(registryUnitsOf({ symbol: 'SCTHTF', jurisdiction: 'SC', kind: 'TANHUI_TIANFU' })).toEqual({
      jurisdiction: 'SC',
      kind: 'TANHUI_TIANFU',
    });
  });

  it('refuses CCER, whose national registry this system does not keep, naming the instrument', () => {
    const ccer = { symbol: 'CCER', jurisdiction: 'NATIONAL', kind: 'CCER' } as const;
    expect(hasCustodyRegistry(ccer)).toBe(false);
    expect(() => registryUnitsOf(ccer)).toThrow(
      expect.objectContaining({ code: 'CUSTODY.NO_REGISTRY', details: { field: 'instrument' } }),
    );
  });
});
