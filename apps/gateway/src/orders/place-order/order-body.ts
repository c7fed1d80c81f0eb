import { createParamDecorator, type ExecutionContext, type PipeTransform, type Type } from '@nestjs/common';
import { EdgeValidationPipe } from '@app/platform';
import { PlaceOrderDto } from './place-order.dto';

const FIELDS = new Set([
  'instrument',
  'account',
  'side',
  'type',
  'price',
  'qty',
  'tif',
  'postOnly',
  'clientOrderId',
]);
// The same patterns as the DTO's decorators.
const INSTRUMENT = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
const ACCOUNT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const CLIENT_ORDER_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const TIFS = new Set(['GTC', 'DAY', 'IOC', 'FOK']);

const positiveInteger = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

/**
 * The order if it is plainly valid by every rule of {@link PlaceOrderDto} (with its defaults
 * filled in), else undefined. A quick check for the hot path: undefined only means "let the full
 * validator decide", which then names the field. It must never accept what the DTO refuses.
 */
export function plainlyValidOrder(raw: unknown): PlaceOrderDto | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const o = raw as Record<string, unknown>;
  for (const key of Object.keys(o)) if (!FIELDS.has(key)) return undefined;
  const { instrument, account, side, type = 'limit', price, qty, tif = 'GTC', postOnly = false } = o;
  const { clientOrderId } = o;
  if (typeof instrument !== 'string' || !INSTRUMENT.test(instrument)) return undefined;
  if (typeof account !== 'string' || !ACCOUNT.test(account)) return undefined;
  if (side !== 'buy' && side !== 'sell') return undefined;
  if (type !== 'limit' && type !== 'market') return undefined;
  if (price === undefined ? type !== 'market' : !positiveInteger(price)) return undefined;
  if (!positiveInteger(qty)) return undefined;
  if (typeof tif !== 'string' || !TIFS.has(tif)) return undefined;
  if (typeof postOnly !== 'boolean') return undefined;
  if (
    clientOrderId !== undefined &&
    (typeof clientOrderId !== 'string' || !CLIENT_ORDER_ID.test(clientOrderId))
  )
    return undefined;
  return {
    instrument,
    account,
    side,
    type,
    ...(price !== undefined ? { price } : {}),
    qty,
    tif: tif as PlaceOrderDto['tif'],
    postOnly,
    ...(clientOrderId !== undefined ? { clientOrderId } : {}),
  } as PlaceOrderDto;
}

const fullValidation = new EdgeValidationPipe();

/** The quick check first; whatever it does not plainly accept goes through the full validator. */
class QuickThenFullValidation<T> implements PipeTransform<unknown, Promise<T>> {
  constructor(
    private readonly quick: (raw: unknown) => T | undefined,
    private readonly metatype: Type<T>,
  ) {}

  async transform(raw: unknown): Promise<T> {
    return (
      this.quick(raw) ??
      ((await fullValidation.transform(raw, { type: 'body', metatype: this.metatype })) as T)
    );
  }
}

const rawBody = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<{ body: unknown }>().body,
);

/**
 * A request body validated as `metatype` (same rules, same 400s), with `quick` deciding the
 * plainly valid ones. A custom decorator, so the global ValidationPipe leaves it alone; the route
 * needs `@ApiBody` for the OpenAPI document.
 */
export const ValidatedBody = <T>(
  quick: (raw: unknown) => T | undefined,
  metatype: Type<T>,
): ParameterDecorator => rawBody(new QuickThenFullValidation(quick, metatype));
