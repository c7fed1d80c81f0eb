import type { Province } from '@app/pricing';
import { parseMarketModeDecision, type MarketModeDecision } from '@app/recognition';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { usePolling } from '../api/use-polling';
import { localeFormat } from '../format/locale-format';
import type { DemoUser } from '../shell/demo-users';
import type { MarketModeRecord } from './standard-types';
import type { TwoKeyVersion } from './two-key';
import { TwoKeyScreen, type TwoKeyService } from './two-key-screen';

/** The library's own check, read as a schema: its one refusal names the field as the gateway's 422 would. */
const decisionSchema: TwoKeyService<MarketModeDecision>['schema'] = {
  safeParse: (raw: unknown) => {
    try {
      return { success: true, data: parseMarketModeDecision(raw) };
    } catch (e) {
      const field = String((e as { field?: string }).field ?? '(root)').replace(/^document\./, '');
      return { success: false, error: { issues: [{ path: [field], message: (e as Error).message }] } };
    }
  },
};

function decisionVersion(r: MarketModeRecord): TwoKeyVersion<MarketModeDecision> {
  const keys = (['CQ', 'SC'] as const).filter((p) => r.approvals[p]);
  return {
    version: r.version,
    title: r.note ? `${r.mode} · ${r.note}` : r.mode,
    status: r.status === 'adopted' ? 'adopted' : keys.length > 0 ? 'approved-by-one' : 'proposed',
    approvals: r.approvals,
    awaiting: r.status === 'adopted' ? [] : (['CQ', 'SC'] as Province[]).filter((p) => !r.approvals[p]),
    ...(r.effectiveFrom !== undefined ? { effectiveFrom: r.effectiveFrom } : {}),
    document: {
      version: r.version,
      mode: r.mode,
      ...(r.mode === 'linked' ? { exchangeRatio: r.exchangeRatio } : {}),
      ...(r.note ? { note: r.note } : {}),
    },
  };
}

const marketMode: TwoKeyService<MarketModeDecision> = {
  id: 'marketMode',
  list: async () => (await api.marketModeDecisions()).map(decisionVersion),
  document: async (v) => v.document,
  propose: (regulator, document) => api.proposeMarketMode({ regulator, document }),
  approve: (version, jurisdiction, regulator, effectiveFrom) =>
    api.approveMarketMode(version, { regulator, jurisdiction, effectiveFrom }),
  schema: decisionSchema,
  preset: { version: '', mode: 'recognition-only' },
  notBeforeToday: true,
  Summary: DecisionSummary,
  titleOf: (v, t) =>
    [t(`marketMode.modes.${v.document?.mode ?? 'separate'}`), v.document?.note].filter(Boolean).join(' · '),
};

/** The joint market's mode (separate, recognition-only, linked): decisions by two keys, the mode in force. */
export function MarketModeScreen({ regulator, locale }: { regulator: DemoUser; locale: string }) {
  return <TwoKeyScreen service={marketMode} regulator={regulator} locale={locale} />;
}

function DecisionSummary({ document, locale }: { document: MarketModeDecision; locale: string }) {
  const { t } = useTranslation();
  const format = localeFormat(locale);
  const { data: inForce } = usePolling(() => api.marketModeInForce(), 2000, 'market-mode-in-force');
  return (
    <div>
      <p data-testid="decision-mode">
        {t('marketMode.decides', { mode: t(`marketMode.modes.${document.mode}`) })}
        {document.exchangeRatio &&
          ` ${t('marketMode.ratio', {
            cq: format.number(document.exchangeRatio.CQ),
            sc: format.number(document.exchangeRatio.SC),
          })}`}
      </p>
      {inForce && (
        <p className="hint" data-testid="mode-in-force">
          {t('marketMode.inForce', {
            mode: t(`marketMode.modes.${inForce.mode}`),
            day: format.date(inForce.at),
          })}
        </p>
      )}
    </div>
  );
}
