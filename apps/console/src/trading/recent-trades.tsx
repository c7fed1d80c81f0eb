import { useTranslation } from 'react-i18next';
import type { Trade } from '../api/types';
import { formatFen } from './order-ticket-rules';

export function RecentTrades({ trades, locale }: { trades: Trade[]; locale: string }) {
  const { t } = useTranslation();
  const qty = new Intl.NumberFormat(locale);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return (
    <section className="panel" aria-label={t('market.trades')}>
      <h2>{t('market.trades')}</h2>
      {trades.length === 0 ? (
        <p className="muted">{t('market.noTrades')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('market.time')}</th>
              <th>{t('market.price')}</th>
              <th>{t('market.qty')}</th>
            </tr>
          </thead>
          <tbody>
            {trades.map((trade) => (
              <tr
                key={trade.tradeNo}
                className={trade.aggressor === 'buy' ? 'bid' : 'ask'}
                data-testid="trade-row"
              >
                <td>{time.format(trade.executedAt)}</td>
                <td>{formatFen(trade.price)}</td>
                <td>{qty.format(trade.qty)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
