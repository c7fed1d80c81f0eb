import {
  ClearingLedger,
  depositUnits,
  refuseUnitWithdrawal,
  registerMember,
  reserveForOrder,
  withdrawUnits,
} from './index';

const CQEA = 'CQEA-2025';

describe('withdrawUnits', () => {
  describe('given a member with 1,000 units, 400 of them reserved by a sell', () => {
    const given = () => {
      const l = new ClearingLedger();
      l.apply(registerMember(l, { member: 'steel', name: 'Steel Co', jurisdiction: 'CQ' }));
      l.apply(depositUnits(l, 'steel', CQEA, 1_000, 'custody:CQ:dep-1'));
      l.apply(
        reserveForOrder(l, {
          orderId: 's1',
          member: 'steel',
          instrument: CQEA,
          side: 'sell',
          price: 3600,
          qty: 400,
          bandHigh: 3960,
          feeBp: 10,
        }),
      );
      return l;
    };

    it('takes out available units only', () => {
      const l = given();
      l.apply(withdrawUnits(l, 'steel', CQEA, 600, 'w-1'));
      expect(l.member('steel')?.holdings.get(CQEA)).toMatchObject({ available: 0, reserved: 400 });
    });

    it('refuses more than is available (reserved units stay on the exchange), naming qty', () => {
      expect(() => withdrawUnits(given(), 'steel', CQEA, 601, 'w-1')).toThrow(
        expect.objectContaining({
          code: 'CLEARING.INSUFFICIENT_UNITS',
          details: { field: 'qty', available: 600 },
        }),
      );
    });

    it('a withdrawal the registry refused comes back to the available units, with the reason', () => {
      const l = given();
      l.apply(withdrawUnits(l, 'steel', CQEA, 600, 'w-1'));
      const back = refuseUnitWithdrawal(
        l,
        { member: 'steel', instrument: CQEA, qty: 600, reference: 'w-1' },
        'LEDGER.INSUFFICIENT_UNITS: CQ-EXCHANGE holds 0 unlocked of 600',
      );
      expect(back).toEqual([
        {
          type: 'UnitsWithdrawalRefused',
          data: {
            member: 'steel',
            instrument: CQEA,
            qty: 600,
            reference: 'w-1',
            reason: 'LEDGER.INSUFFICIENT_UNITS: CQ-EXCHANGE holds 0 unlocked of 600',
          },
        },
      ]);
      l.apply(back);
      expect(l.member('steel')?.holdings.get(CQEA)).toMatchObject({ available: 600, reserved: 400 });
    });

    it('refuses a non-positive quantity and an unknown member', () => {
      expect(() => withdrawUnits(given(), 'steel', CQEA, 0, 'w-1')).toThrow(
        expect.objectContaining({ details: expect.objectContaining({ field: 'qty' }) }),
      );
      expect(() => withdrawUnits(given(), 'nobody', CQEA, 1, 'w-1')).toThrow(
        expect.objectContaining({ code: 'CLEARING.UNKNOWN_MEMBER' }),
      );
    });
  });
});
