import { BUY, DAY, FOK, GTC, IOC, SELL, type TifCode } from '../core/codes';
import type { EventSink } from '../core/event-sink';
import { stpCode } from '../core/stp-codes';
import { isSessionState } from '../session/change-session';
import type { OrderBookEngine } from '../order-book-engine';

const TIF: Record<string, TifCode> = { GTC, DAY, IOC, FOK };

const isId = (v: unknown): v is string => typeof v === 'string' && v !== '';
const sideCode = (v: unknown): number => (v === 'buy' ? BUY : v === 'sell' ? SELL : -1);
const optionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';

/**
 * Decodes an untrusted command object (JSON Lines or `apply`) and calls the engine's
 * primitive-argument methods. Shape errors give `bad-command`; everything else is the engine's.
 */
export function applyCommand(engine: OrderBookEngine, c: Record<string, unknown>, sink: EventSink): void {
  const id = c.id;
  switch (c.type) {
    case 'limit': {
      const side = sideCode(c.side);
      const tif =
        c.tif === undefined
          ? GTC
          : Object.prototype.hasOwnProperty.call(TIF, c.tif as string)
            ? TIF[c.tif as string]
            : -1;
      const stp = c.stp === undefined ? -1 : stpCode(c.stp);
      const postOnly = c.postOnly;
      if (!isId(id) || side < 0 || tif < 0 || (c.stp !== undefined && stp < 0) || !optionalString(c.account))
        break;
      if (postOnly !== undefined && typeof postOnly !== 'boolean') break;
      engine.limit(
        id,
        (c.account as string) ?? '',
        side,
        c.price as number,
        c.qty as number,
        tif as TifCode,
        postOnly === true,
        sink,
        stp,
      );
      return;
    }
    case 'market': {
      const side = sideCode(c.side);
      const stp = c.stp === undefined ? -1 : stpCode(c.stp);
      if (!isId(id) || side < 0 || (c.stp !== undefined && stp < 0) || !optionalString(c.account)) break;
      engine.market(id, (c.account as string) ?? '', side, c.qty as number, sink, stp);
      return;
    }
    case 'cancel':
      if (!isId(id)) break;
      engine.cancel(id, sink);
      return;
    case 'amend':
      if (!isId(id)) break;
      engine.amend(id, c.price as number | undefined, c.qty as number | undefined, sink);
      return;
    case 'session':
      if (!isSessionState(c.session)) break;
      engine.setSession(c.session, sink);
      return;
    case 'uncross':
      engine.uncross(sink);
      return;
    case 'block':
      if (!isId(id) || typeof c.buyer !== 'string' || typeof c.seller !== 'string') break;
      engine.blockTrade(id, c.buyer, c.seller, c.price as number, c.qty as number, sink);
      return;
    case 'expire-day':
      engine.expireDayOrders(sink);
      return;
    case 'reference-price':
      engine.setReferencePrice(c.price as number, sink);
      return;
  }
  engine.rejectCommand(typeof id === 'string' ? id : '', sink);
}
