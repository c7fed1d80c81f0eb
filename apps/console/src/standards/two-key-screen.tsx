import type { Province } from '@app/pricing';
import type { TFunction } from 'i18next';
import { ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePolling } from '../api/use-polling';
import { beijingToday } from '../format/beijing-today';
import { localeFormat } from '../format/locale-format';
import type { DemoUser } from '../shell/demo-users';
import { FieldMessage, readableError, StatusLine, TextField } from '../shell/form-parts';
import type { FieldError } from '../trading/order-ticket-rules';
import {
  checkApproval,
  checkProposal,
  DocumentIssue,
  jointRegulatorId,
  nextVersion,
  proposedEffectiveFrom,
  TwoKeyVersion,
} from './two-key';

/** What the screen needs of one two-key service (the pricing standard, the recognition agreement). */
export interface TwoKeyService<D extends { version: string }> {
  /** Dictionary section of its titles: `pricing`, `recognition` or `marketMode`. */
  id: 'pricing' | 'recognition' | 'marketMode';
  list: () => Promise<TwoKeyVersion<D>[]>;
  /** The version's document (the list may leave it out). */
  document: (version: TwoKeyVersion<D>) => Promise<D | undefined>;
  propose: (regulator: string, document: D, commandId: string) => Promise<unknown>;
  approve: (
    version: string,
    province: Province,
    regulator: string,
    effectiveFrom: string,
    commandId: string,
  ) => Promise<unknown>;
  schema: Parameters<typeof checkProposal<D>>[1];
  /** The document a first proposal starts from. */
  preset: D;
  /** The service refuses an effective date before today (Beijing). */
  notBeforeToday: boolean;
  Summary: (props: { document: D; locale: string }) => ReactNode;
  /** A version's title in the user's language, when the document's own title is not one. */
  titleOf?: (version: TwoKeyVersion<D>, t: TFunction) => string;
}

/**
 * Versions of a document the two provinces adopt by two keys: each version's status and keys,
 * this regulator's key for its own province (the date checked as the service would), and a new
 * version proposed from the latest document, checked by the service's own schema before sending.
 */
