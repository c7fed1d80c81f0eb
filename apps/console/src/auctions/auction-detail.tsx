import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { localeFormat } from '../format/locale-format';
import type { DemoUser } from '../shell/demo-users';
import { readableError, StatusLine } from '../shell/form-parts';
import type { Auction } from './auction-types';

/**
 * One auction: its rules; while open the guarantees posted and the bid count (bids are sealed:
 * the registry shows what each bidder committed, not its prices); the clear button; once over,
 * the clearing price, coverage and every bid with its award.
 */
export function AuctionDetail({
  auction,
  jurisdiction,
  regulator,
  locale,
}: {
  auction: Auction;
  jurisdiction: string;
  regulator: DemoUser;
  locale: string;
}) {
  const { t } = useTranslation();
  const format = localeFormat(locale);
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [clearing, setClearing] = useState(false);
  const result = auction.result;

  const clear = async () => {
    setClearing(true);
    setStatus(undefined);
    try {
      await api.clearAuction(jurisdiction, auction.auctionId, {
        actor: regulator.id,
        commandId: `console-clear-${jurisdiction}-${auction.auctionId}`,
      });
      setStatus({ ok: true, text: t('auctions.clearedNow') });
    } catch (e) {
      setStatus({ ok: false, text: readableError(t, e) });
    } finally {
      setClearing(false);
    }
  };

  const row = (label: string, value: string, testId?: string) => (
    <tr>
      <td>{label}</td>
      <td data-testid={testId}>{value}</td>
    </tr>
  );
  const rules = auction.rules;
  return (
    <section className="panel wide" data-testid="auction-detail" aria-label={auction.auctionId}>
      <h2>
        {auction.auctionId} · {t(`auctions.status.${auction.status}`)}
      </h2>
      <div className="columns">
        <table>
          <tbody>
            {row(t('auctions.date'), format.date(auction.auctionDate))}
            {row(t('auctions.offered'), `${format.number(rules.supply)} ${t('units.tCO2e')}`)}
            {auction.carriedIn > 0 && row(t('auctions.carriedIn'), format.number(auction.carriedIn))}
            {row(t('auctions.lotSize'), format.number(rules.lotSize))}
            {row(t('auctions.reservePrice'), format.yuan(rules.reservePriceFen))}
            {row(
              t('auctions.maxBidderSharePct'),
              rules.maxBidderShareBp === undefined ? '—' : format.percentBp(rules.maxBidderShareBp),
            )}
            {row(t('auctions.undersubscribed'), t(`auctions.ifShort.${rules.undersubscribed}`))}
            {row(t('auctions.bidsReceived'), format.number(auction.bidsReceived), 'bids-received')}
            {row(t('auctions.bidders'), format.number(auction.biddersRegistered))}
          </tbody>
        </table>
        <div>
          <h3>{t('auctions.guarantees')}</h3>
          {Object.keys(auction.guarantees).length === 0 ? (
            <p className="muted">{t('auctions.noGuarantees')}</p>
          ) : (
            <table data-testid="guarantees">
              <thead>
                <tr>
                  <th>{t('auctions.bidder')}</th>
                  <th>{t('auctions.posted')}</th>
                  <th>{t('auctions.committed')}</th>
                  <th>{t('auctions.paid')}</th>
                  <th>{t('auctions.released')}</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(auction.guarantees).map(([bidder, g]) => (
                  <tr key={bidder} data-testid="guarantee-row">
                    <td>{bidder}</td>
                    <td>{format.yuan(g.postedFen)}</td>
                    <td>{format.yuan(g.reservedFen)}</td>
                    <td>{format.yuan(g.paidFen)}</td>
                    <td>{format.yuan(g.releasedFen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
      {auction.status === 'open' && (
        <button name="clear-auction" disabled={clearing} onClick={() => void clear()}>
          {t('auctions.clear')}
        </button>
      )}
      <StatusLine status={status} testId="clear-status" />
      {result && (
        <div data-testid="auction-result">
          <p className={result.status === 'cleared' ? 'ok' : 'field-error'}>
            {result.status === 'cleared'
              ? t('auctions.resultCleared', {
                  price: format.yuan(result.clearingPriceFen ?? 0),
                  sold: format.number(result.sold),
                  offered: format.number(result.offered),
                  coverage: result.coverageRatio,
                  revenue: format.yuan(result.revenueFen),
                  winners: format.number(result.winners),
                })
              : t('auctions.resultCancelled', { reason: result.reason ?? '' })}
          </p>
          {(result.toReserve > 0 || result.carriedForward > 0) && (
            <p className="muted">
              {t('auctions.leftover', {
                reserve: format.number(result.toReserve),
                carried: format.number(result.carriedForward),
              })}
            </p>
          )}
          <table data-testid="bid-results">
            <thead>
              <tr>
                <th>{t('auctions.bidder')}</th>
                <th>{t('auctions.bidPrice')}</th>
                <th>{t('auctions.bidQuantity')}</th>
                <th>{t('auctions.awarded')}</th>
              </tr>
            </thead>
            <tbody>
              {[...result.bidResults]
                .sort((a, b) => b.priceFen - a.priceFen)
                .map((b) => (
                  <tr key={b.bidId} data-testid="bid-result" className={b.awarded > 0 ? 'won' : ''}>
                    <td>{b.bidderId}</td>
                    <td>{format.yuan(b.priceFen)}</td>
                    <td>{format.number(b.quantity)}</td>
                    <td data-testid="awarded">{format.number(b.awarded)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
