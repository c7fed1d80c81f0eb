import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { usePolling } from '../api/use-polling';
import { formatFen } from '../trading/order-ticket-rules';

/** Concentration bands as the US DOJ/FTC guidelines (2023) draw them; the exchange only flags. */
function concentrationLevel(hhi: number): 'low' | 'moderate' | 'high' {
  return hhi > 1800 ? 'high' : hhi >= 1000 ? 'moderate' : 'low';
}

export function MarketView({ locale }: { locale: string }) {
  const { t } = useTranslation();
  const { data: rows = [], error } = usePolling(() => api.marketOverview(), 2000, 'market');
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });

  const price = (fen?: number) => (fen === undefined ? '—' : formatFen(fen));
  return (
    <section className="panel">
      <h2>{t('market.view')}</h2>
      {error && <p className="field-error">{t('errors.server', { message: error.message })}</p>}
      {rows.length === 0 ? (
        <p className="muted">{t('market.noTrades')}</p>
      ) : (
        <table data-testid="market-view">
          <thead>
            <tr>
              <th>{t('market.instrument')}</th>
              <th>{t('market.tradesCount')}</th>
              <th>{t('market.qty')}</th>
              <th>VWAP</th>
              <th>{t('market.last')}</th>
              <th>{t('market.highLow')}</th>
              <th>{t('market.members')}</th>
              <th>HHI</th>
              <th>{t('market.topMember')}</th>
              <th>{t('market.selfTrades')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.instrument} data-testid="market-row">
                <td>{r.instrument}</td>
                <td>{number.format(r.trades)}</td>
                <td>{number.format(r.volume)}</td>
                <td>{price(r.vwap)}</td>
                <td>{price(r.last)}</td>
                <td>
                  {price(r.high)} / {price(r.low)}
                </td>
                <td>{r.members}</td>
                <td
                  className={`hhi-${concentrationLevel(r.hhi)}`}
                  title={t(`market.concentration.${concentrationLevel(r.hhi)}`)}
                >
                  {number.format(r.hhi)}
                </td>
                <td>{r.top ? `${r.top.member} (${percent.format(r.top.shareBp / 10_000)})` : '—'}</td>
                <td className={r.selfTrades > 0 ? 'flagged' : ''} data-testid="self-trades">
                  {r.selfTrades}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
