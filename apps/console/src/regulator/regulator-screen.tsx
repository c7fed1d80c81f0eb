import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemoUser } from '../shell/demo-users';
import { AllocationScreen } from './allocation-screen';
import { MarketView } from './market-view';

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
  const [section, setSection] = useState<'allocation' | 'market'>('allocation');
  return (
    <div>
      <div className="segmented sections">
        {(['allocation', 'market'] as const).map((s) => (
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
      {section === 'allocation' ? (
        <AllocationScreen regulator={regulator} users={users} locale={locale} />
      ) : (
        <MarketView locale={locale} />
      )}
    </div>
  );
}
