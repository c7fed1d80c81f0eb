import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import { usePolling } from '../api/use-polling';
import { localeFormat } from '../format/locale-format';
import type { DemoUser } from '../shell/demo-users';
import { FilteredHeader, readableError, StatusLine } from '../shell/form-parts';
import { sideToDecide, type CrossProvinceTransfer, type TransferDecision } from './transfer-types';

const FILTERS = ['pending', 'completed', 'rejected', 'expired', 'all'] as const;

/**
 * Cross-province transfers of pollutant, water and electricity-use rights: by default those awaiting
 * a decision. The regulator decides its own side (the outflow of its sellers, the inflow of its
 * buyers); a rejection needs a reason.
 */
export function TransfersScreen({ regulator, locale }: { regulator: DemoUser; locale: string }) {
  const { t } = useTranslation();
  const format = localeFormat(locale);
  const province = regulator.jurisdiction ?? 'CQ';
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('pending');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [refresh, setRefresh] = useState(0);
  const { data: transfers = [], error } = usePolling(
    () => api.crossProvinceTransfers(filter),
    2000,
    `transfers-${regulator.id}-${filter}-${refresh}`,
  );

  const decide = async (transfer: CrossProvinceTransfer, decision: 'approve' | 'reject') => {
    const side = sideToDecide(transfer, province);
    if (!side) return;
    const reason = (reasons[transfer.transferId] ?? '').trim();
    if (decision === 'reject' && !reason) {
      setStatus({ ok: false, text: t('transfers.reasonRequired') });
      return;
    }
    try {
      await api.decideTransfer(transfer.transferId, side, {
        // One command per side: sending it again is a replay, not a second decision.
        commandId: `console-${transfer.transferId}-${side}`,
        decision,
        ...(decision === 'reject' ? { reason } : {}),
      });
      setStatus({ ok: true, text: t(`transfers.decided.${decision}`, { id: transfer.transferId }) });
      setRefresh((n) => n + 1);
    } catch (e) {
      setStatus({ ok: false, text: readableError(t, e as ApiError) });
    }
  };

  const decisionText = (d?: TransferDecision) =>
    d
      ? `${t(`transfers.decision.${d.decision}`)}${d.reason ? ` · ${d.reason}` : ''}`
      : t('transfers.awaiting');

  return (
    <section className="panel" data-testid="transfers">
      <FilteredHeader
        title={t('transfers.title')}
        name="transfer-filter"
        filters={FILTERS}
        value={filter}
        labelOf={(f) => t(`transfers.filters.${f}`)}
        onChange={setFilter}
      />
      {error && <p className="field-error">{readableError(t, error)}</p>}
      <StatusLine status={status} testId="transfer-status" />
      {transfers.length === 0 ? (
        <p className="muted">{t('transfers.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('transfers.transfer')}</th>
              <th>{t('transfers.seller')}</th>
              <th>{t('transfers.buyer')}</th>
              <th>{t('transfers.right')}</th>
              <th>{t('transfers.quantity')}</th>
              <th>{t('transfers.total')}</th>
              <th>{t('transfers.expires')}</th>
              <th>{t('transfers.outflow')}</th>
              <th>{t('transfers.inflow')}</th>
              <th>{t('standards.statusColumn')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {transfers.map((x) => {
              const side = sideToDecide(x, province);
              return (
                <tr key={x.transferId} data-testid="transfer-row">
                  <td className="text">{x.transferId}</td>
                  <td>
                    {x.request.sellerAccountId} ({t(`jurisdiction.${x.request.from}`)})
                  </td>
                  <td>
                    {x.request.buyerAccountId} ({t(`jurisdiction.${x.request.to}`)})
                  </td>
                  <td>
                    {t(`kinds.${x.request.kind}`, { defaultValue: x.request.kind })} {x.request.vintage ?? ''}
                  </td>
                  <td>{format.number(x.request.quantity)}</td>
                  <td>{format.yuan(x.request.totalFen)}</td>
                  <td>{format.dateTime(Date.parse(x.request.expiresAt))}</td>
                  <td data-testid="outflow-decision">{decisionText(x.outflow)}</td>
                  <td data-testid="inflow-decision">{decisionText(x.inflow)}</td>
                  <td data-testid="transfer-state">{t(`transfers.status.${x.status}`)}</td>
                  <td className="actions">
                    {side && (
                      <>
                        <button name={`approve-${x.transferId}`} onClick={() => void decide(x, 'approve')}>
                          {t(`transfers.approve.${side}`)}
                        </button>
                        <input
                          name={`reason-${x.transferId}`}
                          placeholder={t('transfers.reason')}
                          value={reasons[x.transferId] ?? ''}
                          onChange={(e) => setReasons((r) => ({ ...r, [x.transferId]: e.target.value }))}
                        />
                        <button name={`reject-${x.transferId}`} onClick={() => void decide(x, 'reject')}>
                          {t('transfers.reject')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
