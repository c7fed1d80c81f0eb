import { serialNumberOf } from './serial-text';

describe('serial text', () => {
  it.each([
    ['CQ-CARBON_ALLOWANCE-2025-000000000001', 1],
    ['CQ-CQCER-2024-CQ-FOR-001-000000001001', 1001],
    ['SC-TANHUI_TIANFU-2024-SC-PV-7-000000000042', 42],
  ])('reads the serial number at the end of %s', (text, n) => {
    expect(serialNumberOf(text)).toBe(n);
  });

  it.each(['42', 'cq-carbon-2025-1', 'CQ-CARBON_ALLOWANCE-25-1', 'CQ-CARBON_ALLOWANCE-2025-000000000000'])(
    'refuses %s with REGISTRY.BAD_SERIAL naming the field',
    (text) => {
      expect(() => serialNumberOf(text)).toThrow(
        expect.objectContaining({ code: 'REGISTRY.BAD_SERIAL', details: { field: 'serial' } }),
      );
    },
  );
});
