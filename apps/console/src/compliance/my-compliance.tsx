import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { DemoUser } from '../shell/demo-users';
import { CompliancePosition, compliancePosition } from './compliance-position';
import { localeFormat } from '../format/locale-format';
import { beijingToday } from '../format/beijing-today';

/** The firm's compliance year at a glance, with the surrender of what it holds toward what it owes. */
export function MyCompliance({ firm, locale }: { firm: DemoUser; locale: string }) {
  const { t } = useTranslation();
  const [position, setPosition] = useState<CompliancePosition>();
  const [deadline, setDeadline] = useState<string>();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const format = localeFormat(locale);
  const jurisdiction = firm.jurisdiction ?? 'CQ';

  const load = useCallback(async () => {
    try {
      // Outside the sandbox there is no demo year: last year's compliance, deadline not known here.
      const demo = await api.demoCompliance().catch((error: ApiError) => {
        if (error.status !== 404) throw error;
        return { year: Number(beijingToday(Date.now()).slice(0, 4)) - 1, deadline: undefined };
      });
      const [dashboard, account] = await Promise.all([
        api.complianceDashboard(jurisdiction, demo.year, firm.id),
        api.registryAccount(jurisdiction, firm.id),
      ]);
      const row = dashboard.years
        .find((y) => y.complianceYear === demo.year)
        ?.firms.find((f) => f.firmId === firm.id);
      setDeadline(demo.deadline);
      setPosition(compliancePosition(demo.year, row, account));
    } catch (error) {
      setMessage({ ok: false, text: t('errors.server', { message: (error as ApiError).message }) });
    }
  }, [firm.id, jurisdiction, t]);

  useEffect(() => {
    setPosition(undefined);
    setMessage(undefined);
    void load();
  }, [load]);

  const surrender = async () => {
    if (!position) return;
    const quantity = Math.min(position.due, position.eligibleHeld);
    try {
      await api.surrender(jurisdiction, {
        actor: firm.id,
        commandId: `console-surrender-${firm.id}-${position.year}-${position.surrendered}`,
        from: firm.id,
        quantity,
        kind: 'CARBON_ALLOWANCE',
        complianceYear: position.year,
      });
      setMessage({ ok: true, text: t('compliance.surrendered', { quantity: format.number(quantity) }) });
      await load();
    } catch (error) {
      setMessage({ ok: false, text: t('errors.server', { message: (error as ApiError).message }) });
    }
  };

  const deadlineText = deadline ? format.date(deadline) : '—';
  return (
    <section className="panel" aria-label={t('compliance.title')}>
      <h2>{t('compliance.title', { year: position?.year ?? '' })}</h2>
      {position && (
        <table data-testid="compliance">
          <tbody>
            <tr>
              <td>{t(position.verified ? 'compliance.verified' : 'compliance.reported')}</td>
              <td data-testid="compliance-emissions">
                {position.emissions === undefined ? '—' : format.number(position.emissions)}
              </td>
            </tr>
            <tr>
              <td>{t('compliance.held')}</td>
              <td>{format.number(position.eligibleHeld)}</td>
            </tr>
            <tr>
              <td>{t('compliance.surrenderedSoFar')}</td>
              <td data-testid="compliance-surrendered">{format.number(position.surrendered)}</td>
            </tr>
            <tr className={position.shortfall > 0 ? 'short' : ''}>
              <td>{t('compliance.shortfall')}</td>
              <td data-testid="compliance-shortfall">{format.number(position.shortfall)}</td>
            </tr>
            <tr>
              <td>{t('compliance.deadline')}</td>
              <td>{deadlineText}</td>
            </tr>
          </tbody>
        </table>
      )}
      {position && position.due > 0 && position.eligibleHeld > 0 && (
        <button name="surrender" onClick={() => void surrender()}>
          {t('compliance.surrender', {
            quantity: format.number(Math.min(position.due, position.eligibleHeld)),
          })}
        </button>
      )}
      {message && (
        <p className={message.ok ? 'ok' : 'field-error'} role="status" data-testid="compliance-status">
          {message.text}
        </p>
      )}
    </section>
  );
}
