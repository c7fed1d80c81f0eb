import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { usePolling } from '../api/use-polling';
import { localeFormat } from '../format/locale-format';

/** Concentration bands as the US DOJ/FTC guidelines (2023) draw them; the exchange only flags. */
function concentrationLevel(hhi: number): 'low' | 'moderate' | 'high' {
  return hhi > 1800 ? 'high' : hhi >= 1000 ? 'moderate' : 'low';
}

export function MarketView({ locale }: { locale: string }) {
  const { t } = useTranslation();
  const { data: rows = [], error } = usePolling(() => api.marketOverview(), 2000, 'market');
  const format = localeFormat(locale);

  const price = (fen?: number) => (fen === undefined ? '—' : format.yuan(fen));
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
              <th>{t('market.vwap')}</th>
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
                <td>{format.number(r.trades)}</td>
                <td>{format.number(r.volume)}</td>
                <td>{price(r.vwap)}</td>
                <td>{price(r.last)}</td>
                <td>
                  {price(r.high)} / {price(r.low)}
                </td>
                <td>{format.number(r.members)}</td>
                <td
                  className={`hhi-${concentrationLevel(r.hhi)}`}
                  title={t(`market.concentration.${concentrationLevel(r.hhi)}`)}
                >
                  {format.number(r.hhi)}
                </td>
                <td>{r.top ? `${r.top.member} (${format.percentBp(r.top.shareBp)})` : '—'}</td>
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
