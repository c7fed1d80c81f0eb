import { parseAppConfig } from '../config/app-config';
import { poolOptions } from '../platform.module';

describe('poolOptions', () => {
  const server = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x', DATABASE_POOL_SIZE: '7' };

  it('prepares repeated statements on a PostgreSQL server by default', () => {
    const options = poolOptions(parseAppConfig(server));
    expect(options.max).toBe(7);
    expect(options.Client).toBeDefined();
  });

  it('leaves them unnamed when turned off (a transaction-pooling proxy)', () => {
    expect(poolOptions(parseAppConfig({ ...server, DATABASE_PREPARED_STATEMENTS: 'off' }))).toEqual({
      max: 7,
    });
  });

  it('uses one plain connection on embedded PGlite', () => {
    expect(poolOptions(parseAppConfig({}))).toEqual({ max: 1 });
  });

  it('refuses another value, naming the variable', () => {
    expect(() => parseAppConfig({ ...server, DATABASE_PREPARED_STATEMENTS: 'yes' })).toThrow(
      /DATABASE_PREPARED_STATEMENTS/,
    );
  });
});
