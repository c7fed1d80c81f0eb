import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { ApiKeyView, NewApiKey } from '../api/types';
import { localeFormat } from '../format/locale-format';

/**
 * An enterprise's API keys for programmatic trading (`X-API-Key`): create one (its secret is shown
 * here once, never again), list those not revoked, revoke one (at once, in every service).
 */
export function MyApiKeys({ userId, locale }: { userId: string; locale: string }) {
  const { t } = useTranslation();
  const format = localeFormat(locale);
  const [keys, setKeys] = useState<ApiKeyView[]>();
  const [created, setCreated] = useState<NewApiKey>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const load = () =>
    api
      .apiKeys()
      .then(setKeys)
      .catch((e: ApiError) => setError(e.message));

  useEffect(() => {
    setCreated(undefined);
    setError(undefined);
    void load();
  }, [userId]);

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      await load();
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-label={t('apiKeys.title')}>
      <h2>{t('apiKeys.title')}</h2>
      <p className="muted">{t('apiKeys.how')}</p>
      {error && <p className="field-error">{t('errors.server', { message: error })}</p>}
      {created && (
        <p data-testid="new-api-key">
          {t('apiKeys.shownOnce')} <code>{created.key}</code>
        </p>
      )}
      <button
        type="button"
        name="create-api-key"
        disabled={busy}
        onClick={() => act(async () => setCreated(await api.createApiKey()))}
      >
        {t('apiKeys.create')}
      </button>
      {keys && keys.length === 0 && <p className="muted">{t('apiKeys.none')}</p>}
      {keys && keys.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('apiKeys.id')}</th>
              <th>{t('apiKeys.createdAt')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id} data-testid="api-key-row">
                <td>
                  <code>{k.id}</code>
                </td>
                <td>{format.dateTime(Date.parse(k.createdAt))}</td>
                <td>
                  <button
                    type="button"
                    name="revoke-api-key"
                    disabled={busy}
                    onClick={() =>
                      act(async () => {
                        await api.revokeApiKey(k.id);
                        setCreated((c) => (c?.id === k.id ? undefined : c));
                      })
                    }
                  >
                    {t('apiKeys.revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
