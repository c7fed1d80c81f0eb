import { MARKET_MODE_STREAM } from '@app/contracts';
import type { EventStore } from '@app/event-store';
import {
  decideMarketMode,
  evolveMarketMode,
  initialMarketModeState,
  type MarketMode,
  type MarketModeCommand,
  type MarketModeEvent,
} from '@app/recognition';
import { fromStored, toStored } from '../../apps/gateway/src/market-mode/market-mode-log';
import { expectPost } from './recognition';

const KEYS = [
  ['CQ-EEB', 'CQ'],
  ['SC-DEE', 'SC'],
] as const;

const commandsOf = (version: string, mode: MarketMode, effectiveFrom: string): MarketModeCommand[] => [
  { type: 'ProposeMarketMode', regulator: 'CQ-EEB', document: { version, mode } },
  ...KEYS.map(([regulator, jurisdiction]): MarketModeCommand => ({
    type: 'ApproveMarketMode',
    version,
    regulator,
    jurisdiction,
    effectiveFrom,
  })),
];

/**
 * Both regulators adopt `mode` from `effectiveFrom` (two keys) straight on the `market-mode` stream, by the
 * same pure decisions the gateway's endpoints take: for a registry without the gateway, and for effective
 * dates the gateway would refuse as past (tests whose injected clock reads an earlier day).
 */
export async function adoptMarketModeInStore(
  store: EventStore,
  mode: MarketMode = 'recognition-only',
  effectiveFrom = '2026-04-01',
  version = `${mode}-${effectiveFrom}`,
): Promise<void> {
  const stored = await store.readStream(MARKET_MODE_STREAM);
  let state = stored.map(fromStored).reduce(evolveMarketMode, initialMarketModeState);
  const events: MarketModeEvent[] = [];
  for (const command of commandsOf(version, mode, effectiveFrom))
    for (const event of decideMarketMode(state, command)) {
      state = evolveMarketMode(state, event);
      events.push(event);
    }
  await store.append(
    MARKET_MODE_STREAM,
    stored.at(-1)?.streamVersion ?? 'no-stream',
    events.map((e) => ({ ...toStored(e), metadata: { actor: 'test' } })),
  );
}

/** Both regulators adopt `mode` through the gateway's endpoints (two keys), effective `effectiveFrom`. */
export async function adoptMarketModeViaGateway(
  gatewayUrl: string,
  effectiveFrom: string,
  mode: MarketMode = 'recognition-only',
  version = `${mode}-${effectiveFrom}`,
): Promise<void> {
  await expectPost(
    `${gatewayUrl}/market-mode/decisions`,
    { regulator: 'CQ-EEB', document: { version, mode } },
    201,
  );
  for (const [regulator, jurisdiction] of KEYS)
    await expectPost(
      `${gatewayUrl}/market-mode/decisions/${version}/approvals`,
      { regulator, jurisdiction, effectiveFrom },
      201,
    );
}
