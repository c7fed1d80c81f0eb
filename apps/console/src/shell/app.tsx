import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf, setLanguage } from '../i18n';
import { RegulatorScreen } from '../regulator/regulator-screen';
import { ResearchScreen } from '../research/research-screen';
import { TradingScreen } from '../trading/trading-screen';
import { api, ApiError, signInAsDemoUser } from '../api/client';
import type { DemoUser } from './demo-users';

type Tab = 'trade' | 'regulator' | 'research';
const TAB_OF_ROLE: Record<DemoUser['role'], Tab> = {
  enterprise: 'trade',
  regulator: 'regulator',
  verifier: 'regulator',
  researcher: 'research',
};

export function App() {
  const { t, i18n } = useTranslation();
  const [users, setUsers] = useState<DemoUser[]>([]);
  const [user, setUser] = useState<DemoUser>();
  const [usersError, setUsersError] = useState<string>();
  const [tab, setTab] = useState<Tab>('trade');
  /** Screens render once a user is signed in; on a switch they stay, and requests wait for the new token. */
  const [signedIn, setSignedIn] = useState(false);

  /**
   * Picks a user: its sign-in starts before any screen of it renders, so every request the screens
   * make (in their effects, which run before this component's) waits for its token.
   */
  const pick = (next: DemoUser) => {
    const signingIn = signInAsDemoUser(next.id);
    setUser(next);
    signingIn.then(() => setSignedIn(true)).catch((error: ApiError) => setUsersError(error.message));
  };

  useEffect(() => {
    api
      .demoUsers()
      .then((list) => {
        setUsers(list);
        if (list[0]) pick(list[0]);
      })
      .catch((error: ApiError) => setUsersError(error.message));
  }, []);
  const locale = localeOf(i18n.language);
  const ready = user !== undefined && signedIn;
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
            value={user?.id ?? ''}
            onChange={(e) => {
              const next = users.find((u) => u.id === e.target.value)!;
              pick(next);
              setTab(TAB_OF_ROLE[next.role]);
            }}
          >
            {users.map((u) => (
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
        {usersError && <p className="field-error">{t('signIn.unavailable', { message: usersError })}</p>}
        {tab === 'trade' && ready && <TradingScreen user={user} locale={locale} />}
        {tab === 'regulator' &&
          ready &&
          (user.role === 'regulator' ? (
            <RegulatorScreen regulator={user} users={users} locale={locale} />
          ) : (
            <p className="muted">{t('placeholder.regulator')}</p>
          ))}
        {tab === 'research' && ready && <ResearchScreen locale={locale} />}
      </main>
    </div>
  );
}
