import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Principal } from '@app/domain';
import { localeOf, setLanguage } from '../i18n';
import { UsersScreen } from '../admin/users-screen';
import { RegulatorScreen } from '../regulator/regulator-screen';
import { ResearchScreen } from '../research/research-screen';
import { TradingScreen } from '../trading/trading-screen';
import { api, ApiError, signInAsDemoUser, signOut } from '../api/client';
import { type DemoUser, userOfPrincipal } from './demo-users';
import { ChangePassword } from './change-password';
import { PasswordSignIn } from './password-sign-in';

type Tab = 'trade' | 'regulator' | 'research' | 'admin';
const TAB_OF_ROLE: Record<DemoUser['role'], Tab> = {
  enterprise: 'trade',
  regulator: 'regulator',
  verifier: 'regulator',
  researcher: 'research',
  admin: 'admin',
};
/** The picker's entry that opens the password form instead of a demo user. */
const WITH_PASSWORD = '';

export function App() {
  const { t, i18n } = useTranslation();
  const [users, setUsers] = useState<DemoUser[]>([]);
  const [user, setUser] = useState<DemoUser>();
  const [usersError, setUsersError] = useState<string>();
  /** Whether the demo users were asked for yet: the password form waits, so it does not flash in demo mode. */
  const [usersLoaded, setUsersLoaded] = useState(false);
  const [tab, setTab] = useState<Tab>('trade');
  /** Screens render once a user is signed in; on a switch they stay, and requests wait for the new token. */
  const [signedIn, setSignedIn] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);

  /**
   * Picks a user: its sign-in starts before any screen of it renders, so every request the screens
   * make (in their effects, which run before this component's) waits for its token.
   */
  const pick = (next: DemoUser) => {
    const signingIn = signInAsDemoUser(next.id);
    setUser(next);
    signingIn.then(() => setSignedIn(true)).catch((error: ApiError) => setUsersError(error.message));
  };

  const signedInWithPassword = (principal: Principal) => {
    const next = userOfPrincipal(principal);
    setUser(next);
    setSignedIn(true);
    setTab(TAB_OF_ROLE[next.role]);
  };

  const leave = () => {
    signOut();
    setChangingPassword(false);
    setSignedIn(false);
    setUser(undefined);
  };

  useEffect(() => {
    // Without demo users (a gateway, or the sandbox with DEMO=off) the console opens at the password form.
    api
      .demoUsers()
      .then((list) => {
        setUsers(list);
        if (list[0]) pick(list[0]);
      })
      .catch((error: ApiError) => {
        if (error.status !== 404) setUsersError(error.message);
      })
      .finally(() => setUsersLoaded(true));
  }, []);
  const locale = localeOf(i18n.language);
  const ready = user !== undefined && signedIn;
  const name = (u: DemoUser) => (i18n.language === 'en' ? u.nameEn : u.nameZh);
  const tabs: Tab[] = user?.role === 'admin' ? ['admin'] : ['trade', 'regulator', 'research'];

  return (
    <div className="app">
      <header className="top">
        <div>
          <h1>{t('app.title')}</h1>
          <small>{t('app.subtitle')}</small>
        </div>
        <nav>
          {ready &&
            tabs.map((k) => (
              <button key={k} className={tab === k ? 'on' : ''} onClick={() => setTab(k)}>
                {t(`nav.${k}`)}
              </button>
            ))}
        </nav>
        {user?.username !== undefined ? (
          <span data-testid="signed-in-as">
            {t('signIn.as')} {t(`signIn.roles.${user.role}`)} · {user.username}{' '}
            <button name="change-password" onClick={() => setChangingPassword(true)}>
              {t('signIn.changePassword')}
            </button>{' '}
            <button name="sign-out" onClick={leave}>
              {t('signIn.signOut')}
            </button>
          </span>
        ) : (
          <label>
            {t('signIn.as')}
            <select
              name="user"
              aria-label={t('signIn.title')}
              value={user?.id ?? WITH_PASSWORD}
              onChange={(e) => {
                const next = users.find((u) => u.id === e.target.value);
                if (!next) return leave();
                pick(next);
                setTab(TAB_OF_ROLE[next.role]);
              }}
            >
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {t(`signIn.roles.${u.role}`)} · {name(u)}
                </option>
              ))}
              <option value={WITH_PASSWORD}>{t('signIn.withPassword')}…</option>
            </select>
          </label>
        )}
        <button className="language" onClick={() => setLanguage(i18n.language === 'en' ? 'zh' : 'en')}>
          {t('language.switchTo')}
        </button>
      </header>
      <main>
        {usersError && <p className="field-error">{t('signIn.unavailable', { message: usersError })}</p>}
        {usersLoaded && !user && <PasswordSignIn onSignedIn={signedInWithPassword} />}
        {changingPassword && user?.username !== undefined && (
          <ChangePassword onClose={() => setChangingPassword(false)} />
        )}
        {tab === 'trade' && ready && <TradingScreen user={user} locale={locale} />}
        {tab === 'regulator' &&
          ready &&
          (user.role === 'regulator' ? (
            <RegulatorScreen regulator={user} users={users} locale={locale} />
          ) : (
            <p className="muted">{t('placeholder.regulator')}</p>
          ))}
        {tab === 'research' && ready && <ResearchScreen locale={locale} />}
        {tab === 'admin' && ready && user.role === 'admin' && <UsersScreen admin={user} locale={locale} />}
      </main>
    </div>
  );
}
