import type { DataSource, EntityManager } from 'typeorm';

/** How old this process's copy of the revocations may be when a token is checked. */
export const REVOCATIONS_REFRESH_MS = 2_000;

/**
 * The SQL a change that revokes a subject's tokens adds to its statement, as a data-modifying
 * `WITH` part: for each id `source` returns, tokens signed before `$n` (ms) stop counting.
 */
export const revokeTokensOf = (source: string, notBeforeParam: string): string =>
  `INSERT INTO auth_token_revocations (subject, not_before_ms) SELECT id, ${notBeforeParam} FROM ${source}
   ON CONFLICT (subject) DO UPDATE
     SET not_before_ms = GREATEST(auth_token_revocations.not_before_ms, EXCLUDED.not_before_ms)
   RETURNING subject`;

/**
 * Which access tokens no longer count, although signed and unexpired: those of a subject signed
 * before its revocation (`auth_token_revocations`). Each process keeps a copy of the (small) table,
 * read again when it is {@link REVOCATIONS_REFRESH_MS} old, so a revocation made in another process
 * holds here within that time, and one made here at once ({@link noted}).
 */
export class TokenRevocations {
  private notBefore = new Map<string, number>();
  private readAt = Number.NEGATIVE_INFINITY;
  private reading: Promise<void> | undefined;

  constructor(
    private readonly db: DataSource | EntityManager,
    private readonly refreshMs = REVOCATIONS_REFRESH_MS,
  ) {}

  /** Whether a token of `subject` signed at `issuedMs` is revoked, as of `nowMs`. */
  async revoked(subject: string, issuedMs: number, nowMs: number): Promise<boolean> {
    if (nowMs - this.readAt >= this.refreshMs) await this.read(nowMs);
    const notBefore = this.notBefore.get(subject);
    return notBefore !== undefined && issuedMs < notBefore;
  }

  /** A revocation this process just committed: it holds here without waiting for the next read. */
  noted(subject: string, notBeforeMs: number): void {
    this.notBefore.set(subject, Math.max(this.notBefore.get(subject) ?? 0, notBeforeMs));
  }

  /** One read at a time: requests arriving meanwhile wait for the same one. */
  private read(nowMs: number): Promise<void> {
    this.reading ??= this.db
      .query('SELECT subject, not_before_ms::text AS not_before_ms FROM auth_token_revocations')
      .then((rows: { subject: string; not_before_ms: string }[]) => {
        const fresh = new Map(rows.map((r) => [r.subject, Number(r.not_before_ms)]));
        // One noted here after the read began is kept: the read may have missed it.
        for (const [subject, ms] of this.notBefore)
          if ((fresh.get(subject) ?? 0) < ms) fresh.set(subject, ms);
        this.notBefore = fresh;
        this.readAt = nowMs;
      })
      .finally(() => (this.reading = undefined));
    return this.reading;
  }
}
