/**
 * Marginal abatement cost (MAC) curves in integers: tonnes and fen per tonne.
 * - linear: MAC(q) = priceAtMax × q / maxAbatement for 0 ≤ q ≤ maxAbatement
 * - steps: blocks of `tonnes` abatable at `price` each, used cheapest first
 */
export interface LinearMac {
  readonly type: 'linear';
  readonly maxAbatement: number;
  readonly priceAtMax: number;
}

export interface MacStep {
  readonly tonnes: number;
  readonly price: number;
}

export interface StepsMac {
  readonly type: 'steps';
  readonly steps: readonly MacStep[];
}

export type MacCurve = LinearMac | StepsMac;

/** Exact floor(a / b) for non-negative safe integers whose quotient float may be off by one. */
export function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) q -= 1;
  else if ((q + 1) * b <= a) q += 1;
  return q;
}

/** Steps sorted by price ascending (ties keep file order): the cheapest-first abatement order. */
export function normaliseMac(mac: MacCurve): MacCurve {
  if (mac.type === 'linear') return mac;
  const steps = mac.steps
    .map((s, i) => ({ s, i }))
    .sort((x, y) => x.s.price - y.s.price || x.i - y.i)
    .map((x) => x.s);
  return { type: 'steps', steps };
}

export function maxAbatement(mac: MacCurve): number {
  if (mac.type === 'linear') return mac.maxAbatement;
  let t = 0;
  for (const s of mac.steps) t += s.tonnes;
  return t;
}

/** Tonnes a firm abates when each tonne whose MAC is ≤ price is abated (linear: floor rounding). */
export function abatementAt(mac: MacCurve, price: number): number {
  if (price <= 0) return 0;
  if (mac.type === 'linear') {
    if (mac.maxAbatement === 0) return 0;
    if (price >= mac.priceAtMax) return mac.maxAbatement;
    return floorDiv(price * mac.maxAbatement, mac.priceAtMax);
  }
  let t = 0;
  for (const s of mac.steps) {
    if (s.price > price) break;
    t += s.tonnes;
  }
  return t;
}

/**
 * Cost of the q-th tonne abated (1-based), fen/t; Infinity beyond the maximum.
 * Linear: priceAtMax × q / maxAbatement rounded up (ceil), so abatementAt(MAC(q)) ≥ q.
 */
export function marginalCost(mac: MacCurve, q: number): number {
  if (q <= 0) return 0;
  if (mac.type === 'linear') {
    if (q > mac.maxAbatement) return Infinity;
    return ceilDiv(mac.priceAtMax * q, mac.maxAbatement);
  }
  let t = 0;
  for (const s of mac.steps) {
    t += s.tonnes;
    if (q <= t) return s.price;
  }
  return Infinity;
}

function ceilDiv(a: number, b: number): number {
  const q = floorDiv(a, b);
  return q * b === a ? q : q + 1;
}

/**
 * Total cost of abating q tonnes (the integral of the MAC from 0 to q), integer fen.
 * Linear: priceAtMax × q² / (2 × maxAbatement), rounded half-up once (exact BigInt arithmetic).
 * Steps: Σ tonnes × price over the cheapest q tonnes (exact).
 */
export function abatementCost(mac: MacCurve, q: number): number {
  if (q <= 0) return 0;
  if (mac.type === 'linear') {
    const qq = BigInt(Math.min(q, mac.maxAbatement));
    const num = BigInt(mac.priceAtMax) * qq * qq;
    const den = 2n * BigInt(mac.maxAbatement);
    return Number((2n * num + den) / (2n * den));
  }
  let left = q;
  let cost = 0;
  for (const s of mac.steps) {
    const take = Math.min(left, s.tonnes);
    cost += take * s.price;
    left -= take;
    if (left === 0) break;
  }
  return cost;
}

/** The highest marginal cost on the curve (price at which everything is abated). */
export function topPrice(mac: MacCurve): number {
  if (mac.type === 'linear') return mac.maxAbatement === 0 ? 0 : mac.priceAtMax;
  let p = 0;
  for (const s of mac.steps) if (s.tonnes > 0 && s.price > p) p = s.price;
  return p;
}
