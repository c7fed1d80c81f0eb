import { balanceOf, type LedgerState } from '@app/ledger';
import {
  custodyAccountId,
  hasCustodyRegistry,
  registryUnitsOf,
} from '../../../../exchange/src/custody/instrument-units';
import type { InstrumentKind } from '@app/domain';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';

export interface CustodyLine {
  instrument: string;
  kind: InstrumentKind;
  vintage?: number;
  /** Units in `{j}-EXCHANGE` of the instrument's kind (and vintage). */
  registry: number;
  /** Members' exchange holdings of the instrument, available + reserved. */
  exchange: number;
  /** Moved into custody, exchange credit not yet applied (outbox message not yet consumed). */
  depositsInFlight: number;
  /** Debited on the exchange, registry move from custody not yet made. */
  withdrawalsInFlight: number;
  /** registry − exchange − depositsInFlight + withdrawalsInFlight: 0 when consistent. */
  difference: number;
}

export interface ExchangeSide {
  holdings: ReadonlyMap<string, number>;
  depositsInFlight: ReadonlyMap<string, number>;
  withdrawalsInFlight: ReadonlyMap<string, number>;
}

interface InstrumentFields {
  readonly symbol: string;
  readonly jurisdiction: string;
  readonly kind: InstrumentKind;
  readonly vintage?: number;
}

/** Per instrument of the registry: both sides of custody and any difference. */
export function reconcileCustody(
  jurisdiction: RegistryJurisdiction,
  ledger: LedgerState,
  instruments: readonly InstrumentFields[],
  exchange: ExchangeSide,
): CustodyLine[] {
  return instruments
    .filter((i) => hasCustodyRegistry(i) && i.jurisdiction === jurisdiction)
    .map((i) => {
      const units = registryUnitsOf(i);
      const registry = balanceOf(ledger, custodyAccountId(jurisdiction), units);
      const held = exchange.holdings.get(i.symbol) ?? 0;
      const depositsInFlight = exchange.depositsInFlight.get(i.symbol) ?? 0;
      const withdrawalsInFlight = exchange.withdrawalsInFlight.get(i.symbol) ?? 0;
      return {
        instrument: i.symbol,
        kind: units.kind,
        ...(units.vintage !== undefined ? { vintage: units.vintage } : {}),
        registry,
        exchange: held,
        depositsInFlight,
        withdrawalsInFlight,
        difference: registry - held - depositsInFlight + withdrawalsInFlight,
      };
    });
}
