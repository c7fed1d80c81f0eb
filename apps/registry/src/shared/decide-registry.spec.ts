import type { LedgerCommand } from '@app/ledger';
import { decideRegistry } from './decide-registry';
import { EMPTY_REGISTRY, type LoadedRegistry } from './registry-state';

const ctx = (commandId: string) => ({ jurisdiction: 'CQ' as const, commandId, actor: 'test' });
const open = (commandId: string, accountId: string): LedgerCommand => ({
  type: 'OpenAccount',
  commandId,
  accountId,
  accountType: 'ENTERPRISE_HOLDING',
  jurisdiction: 'CQ',
});
const apply = (loaded: LoadedRegistry, d: ReturnType<typeof decideRegistry>): LoadedRegistry => ({
  version: loaded.version + d.toAppend.length,
  ledger: d.ledger,
  records: d.registryRecords,
});

describe('decideRegistry', () => {
  describe('given an empty registry', () => {
    it('opens the six system accounts before the first command, once', () => {
      const first = decideRegistry(EMPTY_REGISTRY, ctx('a'), () => [open('a', 'steel')]);
      expect(first.toAppend.map((e) => e.commandId)).toEqual([
        'system:open:CQ-GOVERNMENT',
        'system:open:CQ-AUCTION',
        'system:open:CQ-RESERVE',
        'system:open:CQ-SURRENDER',
        'system:open:CQ-CANCELLATION',
        'system:open:CQ-RETIREMENT',
        'a',
      ]);
      expect(first.own.map((e) => e.commandId)).toEqual(['a']);
      const second = decideRegistry(apply(EMPTY_REGISTRY, first), ctx('b'), () => [open('b', 'cement')]);
      expect(second.toAppend.map((e) => e.commandId)).toEqual(['b']);
    });

    it('appends nothing for a rule violation, the system accounts included', () => {
      expect(() =>
        decideRegistry(EMPTY_REGISTRY, ctx('t'), () => [
          {
            type: 'TransferUnits',
            commandId: 't',
            from: 'x',
            to: 'y',
            selection: { by: 'serials', start: 1, end: 1 },
          },
        ]),
      ).toThrow(expect.objectContaining({ code: 'LEDGER.UNKNOWN_ACCOUNT' }));
    });
  });

  describe('given a composite command already applied', () => {
    const composite = (second: string) => () => [open('c:1', 'steel'), open('c:2', second)];
    const applied = () =>
      apply(EMPTY_REGISTRY, decideRegistry(EMPTY_REGISTRY, ctx('c'), composite('cement')));

    it('replays it whole, answering with its first events', () => {
      const again = decideRegistry(applied(), ctx('c'), composite('cement'));
      expect(again.replayed).toBe(true);
      expect(again.toAppend).toEqual([]);
      expect(again.own.map((e) => e.commandId)).toEqual(['c:1', 'c:2']);
    });

    it('refuses a changed body that would apply only in part', () => {
      expect(() => decideRegistry(applied(), ctx('c'), composite('glass'))).toThrow(
        expect.objectContaining({ code: 'REGISTRY.COMMAND_ID_CONFLICT' }),
      );
    });
  });

  describe('records', () => {
    const report = (emissions: number) => () => ({
      records: [
        {
          type: 'EmissionsReported' as const,
          commandId: 'r',
          firmId: 'steel',
          accountId: 'steel',
          complianceYear: 2025,
          emissions,
        },
      ],
    });

    it('are idempotent by command id and refuse another body under it', () => {
      const loaded = apply(EMPTY_REGISTRY, decideRegistry(EMPTY_REGISTRY, ctx('r'), report(5)));
      expect(loaded.records.reports['steel|2025']?.emissions).toBe(5);
      expect(decideRegistry(loaded, ctx('r'), report(5))).toMatchObject({
        replayed: true,
        records: [{ emissions: 5 }],
      });
      expect(() => decideRegistry(loaded, ctx('r'), report(6))).toThrow(
        expect.objectContaining({ code: 'REGISTRY.COMMAND_ID_CONFLICT' }),
      );
    });
  });
});
