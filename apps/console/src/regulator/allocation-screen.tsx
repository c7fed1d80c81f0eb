import { FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { AllocationPreview, SupplyRow } from '../api/types';
import type { DemoUser } from '../shell/demo-users';
import {
  AllocationErrors,
  AllocationFirm,
  AllocationForm,
  buildAllocationTable,
  firmsOfAccounts,
  initialAllocationForm,
} from './allocation-form';
import { localeFormat } from '../format/locale-format';

/**
 * A regulator sets the year's rules, previews the full table, then issues it: two steps, so
 * nothing is issued that was not seen. The firms are the demo enterprises of the regulator's province
 * in the sandbox, with their baseline emissions; elsewhere, the enterprise holding accounts of its
 * registry, whose emissions the regulator types.
 */
export function AllocationScreen({
  regulator,
  users,
  locale,
}: {
  regulator: DemoUser;
  users: DemoUser[];
  locale: string;
}) {
  const { t } = useTranslation();
  const jurisdiction = regulator.jurisdiction ?? 'CQ';
  const demoFirms = useMemo(
    () =>
      users
        .filter((u) => u.role === 'enterprise' && u.jurisdiction === jurisdiction)
        .map((u): AllocationFirm => ({ firmId: u.id, emissions: u.baselineEmissions ?? 0 })),
    [users, jurisdiction],
  );
  const [registryFirms, setRegistryFirms] = useState<AllocationFirm[]>([]);
  const firms = demoFirms.length > 0 ? demoFirms : registryFirms;
  useEffect(() => {
    if (demoFirms.length > 0) return;
    api
      .registryAccounts(jurisdiction, 'ENTERPRISE_HOLDING')
      .then((accounts) => setRegistryFirms(firmsOfAccounts(accounts)))
      .catch(() => setRegistryFirms([]));
  }, [demoFirms, jurisdiction]);
  const [form, setForm] = useState<AllocationForm>(() => initialAllocationForm(firms));
  const [errors, setErrors] = useState<AllocationErrors>({});
  const [preview, setPreview] = useState<AllocationPreview>();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [supply, setSupply] = useState<SupplyRow[]>([]);
  const format = localeFormat(locale);

  const loadSupply = () =>
    api
      .supply(jurisdiction)
      .then((s) => setSupply(s.rows))
      .catch(() => undefined);
  useEffect(() => {
    setForm(initialAllocationForm(firms));
    setPreview(undefined);
    void loadSupply();
  }, [firms]);

  const edit = (patch: Partial<AllocationForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setPreview(undefined); // a preview only stands for the inputs it was made from
  };

  const run = async (event: FormEvent, issue: boolean) => {
    event.preventDefault();
    const built = buildAllocationTable(form);
    setErrors(built.errors);
    setMessage(undefined);
    if (!built.table) return;
    try {
      if (!issue) {
        setPreview(await api.previewAllocation(jurisdiction, { actor: regulator.id, ...built.table }));
        return;
      }
      const result = await api.allocate(jurisdiction, {
        actor: regulator.id,
        commandId: `console-allocation-${jurisdiction}-${built.vintage}`,
        vintage: built.vintage,
        ...built.table,
      });
      setMessage({ ok: true, text: t(result.replayed ? 'allocation.alreadyIssued' : 'allocation.issued') });
      await loadSupply();
    } catch (error) {
      setMessage({ ok: false, text: t('errors.server', { message: (error as ApiError).message }) });
    }
  };

  const err = (field: string) =>
    errors[field] ? (
      <span className="field-error" role="alert">
        {t(errors[field].key, errors[field].params)}
      </span>
    ) : null;
  const input = (field: keyof Omit<AllocationForm, 'firms'>) => (
    <label className="field">
      {t(`allocation.${field}`)}
      <input
        name={field}
        value={form[field]}
        aria-invalid={!!errors[field]}
        onChange={(e) => edit({ [field]: e.target.value })}
      />
      {err(field)}
    </label>
  );

  return (
    <div className="regulator">
      <h2>
        {t('allocation.title')} · {t(`jurisdiction.${jurisdiction}`)}
      </h2>
      <div className="grid">
        <section className="panel">
          <h2>{t('allocation.rules')}</h2>
          <form onSubmit={(e) => run(e, false)} noValidate>
            {input('vintage')}
            {input('cap')}
            {input('auctionSharePct')}
            {input('governmentReservePct')}
            {input('newEntrantReservePct')}
            {input('factorPct')}
            {err('firms')}
            <button type="submit" name="preview">
              {t('allocation.preview')}
            </button>
            <button type="button" name="issue" disabled={!preview} onClick={(e) => run(e, true)}>
              {t('allocation.issue')}
            </button>
            {message && (
              <p className={message.ok ? 'ok' : 'field-error'} role="status" data-testid="allocation-status">
                {message.text}
              </p>
            )}
          </form>
        </section>
        <section className="panel wide-2">
          <h2>{t('allocation.firms')}</h2>
          <table data-testid="allocation-table">
            <thead>
              <tr>
                <th>{t('allocation.firm')}</th>
                <th>{t('allocation.historicEmissions')}</th>
                <th>{t('allocation.entitlement')}</th>
                <th>{t('allocation.allocated')}</th>
              </tr>
            </thead>
            <tbody>
              {form.firms.map((firm, i) => {
                const row = preview?.rows.find((r) => r.firmId === firm.firmId);
                return (
                  <tr key={firm.firmId} data-testid="allocation-row">
                    <td>{firm.firmId}</td>
                    <td>
                      <input
                        aria-label={`${firm.firmId} ${t('allocation.historicEmissions')}`}
                        value={firm.historicEmissions}
                        onChange={(e) =>
                          edit({
                            firms: form.firms.map((f, j) =>
                              j === i ? { ...f, historicEmissions: e.target.value } : f,
                            ),
                          })
                        }
                      />
                      {err(`firm.${firm.firmId}`)}
                    </td>
                    <td>{row ? format.number(row.entitlement) : '—'}</td>
                    <td data-testid="allocated">{row ? format.number(row.allocated) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {preview && (
            <p data-testid="allocation-summary">
              {t('allocation.summary', {
                cap: format.number(preview.cap),
                auction: format.number(preview.auction),
                reserve: format.number(preview.governmentReserve + preview.newEntrantReserve),
                free: format.number(preview.totalAllocated),
              })}
              {preview.scaled && ` ${t('allocation.scaled')}`}
            </p>
          )}
        </section>
        <section className="panel wide">
          <h2>{t('allocation.supply')}</h2>
          <table data-testid="supply-table">
            <thead>
              <tr>
                <th>{t('allocation.vintage')}</th>
                <th>{t('allocation.issuedUnits')}</th>
                <th>{t('allocation.held')}</th>
                <th>{t('allocation.surrendered')}</th>
                <th>{t('allocation.conserved')}</th>
              </tr>
            </thead>
            <tbody>
              {supply.map((row) => (
                <tr key={`${row.kind}-${row.vintage}`} data-testid="supply-row">
                  <td>
                    {t(`kinds.${row.kind}`, { defaultValue: row.kind })} {row.vintage}
                  </td>
                  <td>{format.number(row.issued)}</td>
                  <td>{format.number(row.held)}</td>
                  <td>{format.number(row.surrendered)}</td>
                  <td>{row.conserved ? '✓' : '✗'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </div>
  );
}
