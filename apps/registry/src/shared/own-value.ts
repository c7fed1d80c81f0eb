/**
 * A map's own entry: ids come from requests, and `records['constructor']` would otherwise find
 * Object's prototype member instead of "no such record".
 */
export const ownValue = <T>(map: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(map, key) ? map[key] : undefined;
