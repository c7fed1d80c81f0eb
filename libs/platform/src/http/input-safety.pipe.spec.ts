import { BadRequestException } from '@nestjs/common';
import { InputSafetyPipe } from './input-safety.pipe';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

describe('InputSafetyPipe', () => {
  const pipe = new InputSafetyPipe(4);
  const body = { type: 'body' } as const;

  it('passes ordinary input unchanged, and leaves alone what is not request input', () => {
    const ok = { memberId: 'm-1', orders: [{ qty: 1, note: '碳排放权 🙂' }] };
    expect(pipe.transform(ok, body)).toBe(ok);
    expect(pipe.transform('CQEA-2025', { type: 'param', data: 'symbol' })).toBe('CQEA-2025');
    expect(pipe.transform({ page: '2' }, { type: 'query' })).toEqual({ page: '2' });
  });

  it('refuses a deeper body with a 400, also one far too deep to walk recursively', () => {
    expect(() => pipe.transform(nested(5), body)).toThrow(BadRequestException);
    expect(() => new InputSafetyPipe().transform(nested(200_000), body)).toThrow(
      'the body is nested deeper than 32 levels',
    );
  });

  it('refuses a NUL character or a name of Object.prototype anywhere, naming the field', () => {
    expect(() => pipe.transform('a\u0000b', { type: 'param', data: 'orderId' })).toThrow(
      'orderId must not contain a NUL character',
    );
    expect(() => pipe.transform({ to: 'valueOf' }, body)).toThrow(
      'to must not be the reserved name "valueOf"',
    );
    expect(() => pipe.transform({ limit: '__proto__' }, { type: 'query' })).toThrow(
      'limit must not be the reserved name "__proto__"',
    );
  });

  it('checks the raw body a custom decorator hands over, and walks no class instance', () => {
    expect(() => pipe.transform(nested(5), { type: 'custom' })).toThrow(BadRequestException);
    class Request {
      self = this;
      body = nested(10);
    }
    const request = new Request();
    expect(pipe.transform(request, { type: 'custom' })).toBe(request);
  });
});
