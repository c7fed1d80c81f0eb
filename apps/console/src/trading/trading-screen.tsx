import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { usePolling } from '../api/use-polling';
import type { Instrument } from '../api/types';
import { bandBounds } from '@app/matching';
import { OrderBook } from './order-book';
import { OrderTicket } from './order-ticket';
import { PriceChart } from './price-chart';
import { RecentTrades } from './recent-trades';
import { BidPanel } from '../auctions/bid-panel';
import { MyCompliance } from '../compliance/my-compliance';
import type { DemoUser } from '../shell/demo-users';
import { MyApiKeys } from './my-api-keys';
import { MyOrders } from './my-orders';
import { MyPositions } from './my-positions';
import { useMarket } from './use-market';
import { usePositions } from './use-positions';
import { localeFormat } from '../format/locale-format';

/** How often the trading screen reads the instruments' rules again. */
export const INSTRUMENTS_REFRESH_MS = 5000;
const NO_INSTRUMENTS: Instrument[] = [];

export function TradingScreen({ user, locale }: { user: DemoUser; locale: string }) {
  const account = user.id;
  const { t, i18n } = useTranslation();
  // Read again while open: a regulator's decision (a suspension, a new band) or the day's close
  // changes what the ticket may send.
  const { data: instruments = NO_INSTRUMENTS, error: loadError } = usePolling(
    () => api.instruments(),
    INSTRUMENTS_REFRESH_MS,
    'instruments',
  );
  const [symbol, setSymbol] = useState<string>();
  const market = useMarket(symbol);
  const { positions, error: positionsError } = usePositions(account);

  useEffect(() => {
    if (symbol === undefined && instruments.length > 0) setSymbol(instruments[0].symbol);
  }, [instruments, symbol]);

  const instrument = instruments.find((i) => i.symbol === symbol);
  const format = localeFormat(locale);
  if (loadError && instruments.length === 0)
    return <p className="field-error">{t('errors.server', { message: loadError.message })}</p>;
  if (!instrument) return null;
  const [low, high] = bandBounds(instrument.referencePrice, instrument.bandBp, instrument.tick);

  return (
    <div className="trading">
      <header className="instrument-bar">
        <label>
          {t('market.instrument')}
          <select name="instrument" value={instrument.symbol} onChange={(e) => setSymbol(e.target.value)}>
            {instruments.map((i) => (
              <option key={i.symbol} value={i.symbol}>
                {i.symbol} · {i18n.language === 'en' ? i.nameEn : i.nameZh}
              </option>
            ))}
          </select>
        </label>
        <span>
          {t('market.reference')}: {format.yuan(instrument.referencePrice)}
        </span>
        <span>
          {t('market.band')}: {format.yuan(low)} – {format.yuan(high)}
        </span>
        <span className={market.live ? 'ok' : 'field-error'} data-testid="feed-status">
          {market.live ? t('market.live') : t('market.reconnecting')}
        </span>
        {market.error && (
          <span className="field-error">{t('errors.server', { message: market.error.message })}</span>
        )}
      </header>
      <div className="grid">
        <PriceChart symbol={instrument.symbol} trades={market.trades} locale={locale} />
        <OrderBook depth={market.depth} locale={locale} />
        <RecentTrades trades={market.trades} locale={locale} />
        <OrderTicket
          key={instrument.symbol}
          instrument={instrument}
          account={account}
          limits={{
            availableCash: positions?.cash.available,
            availableUnits: positions
              ? (positions.holdings.find((h) => h.instrument === instrument.symbol)?.available ?? 0)
              : undefined,
          }}
          onPlaced={market.refresh}
        />
        <MyPositions positions={positions} error={positionsError} locale={locale} />
        <MyCompliance firm={user} locale={locale} />
        <MyOrders account={account} instruments={instruments} locale={locale} />
        {user.role === 'enterprise' && <BidPanel firm={user} locale={locale} />}
        {user.role === 'enterprise' && <MyApiKeys userId={user.id} locale={locale} />}
      </div>
    </div>
  );
}
