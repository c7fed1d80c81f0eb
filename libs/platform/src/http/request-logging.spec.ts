import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestId, requestLogging } from './request-logging';

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

  describe('requestId', () => {
    const answer = () => {
      const headers: Record<string, string> = {};
      return {
        headers,
        res: {
          headersSent: false,
          setHeader: (k: string, v: string) => (headers[k] = v),
        } as unknown as ServerResponse,
      };
    };
    const sent = (value?: string) =>
      ({ headers: value === undefined ? {} : { 'x-request-id': value } }) as IncomingMessage;

    it('gives each request a distinct UUID and answers it as X-Request-Id', () => {
      const ids = Array.from({ length: 100 }, () => {
        const { res, headers } = answer();
        const id = requestId(sent(), res);
        expect(headers['X-Request-Id']).toBe(id);
        return id;
      });
      expect(new Set(ids).size).toBe(100);
      expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it("keeps the caller's well-formed id and replaces a malformed or oversized one", () => {
      expect(requestId(sent('lb-7f3a:42'), answer().res)).toBe('lb-7f3a:42');
      for (const bad of ['', 'has space', 'x'.repeat(65), 'a\nb', '<script>'])
        expect(requestId(sent(bad), answer().res)).not.toBe(bad);
    });

    it('is the id of every request log the process builds', () => {
      const options = { LOG_LEVEL: 'info', LOG_REQUEST_SAMPLE: 1 } as const;
      expect(requestLogging(options).genReqId).toBe(requestId);
      expect(requestLogging(options).genReqId).toBe(requestLogging(options).genReqId);
    });
  });
});
