import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import type { Positions } from '../api/types';
import { localeFormat } from '../format/locale-format';

export function MyPositions({
  positions,
  error,
  locale,
}: {
  positions?: Positions;
  error?: ApiError;
  locale: string;
}) {
  const { t } = useTranslation();
  const format = localeFormat(locale);
  return (
    <section className="panel" aria-label={t('positions.title')}>
      <h2>{t('positions.title')}</h2>
      {error && <p className="field-error">{t('errors.server', { message: error.message })}</p>}
      {positions && (
        <table>
          <thead>
            <tr>
              <th />
              <th>{t('positions.available')}</th>
              <th>{t('positions.reserved')}</th>
            </tr>
          </thead>
          <tbody>
            <tr data-testid="cash-row">
              <td>{t('positions.cash')}</td>
              <td>{format.yuan(positions.cash.available)}</td>
              <td>{format.yuan(positions.cash.reserved)}</td>
            </tr>
            {positions.holdings.map((h) => (
              <tr key={h.instrument} data-testid={`holding-${h.instrument}`}>
                <td>{h.instrument}</td>
                <td>{format.number(h.available)}</td>
                <td>{format.number(h.reserved)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