export function TwoKeyScreen<D extends { version: string }>({
  service,
  regulator,
  locale,
}: {
  service: TwoKeyService<D>;
  regulator: DemoUser;
  locale: string;
}) {
  const { t } = useTranslation();
  const province = (regulator.jurisdiction ?? 'CQ') as Province;
  const format = localeFormat(locale);
  const { data: versions = [], error } = usePolling(service.list, 2000, `${service.id}-versions`);
  const [selected, setSelected] = useState<string>();
  const current = versions.find((v) => v.version === selected) ?? versions.at(-1);
  const [document, setDocument] = useState<D>();
  const today = beijingToday(Date.now());

  const currentKey = current ? `${current.version}|${current.status}` : '';
  useEffect(() => {
    setDocument(undefined);
    if (current) void service.document(current).then(setDocument, () => undefined);
  }, [current?.version]);

  const keyCell = (v: TwoKeyVersion, p: Province) => {
    const key = v.approvals[p];
    return key ? `✓ ${format.date(key.effectiveFrom)}` : t('standards.awaiting');
  };

  return (
    <div className="regulator">
      <h2>
        {t(`${service.id}.title`)} · {t(`jurisdiction.${province}`)}
      </h2>
      <div className="grid">
        <section className="panel wide">
          <h2>{t('standards.versions')}</h2>
          {error && <p className="field-error">{readableError(t, error)}</p>}
          {versions.length === 0 ? (
            <p className="muted">{t('standards.none')}</p>
          ) : (
            <table data-testid={`${service.id}-versions`}>
              <thead>
                <tr>
                  <th>{t('standards.version')}</th>
                  <th>{t('standards.titleColumn')}</th>
                  <th>{t('standards.statusColumn')}</th>
                  <th>{t('jurisdiction.CQ')}</th>
                  <th>{t('jurisdiction.SC')}</th>
                  <th>{t('standards.effectiveFrom')}</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => (
                  <tr
                    key={v.version}
                    data-testid="version-row"
                    className={v.version === current?.version ? 'selected' : ''}
                    onClick={() => setSelected(v.version)}
                  >
                    <td>
                      <button type="button" className="link" name={`open-${v.version}`}>
                        {v.version}
                      </button>
                    </td>
                    <td className="text">{service.titleOf?.(v, t) ?? v.title}</td>
                    <td data-testid="version-status">
                      {t(`standards.status.${v.status}`)}
                      {v.inForce ? ` · ${t('standards.inForce')}` : ''}
                    </td>
                    <td>{keyCell(v, 'CQ')}</td>
                    <td>{keyCell(v, 'SC')}</td>
                    <td>{v.effectiveFrom ? format.date(v.effectiveFrom) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        {current && (
          <section className="panel wide-2 scroll" data-testid="document-summary">
            <h2>
              {current.version} · {service.titleOf?.(current, t) ?? current.title}
            </h2>
            {document ? <service.Summary document={document} locale={locale} /> : <p className="muted">…</p>}
          </section>
        )}
        {current && (
          <ApprovalPanel
            key={currentKey}
            service={service}
            version={current}
            province={province}
            today={today}
            locale={locale}
          />
        )}
        <ProposalPanel
          key={versions.map((v) => v.version).join()}
          service={service}
          province={province}
          latest={document && current?.version === versions.at(-1)?.version ? document : undefined}
          taken={versions.map((v) => v.version)}
          year={Number(today.slice(0, 4))}
        />
      </div>
    </div>
  );
}

function ApprovalPanel<D extends { version: string }>({
  service,
  version,
  province,
  today,
  locale,
}: {
  service: TwoKeyService<D>;
  version: TwoKeyVersion<D>;
  province: Province;
  today: string;
  locale: string;
}) {
  const { t } = useTranslation();
  const format = localeFormat(locale);
  const [effectiveFrom, setEffectiveFrom] = useState(() => proposedEffectiveFrom(version, today));
  const [error, setError] = useState<FieldError>();
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const mine = version.approvals[province];

  const approve = async () => {
    const checked = checkApproval(version, province, effectiveFrom, {
      today,
      notBeforeToday: service.notBeforeToday,
    });
    setError(checked.error);
    setStatus(undefined);
    if (!checked.effectiveFrom) return;
    const regulator = jointRegulatorId(province);
    try {
      await service.approve(
        version.version,
        province,
        regulator,
        checked.effectiveFrom,
        `console-${service.id}-${version.version}-${province}-${checked.effectiveFrom}`,
      );
      setStatus({ ok: true, text: t('standards.approved', { version: version.version }) });
    } catch (e) {
      if ((e as { field?: string }).field === 'effectiveFrom')
        setError({ key: 'errors.server', params: { message: (e as Error).message } });
      setStatus({ ok: false, text: readableError(t, e) });
    }
  };

  return (
    <section className="panel" data-testid="approval-panel">
      <h2>{t('standards.myKey', { province: t(`jurisdiction.${province}`) })}</h2>
      {mine ? (
        <p className="ok">{t('standards.alreadyMine', { date: format.date(mine.effectiveFrom) })}</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void approve();
          }}
          noValidate
        >
          <TextField
            name="effectiveFrom"
            label={t('standards.effectiveFromInput')}
            value={effectiveFrom}
            error={error}
            onChange={setEffectiveFrom}
          />
          <button type="submit" name="approve-version">
            {t('standards.approve', { version: version.version, province: t(`jurisdiction.${province}`) })}
          </button>
        </form>
      )}
      <StatusLine status={status} testId="approval-status" />
    </section>
  );
}

function ProposalPanel<D extends { version: string }>({
  service,
  province,
  latest,
  taken,
  year,
}: {
  service: TwoKeyService<D>;
  province: Province;
  latest?: D;
  taken: string[];
  year: number;
}) {
  const { t } = useTranslation();
  const start = (from: D) => JSON.stringify({ ...from, version: nextVersion(taken, year) }, null, 2);
  const [text, setText] = useState(() => start(latest ?? service.preset));
  const [error, setError] = useState<FieldError>();
  const [issues, setIssues] = useState<DocumentIssue[]>([]);
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  useEffect(() => {
    if (latest) setText(start(latest));
  }, [latest]);

  const propose = async () => {
    const checked = checkProposal(text, service.schema, taken);
    setError(checked.error);
    setIssues(checked.issues);
    setStatus(undefined);
    if (!checked.document) return;
    try {
      await service.propose(
        jointRegulatorId(province),
        checked.document,
        `console-${service.id}-propose-${checked.document.version}`,
      );
      setStatus({ ok: true, text: t('standards.proposed', { version: checked.document.version }) });
    } catch (e) {
      setStatus({ ok: false, text: readableError(t, e) });
    }
  };

  return (
    <section className="panel wide" data-testid="proposal-panel">
      <h2>{t('standards.propose')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void propose();
        }}
        noValidate
      >
        <label className="field">
          {t('standards.documentInput')}
          <textarea
            name="document"
            rows={12}
            spellCheck={false}
            value={text}
            aria-invalid={!!error}
            onChange={(e) => setText(e.target.value)}
          />
          <FieldMessage name="document" error={error} />
          {issues.length > 0 && (
            <ul className="field-error" data-testid="document-issues">
              {issues.map((i) => (
                <li key={`${i.path}-${i.message}`}>
                  <code>{i.path}</code>: {i.message}
                </li>
              ))}
            </ul>
          )}
        </label>
        <button type="submit" name="propose-version">
          {t('standards.proposeButton')}
        </button>
      </form>
      <StatusLine status={status} testId="proposal-status" />
    </section>
  );
}
