import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemoUser } from '../shell/demo-users';
import { AuctionsScreen } from '../auctions/auctions-screen';
import { MarketModeScreen } from '../standards/market-mode-screen';
import { PricingStandardScreen } from '../standards/pricing-standard-screen';
import { RecognitionScreen } from '../standards/recognition-screen';
import { AllocationScreen } from './allocation-screen';
import { LargeHolders } from './large-holders';
import { MarketView } from './market-view';
import { TransfersScreen } from './transfers-screen';

const SECTIONS = [
  'allocation',
  'auctions',
  'marketMode',
  'recognition',
  'transfers',
  'pricing',
  'market',
] as const;
type Section = (typeof SECTIONS)[number];

export function RegulatorScreen({
  regulator,
  users,
  locale,
}: {
  regulator: DemoUser;
  users: DemoUser[];
  locale: string;
}) {
  const { t } = useTranslation();
  const [section, setSection] = useState<Section>('allocation');
  return (
    <div>
      <div className="segmented sections">
        {SECTIONS.map((s) => (
          <label key={s} className={section === s ? 'on' : ''}>
            <input
              type="radio"
              name="section"
              value={s}
              checked={section === s}
              onChange={() => setSection(s)}
            />
            {t(`allocation.sections.${s}`)}
          </label>
        ))}
      </div>
      {section === 'allocation' && <AllocationScreen regulator={regulator} users={users} locale={locale} />}
      {section === 'auctions' && <AuctionsScreen regulator={regulator} locale={locale} />}
      {section === 'marketMode' && <MarketModeScreen regulator={regulator} locale={locale} />}
      {section === 'recognition' && <RecognitionScreen regulator={regulator} locale={locale} />}
      {section === 'transfers' && (
        <TransfersScreen key={regulator.id} regulator={regulator} locale={locale} />
      )}
      {section === 'pricing' && <PricingStandardScreen regulator={regulator} locale={locale} />}
      {section === 'market' && (
        <>
          <MarketView locale={locale} />
          <LargeHolders locale={locale} />
        </>
      )}
    </div>
  );
}
