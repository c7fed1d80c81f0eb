import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';

const join = (...parts: unknown[]): string =>
  `/${parts
    .flatMap((p) => (Array.isArray(p) ? [p[0]] : [p]))
    .filter((p): p is string => typeof p === 'string')
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter((p) => p.length > 0)
    .join('/')}`;

/** Route keys already worked out, per controller and handler: the guard asks on every request. */
const known = new WeakMap<object, WeakMap<object, string>>();

/** `METHOD /path` of a controller method, as declared in ROUTE_ACCESS. */
export function routeKeyOf(controller: object, handler: object): string {
  let byHandler = known.get(controller);
  if (!byHandler) known.set(controller, (byHandler = new WeakMap()));
  let key = byHandler.get(handler);
  if (key === undefined) byHandler.set(handler, (key = readRouteKey(controller, handler)));
  return key;
}

function readRouteKey(controller: object, handler: object): string {
  const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number] ?? 'GET';
  return `${method} ${join(Reflect.getMetadata(PATH_METADATA, controller), Reflect.getMetadata(PATH_METADATA, handler))}`;
}
