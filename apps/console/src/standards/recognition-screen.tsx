import {
  CHENGYU_RECOGNITION_2026_1,
  recognitionAgreementSchema,
  type RecognitionAgreement,
} from '@app/recognition';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { usePolling } from '../api/use-polling';
import { localeFormat } from '../format/locale-format';
import type { DemoUser } from '../shell/demo-users';
import { FilteredHeader, readableError } from '../shell/form-parts';
import { agreementVersion } from './standard-types';
import { TwoKeyScreen, type TwoKeyService } from './two-key-screen';

const recognition: TwoKeyService<RecognitionAgreement> = {
  id: 'recognition',
  list: async () => (await api.recognitionAgreements()).map(agreementVersion),
  document: async (v) => v.document,
  propose: (regulator, document, commandId) =>
    api.proposeRecognitionAgreement({ regulator, actor: regulator, document, commandId }),
  approve: (version, jurisdiction, regulator, effectiveFrom, commandId) =>
    api.approveRecognitionAgreement(version, {
      regulator,
      actor: regulator,
      jurisdiction,
      effectiveFrom,
      commandId,
    }),
  schema: recognitionAgreementSchema,
  preset: CHENGYU_RECOGNITION_2026_1,
  notBeforeToday: false,
  Summary: RecognitionRules,
};

/** Cross-province recognition: the agreement's versions and keys, and the requests in this province. */
export function RecognitionScreen({ regulator, locale }: { regulator: DemoUser; locale: string }) {
  return (
    <>
      <TwoKeyScreen service={recognition} regulator={regulator} locale={locale} />
      <RecognitionRequests registry={regulator.jurisdiction ?? 'CQ'} locale={locale} />
    </>
  );
}

function RecognitionRules({ document, locale }: { document: RecognitionAgreement; locale: string }) {
  const { t } = useTranslation();
  const format = localeFormat(locale);
  return (
    <table data-testid="recognition-rules">
      <thead>
        <tr>
          <th>{t('recognition.rule')}</th>
          <th>{t('recognition.direction')}</th>
          <th>{t('recognition.kinds')}</th>
          <th>{t('recognition.vintages')}</th>
          <th>{t('recognition.excluded')}</th>
          <th>{t('recognition.conversion')}</th>
          <th>{t('recognition.quota')}</th>
          <th>{t('recognition.uses')}</th>
        </tr>
      </thead>
      <tbody>
        {document.rules.map((r) => (
          <tr key={r.ruleId} data-testid="recognition-rule">
            <td className="text">{r.ruleId}</td>
            <td>
              {t(`jurisdiction.${r.origin}`)} → {t(`jurisdiction.${r.destination}`)}
            </td>
            <td>
              {r.creditKinds
                .map((k) => t(`kinds.${k}`, { defaultValue: k }))
                .join(t('pricing.listSeparator'))}
            </td>
            <td>
              {r.vintages.from}–{r.vintages.to}
            </td>
            <td>{r.excludedProjectTypes.length ? r.excludedProjectTypes.join(', ') : '—'}</td>
            <td>
              {format.number(r.conversion.num)} : {format.number(r.conversion.den)}
            </td>
            <td>{format.number(r.annualQuota)}</td>
            <td>{r.uses.map((u) => t(`recognition.use.${u}`)).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The registry's filters (a refused request is answered 422 and never stored, so there is no `rejected`). */
const FILTERS = ['pending', 'completed', 'compensated', 'all'] as const;

/** The requests whose origin or destination is this province; pending ones first, as a regulator watches them. */
function RecognitionRequests({ registry, locale }: { registry: string; locale: string }) {
  const { t } = useTranslation();
  const format = localeFormat(locale);
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('pending');
  const { data: requests = [], error } = usePolling(
    () => api.recognitionRequests(registry, filter),
    2000,
    `recognition-requests-${registry}-${filter}`,
  );
  return (
    <section className="panel requests" data-testid="recognition-requests">
      <FilteredHeader
        title={t('recognition.requests')}
        name="request-filter"
        filters={FILTERS}
        value={filter}
        labelOf={(f) => t(`recognition.filters.${f}`)}
        onChange={setFilter}
      />
      {error && <p className="field-error">{readableError(t, error)}</p>}
      {requests.length === 0 ? (
        <p className="muted">{t('recognition.noRequests')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('recognition.request')}</th>
              <th>{t('recognition.holder')}</th>
              <th>{t('recognition.direction')}</th>
              <th>{t('recognition.kinds')}</th>
              <th>{t('recognition.quantity')}</th>
              <th>{t('recognition.requestedAt')}</th>
              <th>{t('standards.statusColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.requestId} data-testid="recognition-request">
                <td className="text">{r.requestId}</td>
                <td>{r.holderId}</td>
                <td>
                  {t(`jurisdiction.${r.origin}`)} → {t(`jurisdiction.${r.destination}`)}
                </td>
                <td>
                  {t(`kinds.${r.kind}`, { defaultValue: r.kind })} {r.vintage} · {r.projectType}
                </td>
                <td>
                  {format.number(r.originQuantity)} → {format.number(r.destinationQuantity)}
                </td>
                <td>{format.dateTime(Date.parse(r.requestedAt))}</td>
                <td data-testid="request-status" title={r.failure}>
                  {t(`recognition.status.${r.status}`, { defaultValue: r.status })}
                  {r.failure ? ` · ${r.failureDetail ?? r.failure}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
