import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import type { UserView } from '../api/types';
import { usePolling } from '../api/use-polling';
import { localeFormat } from '../format/locale-format';
import type { DemoUser } from '../shell/demo-users';
import { readableError, StatusLine } from '../shell/form-parts';
import {
  accessBody,
  emptyUserForm,
  formOfPrincipal,
  newUserBody,
  roleFields,
  scopeOf,
  USER_ROLES,
  type UserForm,
} from './user-form';

/**
 * The administrator's users: every sign-in account, a new one, another's access changed, its
 * password reset, or the user removed (its API keys revoked with it). The server decides; a field
 * it refuses is shown next to that field.
 */
export function UsersScreen({ admin, locale }: { admin: DemoUser; locale: string }) {
  const { t } = useTranslation();
  const format = localeFormat(locale);
  const [refresh, setRefresh] = useState(0);
  const { data: users = [], error } = usePolling(() => api.users(), 5000, `users-${refresh}`);
  const [form, setForm] = useState<UserForm>(emptyUserForm);
  /** The user whose access the form changes; none: the form creates a user. */
  const [editing, setEditing] = useState<string>();
  const [fieldError, setFieldError] = useState<{ field: string; message: string }>();
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [resetFor, setResetFor] = useState<string>();
  const [newPassword, setNewPassword] = useState('');
  const self = admin.username ?? admin.id;

  const done = (text: string) => {
    setStatus({ ok: true, text });
    setFieldError(undefined);
    setRefresh((n) => n + 1);
  };
  const refused = (e: unknown) => {
    const failure = e as ApiError;
    if (failure.field) setFieldError({ field: failure.field, message: failure.message });
    setStatus({ ok: false, text: readableError(t, failure) });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      if (editing) {
        await api.setUserAccess(editing, accessBody(form));
        done(t('users.changed', { username: editing }));
      } else {
        await api.createUser(newUserBody(form));
        done(t('users.created', { username: form.username.trim() }));
      }
      setForm(emptyUserForm());
      setEditing(undefined);
    } catch (e) {
      refused(e);
    }
  };

  const edit = (user: UserView) => {
    setEditing(user.username);
    setForm(formOfPrincipal(user.principal));
    setFieldError(undefined);
    setStatus(undefined);
  };

  const reset = async (username: string) => {
    try {
      await api.resetPassword(username, newPassword);
      setResetFor(undefined);
      setNewPassword('');
      done(t('users.passwordReset', { username }));
    } catch (e) {
      refused(e);
    }
  };

  const remove = async (username: string) => {
    try {
      await api.removeUser(username);
      done(t('users.removed', { username }));
    } catch (e) {
      refused(e);
    }
  };

  const field = (name: keyof UserForm, input: ReactNode) => (
    <label className="field">
      {t(`users.fields.${name}`)}
      {input}
      {fieldError?.field === name && (
        <span className="field-error" role="alert" data-testid={`${name}-error`}>
          {fieldError.message}
        </span>
      )}
    </label>
  );
  const text = (name: 'username' | 'password' | 'memberId' | 'accountIds', type = 'text') =>
    field(
      name,
      <input
        name={name}
        type={type}
        value={form[name]}
        aria-invalid={fieldError?.field === name}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
      />,
    );
  const shown = roleFields(form.role);

  return (
    <div className="grid">
      <section className="panel wide" data-testid="users">
        <h2>{t('users.title')}</h2>
        {error && <p className="field-error">{readableError(t, error)}</p>}
        <table>
          <thead>
            <tr>
              <th>{t('users.fields.username')}</th>
              <th>{t('users.fields.role')}</th>
              <th>{t('users.scope')}</th>
              <th>{t('users.kind')}</th>
              <th>{t('users.createdAt')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.username} data-testid={`user-${u.username}`}>
                <td>{u.username}</td>
                <td>{t(`signIn.roles.${u.principal.role}`)}</td>
                <td>{scopeOf(u.principal)}</td>
                <td>{u.demo ? t('users.demo') : u.hasPassword ? t('users.password') : '—'}</td>
                <td>{format.dateTime(Date.parse(u.createdAt))}</td>
                <td>
                  {u.username !== self && (
                    <>
                      <button name="edit-user" onClick={() => edit(u)}>
                        {t('users.changeAccess')}
                      </button>{' '}
                      {resetFor === u.username ? (
                        <>
                          <input
                            name="new-password"
                            type="password"
                            aria-label={t('users.newPassword')}
                            placeholder={t('users.newPassword')}
                            value={newPassword}
                            onChange={(e) => setNewPassword(e.target.value)}
                          />{' '}
                          <button name="save-password" onClick={() => reset(u.username)}>
                            {t('users.save')}
                          </button>
                        </>
                      ) : (
                        <button
                          name="reset-password"
                          onClick={() => {
                            setResetFor(u.username);
                            setNewPassword('');
                          }}
                        >
                          {t('users.resetPassword')}
                        </button>
                      )}{' '}
                      <button name="remove-user" onClick={() => remove(u.username)}>
                        {t('users.remove')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <StatusLine status={status} testId="users-status" />
      </section>
      <form className="panel" aria-label={t('users.form')} onSubmit={submit}>
        <h2>{editing ? t('users.changeAccessOf', { username: editing }) : t('users.create')}</h2>
        {!editing && text('username')}
        {!editing && text('password', 'password')}
        {field(
          'role',
          <select
            name="role"
            value={form.role}
            onChange={(e) => setForm({ ...form, role: e.target.value as UserForm['role'] })}
          >
            {USER_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`signIn.roles.${r}`)}
              </option>
            ))}
          </select>,
        )}
        {shown.includes('province') &&
          field(
            'province',
            <select
              name="province"
              value={form.province}
              onChange={(e) => setForm({ ...form, province: e.target.value as UserForm['province'] })}
            >
              <option value="">—</option>
              <option value="CQ">{t('users.provinces.CQ')}</option>
              <option value="SC">{t('users.provinces.SC')}</option>
            </select>,
          )}
        {shown.includes('memberId') && text('memberId')}
        {shown.includes('accountIds') && text('accountIds')}
        <button type="submit" name="save-user">
          {editing ? t('users.save') : t('users.create')}
        </button>
        {editing && (
          <button
            type="button"
            name="cancel-edit"
            onClick={() => {
              setEditing(undefined);
              setForm(emptyUserForm());
            }}
          >
            {t('users.cancel')}
          </button>
        )}
      </form>
    </div>
  );
}
