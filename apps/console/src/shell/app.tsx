import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf, setLanguage } from '../i18n';
import { TradingScreen } from '../trading/trading-screen';
import { DEMO_USERS, DemoUser } from './demo-users';

type Tab = 'trade' | 'regulator' | 'research';
const TAB_OF_ROLE: Record<DemoUser['role'], Tab> = {
  enterprise: 'trade',
  regulator: 'regulator',
  researcher: 'research',
};

export function App() {
  const { t, i18n } = useTranslation();
  const [user, setUser] = useState<DemoUser>(DEMO_USERS[0]);
  const [tab, setTab] = useState<Tab>('trade');
  const locale = localeOf(i18n.language);
  const name = (u: DemoUser) => (i18n.language === 'en' ? u.nameEn : u.nameZh);

  return (
    <div className="app">
      <header className="top">
        <div>
          <h1>{t('app.title')}</h1>
          <small>{t('app.subtitle')}</small>
        </div>
        <nav>
          {(['trade', 'regulator', 'research'] as const).map((k) => (
            <button key={k} className={tab === k ? 'on' : ''} onClick={() => setTab(k)}>
              {t(`nav.${k}`)}
            </button>
          ))}
        </nav>
        <label>
          {t('signIn.as')}
          <select
            name="user"
            aria-label={t('signIn.title')}
            value={user.id}
            onChange={(e) => {
              const next = DEMO_USERS.find((u) => u.id === e.target.value)!;
              setUser(next);
              setTab(TAB_OF_ROLE[next.role]);
            }}
          >
            {DEMO_USERS.map((u) => (
              <option key={u.id} value={u.id}>
                {t(`signIn.roles.${u.role}`)} · {name(u)}
              </option>
            ))}
          </select>
        </label>
        <button className="language" onClick={() => setLanguage(i18n.language === 'en' ? 'zh' : 'en')}>
          {t('language.switchTo')}
        </button>
      </header>
      <main>
        {tab === 'trade' && <TradingScreen account={user.id} locale={locale} />}
        {tab === 'regulator' && <p className="muted">{t('placeholder.regulator')}</p>}
        {tab === 'research' && <p className="muted">{t('placeholder.research')}</p>}
      </main>
    </div>
  );
}
