import { DomainError } from '@app/domain';
import { bandBounds } from '@app/matching';
import type { InstrumentDefinition } from '@app/platform';
import type { ReportBlockTradeDto } from './report-block-trade.dto';

/** The block rules the client can be told at once, naming the field; the engine checks them again. */
export function checkBlockTrade(t: ReportBlockTradeDto, instrument: InstrumentDefinition): void {
  const reject = (code: string, field: string, message: string): never => {
    throw new DomainError(code, message, { field });
  };
  if (!instrument.modes.includes('block'))
    reject('EXCHANGE.BLOCK_NOT_ALLOWED', 'instrument', `${instrument.symbol} is not traded in blocks`);
  if (t.buyer === t.seller) reject('EXCHANGE.SAME_PARTY', 'seller', 'buyer and seller must differ');
  if (t.price % instrument.tick !== 0)
    reject('EXCHANGE.OFF_TICK', 'price', `price must be a multiple of the tick (${instrument.tick} fen)`);
  if (t.qty % instrument.lot !== 0)
    reject('EXCHANGE.OFF_LOT', 'qty', `qty must be a multiple of ${instrument.lot}`);
  if (t.qty < instrument.blockMinQty)
    reject('EXCHANGE.BELOW_BLOCK_MIN_QTY', 'qty', `a block trade is at least ${instrument.blockMinQty}`);
  const [low, high] = bandBounds(instrument.referencePrice, instrument.blockBandBp, instrument.tick);
  if (t.price < low || t.price > high)
    reject('EXCHANGE.OUTSIDE_BLOCK_BAND', 'price', `price must be within ${low}..${high} fen`);
}
