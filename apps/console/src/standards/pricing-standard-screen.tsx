import {
  CHENGYU_PRICING_STANDARD_2026_1,
  INSTRUMENT_CLASSES,
  pricingStandardSchema,
  type PricingStandard,
} from '@app/pricing';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { localeFormat } from '../format/locale-format';
import type { DemoUser } from '../shell/demo-users';
import { TwoKeyScreen, type TwoKeyService } from './two-key-screen';

const pricing: TwoKeyService<PricingStandard> = {
  id: 'pricing',
  list: () => api.pricingStandards(),
  document: async (v) => (await api.pricingStandard(v.version)).document,
  propose: (regulator, document, commandId) => api.proposePricingStandard({ regulator, document, commandId }),
  approve: (version, province, regulator, effectiveFrom, commandId) =>
    api.approvePricingStandard(version, { province, regulator, effectiveFrom, commandId }),
  schema: pricingStandardSchema,
  preset: CHENGYU_PRICING_STANDARD_2026_1,
  notBeforeToday: true,
  Summary: PricingSummary,
};

/** The joint pricing standard: versions, this province's key, a new version proposed. */
export function PricingStandardScreen({ regulator, locale }: { regulator: DemoUser; locale: string }) {
  return <TwoKeyScreen service={pricing} regulator={regulator} locale={locale} />;
}

/** What a version changes on the exchange: the close, and tick and bands per instrument class. */
function PricingSummary({ document, locale }: { document: PricingStandard; locale: string }) {
  const { t } = useTranslation();
  const format = localeFormat(locale);
  const { closing, bands } = document;
  return (
    <div>
      <p data-testid="closing-rule">
        {t('pricing.closing', {
          venues: closing.venues.map((v) => t(`pricing.venues.${v}`)).join(t('pricing.listSeparator')),
          minVolume: format.number(closing.minVolume),
          fallbacks: closing.fallbacks
            .map((f) => t(`pricing.fallbacks.${f}`))
            .join(t('pricing.listSeparator')),
        })}
      </p>
      <table data-testid="pricing-bands">
        <thead>
          <tr>
            <th>{t('pricing.class')}</th>
            <th>{t('pricing.tick')}</th>
            <th>{t('pricing.listingBand')}</th>
            <th>{t('pricing.blockBand')}</th>
          </tr>
        </thead>
        <tbody>
          {INSTRUMENT_CLASSES.map((c) => (
            <tr key={c}>
              <td className="text">{t(`pricing.classes.${c}`)}</td>
              <td>{format.yuan(bands[c].tickFen)}</td>
              <td>±{format.percentBp(bands[c].listingBandBp)}</td>
              <td>±{format.percentBp(bands[c].blockBandBp)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        {t('pricing.more', {
          entries: format.number(document.benchmark.entries.length),
          years: format.number(document.benchmark.validityYears),
          constituents: format.number(document.index.constituents.length),
        })}
      </p>
    </div>
  );
}
