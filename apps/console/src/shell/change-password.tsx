import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import { PasswordField, readableError, StatusLine } from './form-parts';

/** A password user's own change (`POST /auth/password`): the current password, then the new one. */
export function ChangePassword({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.changeOwnPassword(current, next);
      setCurrent('');
      setNext('');
      setStatus({ ok: true, text: t('signIn.passwordChanged') });
    } catch (e) {
      const failure = e as ApiError;
      setStatus({
        ok: false,
        text: failure.status === 401 ? t('signIn.wrongCurrentPassword') : readableError(t, failure),
      });
    }
  };

  return (
    <form className="panel sign-in" aria-label={t('signIn.changePassword')} onSubmit={submit}>
      <h2>{t('signIn.changePassword')}</h2>
      <PasswordField
        name="current-password"
        label={t('signIn.currentPassword')}
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
      />
      <PasswordField
        name="new-password"
        label={t('signIn.newPassword')}
        autoComplete="new-password"
        value={next}
        onChange={setNext}
      />
      <StatusLine status={status} testId="password-status" />
      <button type="submit" name="save-password" disabled={!current || !next}>
        {t('signIn.changePassword')}
      </button>{' '}
      <button type="button" name="close-password" onClick={onClose}>
        {t('signIn.close')}
      </button>
    </form>
  );
}
