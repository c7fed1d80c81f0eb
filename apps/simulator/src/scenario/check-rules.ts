import type { ScenarioFile } from './schema';
import type { RawProblem } from './scenario-error';

/** Cross-field rules zod cannot express; each problem points at the offending field. */
export function checkRules(s: ScenarioFile): RawProblem[] {
  const out: RawProblem[] = [];
  const seenYears = new Set<number>();
  s.years.forEach((y, i) => {
    if (seenYears.has(y) || (i > 0 && y <= (s.years[i - 1] as number))) {
      out.push({ path: ['years', i], message: 'years must be distinct and in increasing order' });
    }
    seenYears.add(y);
  });
  const m = s.market;
  if (m.penaltyRule === 'national-2024' && (m.penaltyMultiplier < 5 || m.penaltyMultiplier > 10))
    out.push({
      path: ['market', 'penaltyMultiplier'],
      message: 'must be 5–10 with penaltyRule national-2024',
    });
  if (m.penaltyRule === 'eu-fixed' && m.penaltyFinePerTonneFen === undefined)
    out.push({ path: ['market', 'penaltyFinePerTonneFen'], message: 'required with penaltyRule eu-fixed' });
  const firmsPer = new Map<string, number>();
  const jIds = new Set<string>();
  s.jurisdictions.forEach((j, i) => {
    if (jIds.has(j.id))
      out.push({ path: ['jurisdictions', i, 'id'], message: `duplicate jurisdiction ${j.id}` });
    if (j.id === 'JOINT')
      out.push({ path: ['jurisdictions', i, 'id'], message: 'JOINT is reserved for the linked market' });
    jIds.add(j.id);
    firmsPer.set(j.id, 0);
    for (const y of s.years) {
      if (j.cap[String(y)] === undefined)
        out.push({ path: ['jurisdictions', i, 'cap'], message: `no cap for year ${y}` });
    }
  });
  const firmIds = new Set<string>();
  s.enterprises.forEach((e, i) => {
    if (firmIds.has(e.id))
      out.push({ path: ['enterprises', i, 'id'], message: `duplicate enterprise id ${e.id}` });
    firmIds.add(e.id);
    if (!jIds.has(e.jurisdiction)) {
      out.push({
        path: ['enterprises', i, 'jurisdiction'],
        message: `unknown jurisdiction ${e.jurisdiction}`,
      });
    } else firmsPer.set(e.jurisdiction, (firmsPer.get(e.jurisdiction) ?? 0) + 1);
    for (const y of s.years) {
      if (e.emissions[String(y)] === undefined)
        out.push({ path: ['enterprises', i, 'emissions'], message: `no emissions for year ${y}` });
      if (e.allocation && e.allocation[String(y)] === undefined) {
        out.push({ path: ['enterprises', i, 'allocation'], message: `no allocation for year ${y}` });
      }
    }
    if (e.mac.type === 'linear' && e.mac.maxAbatement === 0) {
      out.push({ path: ['enterprises', i, 'mac', 'maxAbatement'], message: 'must be > 0 for a linear MAC' });
    }
    e.credits.forEach((c, k) => {
      if (!jIds.has(c.issuer))
        out.push({
          path: ['enterprises', i, 'credits', k, 'issuer'],
          message: `unknown jurisdiction ${c.issuer}`,
        });
    });
  });
  s.generate.forEach((g, i) => {
    const width = Math.max(3, String(g.count).length);
    for (let k = 1; k <= g.count; k++) {
      const id = `${g.prefix}${String(k).padStart(width, '0')}`;
      if (firmIds.has(id)) {
        out.push({ path: ['generate', i, 'prefix'], message: `generated id ${id} is already used` });
        break;
      }
      firmIds.add(id);
    }
    if (!jIds.has(g.jurisdiction)) {
      out.push({ path: ['generate', i, 'jurisdiction'], message: `unknown jurisdiction ${g.jurisdiction}` });
    } else firmsPer.set(g.jurisdiction, (firmsPer.get(g.jurisdiction) ?? 0) + g.count);
    const m = g.mac;
    if ((m.maxAbatement === undefined) === (m.maxAbatementBp === undefined)) {
      out.push({
        path: ['generate', i, 'mac'],
        message: 'give exactly one of maxAbatement or maxAbatementBp',
      });
    }
    for (const [k, d] of [
      ['emissions', g.emissions],
      ['priceAtMax', m.priceAtMax],
      ['maxAbatementBp', m.maxAbatementBp],
    ] as const) {
      if (typeof d === 'object' && d !== null && d.min > d.max) {
        const path = k === 'emissions' ? ['generate', i, k] : ['generate', i, 'mac', k];
        out.push({ path, message: 'min must be <= max' });
      }
    }
  });
  s.traders.forEach((t, i) => {
    if (!jIds.has(t.jurisdiction))
      out.push({ path: ['traders', i, 'jurisdiction'], message: `unknown jurisdiction ${t.jurisdiction}` });
    for (let k = 1; k <= t.count; k++) {
      const id = `${t.prefix}${String(k).padStart(3, '0')}`;
      if (firmIds.has(id)) out.push({ path: ['traders', i, 'prefix'], message: `id ${id} is already used` });
      firmIds.add(id);
    }
  });
  s.jurisdictions.forEach((j, i) => {
    if ((firmsPer.get(j.id) ?? 0) === 0)
      out.push({
        path: ['jurisdictions', i, 'cap'],
        message: `a cap with no firms: no enterprise is in ${j.id}`,
      });
  });
  return out;
}
