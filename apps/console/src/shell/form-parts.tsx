import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import type { FieldError } from '../trading/order-ticket-rules';

/** A refused or failed request as one readable sentence. */
export function readableError(t: TFunction, error: unknown): string {
  const apiError = error as ApiError;
  return apiError.status === 0 ? t('errors.network') : t('errors.server', { message: apiError.message });
}

/** The message under a form field, in the user's language. */
export function FieldMessage({ name, error }: { name: string; error?: FieldError }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <span className="field-error" role="alert" data-testid={`${name}-error`}>
      {t(error.key, error.params)}
    </span>
  );
}

/** A labelled text input with its message next to it. */
export function TextField({
  name,
  label,
  value,
  error,
  onChange,
  inputMode,
  placeholder,
}: {
  name: string;
  label: string;
  value: string;
  error?: FieldError;
  onChange: (value: string) => void;
  inputMode?: 'numeric' | 'decimal' | 'text';
  placeholder?: string;
}) {
  return (
    <label className="field">
      {label}
      <input
        name={name}
        value={value}
        inputMode={inputMode}
        placeholder={placeholder}
        aria-invalid={!!error}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldMessage name={name} error={error} />
    </label>
  );
}

/** A labelled password input: what the browser may fill in says `autoComplete`. */
export function PasswordField({
  name,
  label,
  value,
  onChange,
  autoComplete,
}: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
}) {
  return (
    <label className="field">
      {label}
      <input
        name={name}
        type="password"
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

/** The outcome of the last action: green when done, red (and readable) when refused. */
export function StatusLine({ status, testId }: { status?: { ok: boolean; text: string }; testId: string }) {
  if (!status) return null;
  return (
    <p className={status.ok ? 'ok' : 'field-error'} role="status" data-testid={testId}>
      {status.text}
    </p>
  );
}

/** A panel's title with a choice of what it lists (pending, completed, all, …) beside it. */
export function FilteredHeader<F extends string>({
  title,
  name,
  filters,
  value,
  labelOf,
  onChange,
}: {
  title: string;
  name: string;
  filters: readonly F[];
  value: F;
  labelOf: (filter: F) => string;
  onChange: (filter: F) => void;
}) {
  const { t } = useTranslation();
  return (
    <header className="chart-bar">
      <h2>{title}</h2>
      <label>
        {t('recognition.filter')}
        <select name={name} value={value} onChange={(e) => onChange(e.target.value as F)}>
          {filters.map((f) => (
            <option key={f} value={f}>
              {labelOf(f)}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
