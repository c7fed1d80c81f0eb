import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Principal } from '@app/domain';
import { ApiError, signInWithPassword } from '../api/client';
import { PasswordField, readableError } from './form-parts';

/** Username and password (`POST /auth/sign-in`): how a deployment without demo users is entered. */
export function PasswordSignIn({ onSignedIn }: { onSignedIn: (principal: Principal) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await signInWithPassword(username.trim(), password));
    } catch (e) {
      const failure = e as ApiError;
      setError(failure.status === 401 ? t('signIn.badCredentials') : readableError(t, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel sign-in" aria-label={t('signIn.withPassword')} onSubmit={submit}>
      <h2>{t('signIn.withPassword')}</h2>
      <label className="field">
        {t('signIn.username')}
        <input
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
      </label>
      <PasswordField
        name="password"
        label={t('signIn.password')}
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
      />
      {error && (
        <p className="field-error" role="alert" data-testid="sign-in-error">
          {error}
        </p>
      )}
      <button type="submit" name="sign-in" disabled={busy || !username.trim() || !password}>
        {t('signIn.submit')}
      </button>
    </form>
  );
}
