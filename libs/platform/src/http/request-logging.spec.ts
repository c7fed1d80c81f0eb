import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestLogging } from './request-logging';

const res = (statusCode: number) => ({ statusCode }) as ServerResponse;
const req = {} as IncomingMessage;

describe('requestLogging', () => {
  it('logs every failed request and one in LOG_REQUEST_SAMPLE successful ones', () => {
    const level = requestLogging({ LOG_LEVEL: 'info', LOG_REQUEST_SAMPLE: 3 }).customLogLevel!;
    expect(Array.from({ length: 7 }, () => level(req, res(202)))).toEqual([
      'info',
      'silent',
      'silent',
      'info',
      'silent',
      'silent',
      'info',
    ]);
    expect(level(req, res(422))).toBe('info');
    expect(level(req, res(503))).toBe('error');
    expect(level(req, res(200), new Error('boom'))).toBe('error');
  });

  it('logs no successful request with a sample of 0', () => {
    const level = requestLogging({ LOG_LEVEL: 'info', LOG_REQUEST_SAMPLE: 0 }).customLogLevel!;
    expect([level(req, res(200)), level(req, res(201))]).toEqual(['silent', 'silent']);
    expect(level(req, res(404))).toBe('info');
  });

  it('logs a request as its id, method and URL, never its headers', () => {
    const serialize = requestLogging({ LOG_LEVEL: 'info', LOG_REQUEST_SAMPLE: 1 }).serializers!.req;
    const logged = serialize({
      id: 7,
      method: 'POST',
      url: '/orders',
      headers: { authorization: 'Bearer x' },
    });
    expect(logged).toEqual({ id: 7, method: 'POST', url: '/orders' });
  });
});
