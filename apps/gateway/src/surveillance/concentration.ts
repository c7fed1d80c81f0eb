/**
 * Herfindahl–Hirschman index of traded volume, 0–10,000: Σ (100 × vᵢ / V)², where vᵢ counts
 * each member's bought plus sold units (so V is twice the volume). Exact integer arithmetic,
 * rounded down. 10,000 is one member on both sides; the US merger guidelines (DOJ/FTC 2023) call
 * a market above 1,800 highly concentrated and 1,000–1,800 moderately.
 */
export function herfindahlIndex(volumes: readonly number[]): number {
  const total = volumes.reduce((sum, v) => sum + BigInt(v), 0n);
  if (total === 0n) return 0;
  const squares = volumes.reduce((sum, v) => sum + BigInt(v) * BigInt(v), 0n);
  return Number((squares * 10_000n) / (total * total));
}

/** Volume-weighted price in fen, rounded half up; undefined without volume. */
export function volumeWeightedPrice(turnover: bigint, volume: bigint): number | undefined {
  if (volume === 0n) return undefined;
  return Number((turnover * 2n + volume) / (2n * volume));
}
