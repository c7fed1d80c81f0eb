import { ConfigValidationError, parseAppConfig } from './app-config';

describe('parseAppConfig', () => {
  it('applies defaults: embedded backends, port 3000', () => {
    const config = parseAppConfig({});
    expect(config).toMatchObject({ PORT: 3000, EXCHANGE_SHARDS: 4, LOG_LEVEL: 'info' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('treats empty variables as unset', () => {
    expect(parseAppConfig({ DATABASE_URL: '', PORT: '8080' })).toMatchObject({ PORT: 8080 });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ EXCHANGE_SHARDS: '0' }, 'EXCHANGE_SHARDS'],
  ])('rejects %j naming %s', (env, name) => {
    expect(() => parseAppConfig(env)).toThrow(ConfigValidationError);
    expect(() => parseAppConfig(env)).toThrow(new RegExp(`${name}:`));
  });
});
