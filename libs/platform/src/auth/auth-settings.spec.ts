import { parseAppConfig } from '../config/app-config';
import { queueSecret } from './auth-settings';

const TOKEN = 'the token secret of thirty-two characters+';
const QUEUE = 'the queue secret of thirty-two characters+';

describe('queueSecret: the secret queue messages are signed under', () => {
  const saved = { JWT_SECRET: process.env.JWT_SECRET, QUEUE_SECRET: process.env.QUEUE_SECRET };
  beforeEach(() => {
    delete process.env.JWT_SECRET;
    delete process.env.QUEUE_SECRET;
  });
  afterAll(() => {
    for (const [name, value] of Object.entries(saved))
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  });

  it('is QUEUE_SECRET where one is set, apart from the token secret', () => {
    expect(queueSecret(parseAppConfig({ JWT_SECRET: TOKEN, QUEUE_SECRET: QUEUE }))).toBe(QUEUE);
  });

  it('is the token secret without one, and none without either', () => {
    expect(queueSecret(parseAppConfig({ JWT_SECRET: TOKEN }))).toBe(TOKEN);
    expect(queueSecret(parseAppConfig({}))).toBeUndefined();
  });

  it('is read from the environment when the config was built by hand', () => {
    process.env.QUEUE_SECRET = QUEUE;
    expect(queueSecret(parseAppConfig({ JWT_SECRET: TOKEN }))).toBe(QUEUE);
  });

  it('refuses a short QUEUE_SECRET at start-up, naming it', () => {
    expect(() => parseAppConfig({ QUEUE_SECRET: 'short' })).toThrow(/QUEUE_SECRET/);
  });
});
