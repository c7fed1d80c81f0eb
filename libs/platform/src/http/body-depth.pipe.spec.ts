import { BadRequestException } from '@nestjs/common';
import { BodyDepthPipe } from './body-depth.pipe';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

describe('BodyDepthPipe', () => {
  const pipe = new BodyDepthPipe(4);
  const body = { type: 'body' } as const;

  it('passes a body up to the limit unchanged, and anything that is not a body', () => {
    const ok = nested(4);
    expect(pipe.transform(ok, body)).toBe(ok);
    expect(pipe.transform(nested(10), { type: 'query' })).toEqual(nested(10));
    expect(pipe.transform('text', body)).toBe('text');
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

  it('refuses a deeper body with a 400, also one far too deep to walk recursively', () => {
    expect(() => pipe.transform(nested(5), body)).toThrow(BadRequestException);
    expect(() => new BodyDepthPipe().transform(nested(200_000), body)).toThrow(
      'the body is nested deeper than 32 levels',
    );
  });
});
