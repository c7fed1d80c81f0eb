import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { usePolling } from '../api/use-polling';
import { localeFormat } from '../format/locale-format';

/** MARKET-RULES.md: a holder discloses from its free allocation plus 500,000 units. */
const DEFAULT_THRESHOLD = 500_000;

/** The large-holder list (大户报告) beside the market view, with the threshold the regulator picks. */
export function LargeHolders({ locale }: { locale: string }) {
  const { t } = useTranslation();
  const format = localeFormat(locale);
  const [input, setInput] = useState(String(DEFAULT_THRESHOLD));
  const threshold = /^[1-9]\d{0,14}$/.test(input) ? Number(input) : undefined;
  const { data: holders = [], error } = usePolling(
    () => (threshold === undefined ? Promise.resolve([]) : api.largeHolders(threshold)),
    5000,
    `large-holders-${threshold}`,
  );
  return (
    <section className="panel">
      <h2>{t('market.largeHolders.title')}</h2>
      <label>
        {t('market.largeHolders.threshold')}
        <input
          name="disclosure-threshold"
          inputMode="numeric"
          value={input}
          aria-invalid={threshold === undefined}
          onChange={(e) => setInput(e.target.value.trim())}
        />
      </label>
      {threshold === undefined && (
        <p className="field-error" role="alert">
          {t('errors.wholeNumber', { min: 1 })}
        </p>
      )}
      {error && <p className="field-error">{t('errors.server', { message: error.message })}</p>}
      {holders.length === 0 ? (
        <p className="muted">{t('market.largeHolders.none')}</p>
      ) : (
        <table data-testid="large-holders">
          <thead>
            <tr>
              <th>{t('market.largeHolders.member')}</th>
              <th>{t('market.instrument')}</th>
              <th>{t('market.largeHolders.held')}</th>
              <th>{t('market.largeHolders.freeAllocation')}</th>
              <th>{t('market.largeHolders.thresholdColumn')}</th>
              <th>{t('market.largeHolders.excess')}</th>
            </tr>
          </thead>
          <tbody>
            {holders.map((h) => (
              <tr key={`${h.instrument} ${h.member}`} data-testid="large-holder-row">
                <td>{h.member}</td>
                <td>{h.instrument}</td>
                <td>{format.number(h.held)}</td>
                <td>{format.number(h.freeAllocation)}</td>
                <td>{format.number(h.threshold)}</td>
                <td>{format.number(h.excess)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
