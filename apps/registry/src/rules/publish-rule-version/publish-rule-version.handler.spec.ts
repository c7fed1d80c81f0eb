import { AllocateUnits } from '../../allocation/allocate-units/allocate-units.command';
import type { AllocateUnitsDto } from '../../allocation/allocate-units/allocate-units.dto';
import { AllocateUnitsHandler } from '../../allocation/allocate-units/allocate-units.handler';
import { givenRegistry } from '../../shared/registry-fixture';
import { PublishRuleVersion } from './publish-rule-version.command';
import type { PublishRuleVersionDto } from './publish-rule-version.dto';
import { PublishRuleVersionHandler } from './publish-rule-version.handler';

const rules = {
  cap: 1000,
  auctionShareBp: 1000,
  newEntrantReserveBp: 0,
  governmentReserveBp: 500,
  entitlementRounding: 'half-up',
  scaling: 'largest-remainder',
};
const publish = (
  ruleVersionId: string,
  validFrom: string,
  validTo: string,
  over: Partial<PublishRuleVersionDto> = {},
) =>
  new PublishRuleVersion('CQ', {
    commandId: `publish-${ruleVersionId}`,
    actor: 'regulator:cq-eco-director',
    ruleVersionId,
    validFrom,
    validTo,
    rules,
    ...over,
  } as PublishRuleVersionDto);

describe('PublishRuleVersion', () => {
  describe('given the 2025 carbon rules in force', () => {
    const setup = async () => {
      const registry = await givenRegistry('CQ', { accounts: ['steel'] });
      const handler = new PublishRuleVersionHandler(registry);
      await handler.execute(publish('CA-2025', '2025-01-01', '2025-12-31'));
      return { registry, handler };
    };

    it('refuses a version overlapping its dates, naming the field and the other version', async () => {
      const { registry, handler } = await setup();
      await expect(handler.execute(publish('CA-2025b', '2025-06-01', '2026-06-30'))).rejects.toMatchObject({
        code: 'REGISTRY.RULE_VERSION_CONFLICT',
        details: { field: 'validFrom', overlaps: 'CA-2025' },
      });
      await expect(handler.execute(publish('CA-2024', '2024-01-01', '2025-01-01'))).rejects.toMatchObject({
        code: 'REGISTRY.RULE_VERSION_CONFLICT',
      });
      expect(Object.keys((await registry.load('CQ')).records.ruleVersions)).toEqual(['CA-2025']);
    });

    it('accepts the next adjacent year and an overlapping version of another right; refuses reversed dates', async () => {
      const { registry, handler } = await setup();
      await handler.execute(publish('CA-2026', '2026-01-01', '2026-12-31'));
      await handler.execute(publish('SO2-2025', '2025-01-01', '2029-12-31', { kind: 'POLLUTANT_SO2' }));
      await expect(handler.execute(publish('CA-2027', '2027-12-31', '2027-01-01'))).rejects.toMatchObject({
        code: 'REGISTRY.BAD_RULE_VERSION',
        details: { field: 'validTo' },
      });
      const { records } = await registry.load('CQ');
      expect(Object.keys(records.ruleVersions).sort()).toEqual(['CA-2025', 'CA-2026', 'SO2-2025']);
      expect(records.ruleVersions['CA-2026']?.regulator).toBe('regulator:cq-eco-director');
      expect(
        registry.appended.filter((a) => a.types.includes('RuleVersionPublished')).map((a) => a.actor),
      ).toEqual(['regulator:cq-eco-director', 'regulator:cq-eco-director', 'regulator:cq-eco-director']);
    });

    it('allocates from a published version, only for vintages of the years it is in force', async () => {
      const { registry } = await setup();
      const allocate = (commandId: string, vintage: number) =>
        new AllocateUnitsHandler(registry).execute(
          new AllocateUnits('CQ', {
            commandId,
            actor: 'regulator:cq-eco',
            vintage,
            ruleVersionId: 'CA-2025',
            firms: [{ firmId: 'steel', method: 'fixed', quantity: 600 }],
          } as AllocateUnitsDto),
        );
      expect((await allocate('alloc-2025', 2025)).preview).toMatchObject({
        cap: 1000,
        auction: 100,
        freePool: 850,
      });
      await expect(allocate('alloc-2026', 2026)).rejects.toMatchObject({
        code: 'REGISTRY.BAD_RULE_VERSION',
        details: { field: 'vintage' },
      });
    });
  });
});
