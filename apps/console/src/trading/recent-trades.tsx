import { useTranslation } from 'react-i18next';
import type { Trade } from '../api/types';
import { localeFormat } from '../format/locale-format';

export function RecentTrades({ trades, locale }: { trades: Trade[]; locale: string }) {
  const { t } = useTranslation();
  const format = localeFormat(locale);
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
                <td>{format.time(trade.executedAt)}</td>
                <td>{format.yuan(trade.price)}</td>
                <td>{format.number(trade.qty)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
