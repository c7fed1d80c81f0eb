/** `CORS_ORIGINS` (comma-separated) as a list; empty: no cross-origin caller is allowed. */
export const corsOriginsOf = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0);
