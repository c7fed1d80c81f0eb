import type { InMemoryRegistry } from '../../shared/in-memory-registry';
import { CancelAuction } from '../cancel-auction/cancel-auction.command';
import { CancelAuctionHandler } from '../cancel-auction/cancel-auction.handler';
import { ClearAuction } from '../clear-auction/clear-auction.command';
import { ClearAuctionHandler } from '../clear-auction/clear-auction.handler';
import { PostBidGuarantee } from '../post-bid-guarantee/post-bid-guarantee.command';
import { PostBidGuaranteeHandler } from '../post-bid-guarantee/post-bid-guarantee.handler';
import { ScheduleAuction } from '../schedule-auction/schedule-auction.command';
import type { ScheduleAuctionDto } from '../schedule-auction/schedule-auction.dto';
import { ScheduleAuctionHandler } from '../schedule-auction/schedule-auction.handler';
import { SubmitBid } from '../submit-bid/submit-bid.command';
import { SubmitBidHandler } from '../submit-bid/submit-bid.handler';

const regulator = 'regulator:cq-eco';

/** The auction commands a spec drives, on one in-memory CQ registry. */
export function auctionSteps(registry: InMemoryRegistry) {
  return {
    schedule: (over: Partial<ScheduleAuctionDto> = {}) =>
      new ScheduleAuctionHandler(registry).execute(
        new ScheduleAuction('CQ', {
          commandId: `schedule-${over.auctionId ?? 'A1'}`,
          actor: regulator,
          auctionId: 'A1',
          vintage: 2025,
          auctionDate: '2025-06-15',
          supply: 3000,
          reservePriceFen: 3000,
          tieBreak: { kind: 'pro-rata', seed: 7 },
          ...over,
        } as ScheduleAuctionDto),
      ),
    guarantee: (bidderId: string, amountFen: number, auctionId = 'A1') =>
      new PostBidGuaranteeHandler(registry).execute(
        new PostBidGuarantee('CQ', auctionId, {
          commandId: `g-${auctionId}-${bidderId}-${amountFen}`,
          actor: bidderId,
          bidderId,
          amountFen,
        }),
      ),
    bid: (bidId: string, bidderId: string, priceFen: number, quantity: number, auctionId = 'A1') =>
      new SubmitBidHandler(registry).execute(
        new SubmitBid('CQ', auctionId, {
          commandId: `bid-${auctionId}-${bidId}`,
          actor: bidderId,
          bidId,
          bidderId,
          priceFen,
          quantity,
        }),
      ),
    clear: (auctionId = 'A1', commandId = `clear-${auctionId}`) =>
      new ClearAuctionHandler(registry).execute(
        new ClearAuction('CQ', auctionId, { commandId, actor: regulator }),
      ),
    cancel: (auctionId = 'A1', commandId = `cancel-${auctionId}`) =>
      new CancelAuctionHandler(registry).execute(
        new CancelAuction('CQ', auctionId, { commandId, actor: regulator, reason: 'called off' }),
      ),
  };
}
