import type { EventStore } from '@app/event-store';
import {
  decideMarketMode,
  evolveMarketMode,
  initialMarketModeState,
  type MarketModeCommand,
  type MarketModeState,
} from '@app/recognition';
import type { MarketModeLog } from '../../../../gateway/src/market-mode/market-mode-log';
import { givenRegistry } from '../../shared/registry-fixture';
import { LinkedSurrender } from './linked-surrender';
import { SurrenderUnits } from './surrender-units.command';
import type { SurrenderUnitsDto } from './surrender-units.dto';
import { SurrenderUnitsHandler } from './surrender-units.handler';

const NOW = Date.parse('2026-11-25T10:00:00+08:00');

function modeState(commands: MarketModeCommand[]): MarketModeState {
  let state = initialMarketModeState;
  for (const c of commands) for (const e of decideMarketMode(state, c)) state = evolveMarketMode(state, e);
  return state;
}
const linkedAt = (ratio: { CQ: number; SC: number }, keys: ('CQ' | 'SC')[] = ['CQ', 'SC']) =>
  modeState([
    {
      type: 'ProposeMarketMode',
      regulator: 'CQ-EEB',
      document: { version: 'l', mode: 'linked', exchangeRatio: ratio },
    },
    ...keys.map((j): MarketModeCommand => ({
      type: 'ApproveMarketMode',
      jurisdiction: j,
      version: 'l',
      regulator: j === 'CQ' ? 'CQ-EEB' : 'SC-DEE',
      effectiveFrom: '2026-11-25',
    })),
  ]);

const body = (extra: Partial<SurrenderUnitsDto> = {}) =>
  ({
    commandId: 's1',
    actor: 'firm:cq-steel',
    from: 'cq-steel',
    quantity: 300,
    kind: 'CARBON_ALLOWANCE',
    vintage: 2025,
    complianceYear: 2025,
    issuedBy: 'SC',
    ...extra,
  }) as SurrenderUnitsDto;

async function setup(state: MarketModeState) {
  const registry = await givenRegistry('SC', {
    accounts: ['cq-steel'],
    allowances: [{ accountId: 'cq-steel', vintage: 2025, quantity: 1000 }],
  });
  const before = registry.appended.length;
  const modes = { read: () => Promise.resolve({ state, version: 1 }) } as unknown as MarketModeLog;
  const store = {} as EventStore;
  const handler = new SurrenderUnitsHandler(
    registry,
    new LinkedSurrender(registry, store, modes, { now: () => NOW }),
  );
  return { handler, nothingMoved: () => expect(registry.appended.length).toBe(before) };
}

describe('surrendering the other province’s allowances', () => {
  it.each([
    ['before any decision', initialMarketModeState],
    ['with one key only', linkedAt({ CQ: 1, SC: 1 }, ['CQ'])],
  ])('is refused %s: MARKET.NOT_LINKED naming issuedBy, nothing moves', async (_, state) => {
    const { handler, nothingMoved } = await setup(state);
    await expect(handler.execute(new SurrenderUnits('CQ', body()))).rejects.toMatchObject({
      code: 'MARKET.NOT_LINKED',
      details: { field: 'issuedBy', mode: 'separate' },
    });
    nothingMoved();
  });

  it.each([
    [{ kind: 'CCER' }, 'MARKET.ALLOWANCES_ONLY', 'kind'],
    [{ vintage: undefined }, 'MARKET.VINTAGE_REQUIRED', 'vintage'],
    [{ quantity: undefined, serialStart: 1, serialEnd: 5 }, 'MARKET.ALLOWANCES_ONLY', 'kind'],
  ] as const)('refuses %o with %s', async (extra, code, field) => {
    const { handler, nothingMoved } = await setup(linkedAt({ CQ: 1, SC: 1 }));
    await expect(
      handler.execute(new SurrenderUnits('CQ', body(extra as Partial<SurrenderUnitsDto>))),
    ).rejects.toMatchObject({
      code,
      details: { field },
    });
    nothingMoved();
  });

  it('refuses a quantity that is not whole at the exchange ratio (10 SC = 9 CQ)', async () => {
    const { handler, nothingMoved } = await setup(linkedAt({ CQ: 9, SC: 10 }));
    await expect(handler.execute(new SurrenderUnits('CQ', body({ quantity: 305 })))).rejects.toMatchObject({
      code: 'MARKET.OFF_RATIO',
    });
    nothingMoved();
  });

  it('leaves a surrender of the registry’s own allowances as it was', async () => {
    const { handler } = await setup(initialMarketModeState);
    const own = await handler.execute(new SurrenderUnits('SC', body({ issuedBy: 'SC' })));
    expect(own).toMatchObject({ jurisdiction: 'SC', quantity: 300 });
  });
});
