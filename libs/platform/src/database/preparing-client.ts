import { Client, type ClientConfig } from 'pg';

export interface PreparingOptions {
  /** Runs of a statement on a connection before it is prepared there (the first ones stay unnamed). */
  after: number;
  /** Most statements prepared on one connection; later ones stay unnamed. */
  max: number;
}

export const DEFAULT_PREPARING: PreparingOptions = { after: 2, max: 256 };

/** Distinct texts counted per connection before counting stops (texts built per call, e.g. IN lists). */
const MAX_COUNTED = 4096;

/**
 * A prepared statement is planned with the values of each run, as an unnamed one is. PostgreSQL
 * would otherwise switch to a generic plan after five runs, and for `x = ANY($1::text[])` over a
 * table still small when the plan was made that is a sequential scan, kept as the table grows.
 */
function withCustomPlans(config: string | ClientConfig | undefined): ClientConfig {
  const base: ClientConfig = typeof config === 'string' ? { connectionString: config } : { ...config };
  base.options = [base.options, '-c plan_cache_mode=force_custom_plan'].filter(Boolean).join(' ');
  return base;
}

/**
 * A pg client that runs a parameterised statement it has seen `after` times as a named prepared
 * statement on its connection. node-postgres otherwise sends every parameterised query as an
 * unnamed statement, which PostgreSQL parses, analyses and plans on every run: on the order path
 * that was about a third of PostgreSQL's CPU. Prepared, a statement is parsed and analysed once
 * per connection; it is still planned on every run (see {@link withCustomPlans}).
 *
 * Only queries with parameters are named (they already use the extended protocol, so nothing
 * else changes for them); `BEGIN`, `COMMIT` and DDL without parameters go as before. The names are
 * per connection, and at most `max` are made per connection, so statements built per call cannot
 * grow a connection's memory without bound.
 */
export function preparingClientClass(options: PreparingOptions = DEFAULT_PREPARING): typeof Client {
  return class PreparingClient extends Client {
    private readonly names = new Map<string, string>();
    private readonly runs = new Map<string, number>();

    constructor(config?: string | ClientConfig) {
      super(withCustomPlans(config));
    }

    // pg's query has many overloads; only (text, values[, callback]) with values is rewritten.
    override query(...args: unknown[]): never {
      const [text, values] = args;
      if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
        const name = this.nameFor(text);
        if (name !== undefined) args.splice(0, 2, { name, text, values });
      }
      return (super.query as (...a: unknown[]) => never)(...args);
    }

    private nameFor(text: string): string | undefined {
      const named = this.names.get(text);
      if (named !== undefined) return named;
      if (this.names.size >= options.max) return undefined;
      const seen = (this.runs.get(text) ?? 0) + 1;
      if (seen < options.after) {
        if (this.runs.size < MAX_COUNTED || this.runs.has(text)) this.runs.set(text, seen);
        return undefined;
      }
      this.runs.delete(text);
      const name = `cce_${this.names.size + 1}`;
      this.names.set(text, name);
      return name;
    }
  } as unknown as typeof Client;
}
