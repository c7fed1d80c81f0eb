import { balanceOf } from '@app/ledger';
import { givenRegistry } from '../../shared/registry-fixture';
import type { MsrAdjusted } from '../../shared/registry-records';
import { AdjustMsr } from './adjust-msr.command';
import type { AdjustMsrDto } from './adjust-msr.dto';
import { AdjustMsrHandler } from './adjust-msr.handler';

// The EU MSR scaled down by 100,000: upper 8,330, buffer top 10,960, 24 %, lower 4,000, release 1,000.
// 16,549 in circulation (the 2023 TNAC 1,654,909,824 scaled) → intake 24 % = 3,971.76 → 3,972.
const rules = { upper: 8330, bufferTop: 10_960, intakeRateBp: 2400, lower: 4000, release: 1000 };
const adjust = (commandId: string, year: number) =>
  new AdjustMsr('CQ', { commandId, actor: 'regulator:cq-eco', year, vintage: 2025, rules } as AdjustMsrDto);

describe('AdjustMsr', () => {
  it('takes the intake from the auction account into the reserve when circulation is above the upper threshold', async () => {
    const registry = await givenRegistry('CQ', {
      accounts: ['steel'],
      allowances: [
        { accountId: 'steel', vintage: 2024, quantity: 16_549 },
        { accountId: 'CQ-AUCTION', vintage: 2025, quantity: 5000 },
      ],
    });
    const view = await new AdjustMsrHandler(registry).execute(adjust('msr-2025', 2025));
    expect(view.records[0]).toMatchObject({ circulation: 16_549, intakeDue: 3972, intake: 3972, release: 0 });
    const { ledger } = await registry.load('CQ');
    expect([balanceOf(ledger, 'CQ-AUCTION'), balanceOf(ledger, 'CQ-RESERVE')]).toEqual([1028, 3972]);
    await expect(new AdjustMsrHandler(registry).execute(adjust('msr-2025-bis', 2025))).rejects.toMatchObject({
      code: 'REGISTRY.DUPLICATE_MSR_RUN',
    });
  });

  it('releases from the reserve when circulation falls below the lower threshold, and answers a retry alike', async () => {
    const registry = await givenRegistry('CQ', {
      accounts: ['steel'],
      allowances: [
        { accountId: 'steel', vintage: 2025, quantity: 3000 },
        { accountId: 'CQ-RESERVE', vintage: 2025, quantity: 2500 },
      ],
    });
    const handler = new AdjustMsrHandler(registry);
    const first = await handler.execute(adjust('msr-2026', 2026));
    expect((first.records[0] as MsrAdjusted).release).toBe(1000);
    expect(await handler.execute(adjust('msr-2026', 2026))).toEqual({ ...first, replayed: true });
    const { ledger } = await registry.load('CQ');
    expect([balanceOf(ledger, 'CQ-AUCTION'), balanceOf(ledger, 'CQ-RESERVE')]).toEqual([1000, 1500]);
  });
});
