import { mulberry32, type Prng, seedFromString } from '@app/domain';
import { normaliseMac } from '@app/agents';
import type { Drawn, ScenarioFile } from './schema';
import type { FirmSpec, Scenario, SpeculatorSpec } from './model';

const draw = (d: Drawn, prng: Prng): number =>
  typeof d === 'number' ? d : d.min + prng.nextInt(d.max - d.min + 1);

/**
 * Turns a validated file into the runner's model. Generated firms are drawn from a PRNG seeded by
 * the scenario seed (a stream separate from trading): emissions once per firm and used for every
 * year; maxAbatementBp is a share of the first year's emissions (floor rounding).
 */
export function expandScenario(file: ScenarioFile): Scenario {
  const prng = mulberry32(seedFromString(`generate:${file.seed}`));
  const firms: FirmSpec[] = file.enterprises.map((e) => ({
    id: e.id,
    jurisdiction: e.jurisdiction,
    sector: e.sector ?? '',
    emissions: e.emissions,
    allocation: e.allocation,
    mac: normaliseMac(e.mac),
    agent: e.agent,
    credits: e.credits,
  }));
  for (const g of file.generate) {
    const width = String(g.count).length;
    for (let i = 1; i <= g.count; i++) {
      const emissions = draw(g.emissions, prng);
      const maxAbatement =
        g.mac.maxAbatement !== undefined
          ? draw(g.mac.maxAbatement, prng)
          : Math.floor((emissions * draw(g.mac.maxAbatementBp ?? 0, prng)) / 10_000);
      const priceAtMax = Math.max(1, draw(g.mac.priceAtMax, prng));
      const perYear: Record<string, number> = {};
      for (const y of file.years) perYear[String(y)] = emissions;
      // Drawn only when asked for, so files without credits draw exactly the firms they always did.
      const creditBp = g.credits ? draw(g.credits.bpOfEmissions, prng) : 0;
      const credits = g.credits
        ? [
            {
              issuer: g.jurisdiction,
              projectType: g.credits.projectType,
              quantity: Object.fromEntries(
                file.years.map((y) => [String(y), Math.floor((emissions * creditBp) / 10_000)]),
              ),
            },
          ]
        : [];
      firms.push({
        id: `${g.prefix}${String(i).padStart(Math.max(3, width), '0')}`,
        jurisdiction: g.jurisdiction,
        sector: g.sector ?? '',
        emissions: perYear,
        mac: { type: 'linear', maxAbatement: Math.min(maxAbatement, emissions), priceAtMax },
        agent: g.agent,
        credits,
      });
    }
  }
  const speculators: SpeculatorSpec[] = file.traders.flatMap((g) =>
    Array.from({ length: g.count }, (_, i) => ({
      id: `${g.prefix}${String(i + 1).padStart(3, '0')}`,
      kind: g.kind,
      jurisdiction: g.jurisdiction,
      maxQty: g.maxQty,
      rangeBp: g.rangeBp,
      spreadBp: g.spreadBp,
    })),
  );
  return {
    name: file.name,
    seed: file.seed,
    years: file.years,
    tradingDaysPerYear: file.tradingDaysPerYear,
    linkage: file.linkage,
    market: file.market,
    jurisdictions: file.jurisdictions,
    firms,
    speculators,
    source: file,
  };
}
