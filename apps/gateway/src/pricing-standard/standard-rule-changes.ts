import type { InstrumentKind } from '@app/domain';
import { instrumentClassOf, type InstrumentClass, type PricingStandard } from '@app/pricing';
import type { RuleChanges } from '@app/platform';

/** What a standard sets for every instrument of a kind's class: the tick and both bands. */
export function standardRuleChanges(
  doc: PricingStandard,
  kind: InstrumentKind,
): { cls: InstrumentClass; changes: RuleChanges } {
  const cls = instrumentClassOf(kind);
  const band = doc.bands[cls];
  return { cls, changes: { tick: band.tickFen, bandBp: band.listingBandBp, blockBandBp: band.blockBandBp } };
}
