import { DomainError } from '@app/domain';
import { InstrumentCatalogue, type InstrumentDefinition } from '@app/platform';
import { createTestDatabase, TestDatabase } from '@app/platform/testing';
import type { FreeAllocations } from '../../accounts/free-allocations';
import { ALL_MIGRATIONS } from '../../gateway.app';
import { LargeHoldersController } from './large-holders.controller';

describe('large-holder list over the clearing holdings (PostgreSQL)', () => {
  let db: TestDatabase;
  let controller: LargeHoldersController;

  beforeAll(async () => {
    db = await createTestDatabase({ migrations: ALL_MIGRATIONS });
    // steel was allocated 800,000 CQEA-2025 free; nobody else was allocated anything.
    const allocations = {
      freeAllocationOf: (member: string, instrument: InstrumentDefinition) =>
        member === 'steel' && instrument.symbol === 'CQEA-2025' ? 800_000 : 0,
    } as unknown as FreeAllocations;
    controller = new LargeHoldersController(db.dataSource, InstrumentCatalogue.load(), allocations);
    await db.dataSource.query(`
      INSERT INTO clearing_members (member_id, name, jurisdiction) VALUES
        ('steel', 'Steel', 'CQ'), ('fund', 'Fund', 'CQ'), ('cement', 'Cement', 'SC');
      INSERT INTO clearing_holdings (member_id, instrument, available, reserved, incoming) VALUES
        ('steel', 'CQEA-2025', 1000000, 300000, 0),
        ('fund', 'CQEA-2025', 450000, 100000, 900000),
        ('fund', 'CQEA-2024', 499999, 0, 0),
        ('cement', 'SCEA-2025', 20, 0, 0);`);
  });
  afterAll(() => db?.drop());

  it('lists the holders at or over their free allocation plus 500,000 units, counting units reserved for sale', async () => {
    expect(await controller.list({})).toEqual([
      {
        member: 'fund',
        instrument: 'CQEA-2025',
        held: 550_000,
        freeAllocation: 0,
        threshold: 500_000,
        excess: 50_000,
      },
      {
        member: 'steel',
        instrument: 'CQEA-2025',
        held: 1_300_000,
        freeAllocation: 800_000,
        threshold: 1_300_000,
        excess: 0,
      },
    ]);
  });

  it('takes another threshold and one instrument', async () => {
    expect((await controller.list({ threshold: 10 })).map((h) => `${h.member} ${h.instrument}`)).toEqual([
      'fund CQEA-2024',
      'fund CQEA-2025',
      'steel CQEA-2025',
      'cement SCEA-2025',
    ]);
    expect((await controller.list({ instrument: 'CQEA-2024', threshold: 10 })).map((h) => h.member)).toEqual([
      'fund',
    ]);
  });

  it('refuses an unknown instrument, naming the field', async () => {
    await expect(controller.list({ instrument: 'NOPE' })).rejects.toEqual(
      expect.objectContaining({ code: 'EXCHANGE.UNKNOWN_INSTRUMENT', details: { field: 'instrument' } }),
    );
    await expect(controller.list({ instrument: 'NOPE' })).rejects.toBeInstanceOf(DomainError);
  });
});
