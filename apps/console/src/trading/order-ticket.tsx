import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { Instrument } from '../api/types';
import { checkTicket, noListingReason, TicketErrors, TicketInput, TicketLimits } from './order-ticket-rules';

export function OrderTicket({
  instrument,
  account,
  limits,
  onPlaced,
}: {
  instrument: Instrument;
  account: string;
  limits: TicketLimits;
  onPlaced: () => void;
}) {
  const { t } = useTranslation();
  const [input, setInput] = useState<TicketInput>({
    side: 'buy',
    type: 'limit',
    tif: 'GTC',
    price: (instrument.referencePrice / 100).toFixed(2),
    qty: String(instrument.lot * 100),
  });
  const [errors, setErrors] = useState<TicketErrors>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [sending, setSending] = useState(false);

  const set = <K extends keyof TicketInput>(key: K, value: TicketInput[K]) =>
    setInput((i) => ({ ...i, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkTicket(input, instrument, account, limits);
    setErrors(checked.errors);
    setStatus(undefined);
    if (!checked.ticket) return;
    setSending(true);
    try {
      const ack = await api.placeOrder(checked.ticket);
      setStatus({ ok: true, text: t('ticket.sent', { orderId: ack.orderId }) });
      onPlaced();
    } catch (error) {
      const apiError = error as ApiError;
      if (apiError.field === 'price' || apiError.field === 'qty')
        setErrors({ [apiError.field]: { key: 'errors.server', params: { message: apiError.message } } });
      setStatus({
        ok: false,
        text: apiError.status === 0 ? t('errors.network') : t('errors.server', { message: apiError.message }),
      });
    } finally {
      setSending(false);
    }
  };

  const closed = noListingReason(instrument);

  const fieldError = (field: 'price' | 'qty') =>
    errors[field] ? (
      <span className="field-error" role="alert" data-testid={`${field}-error`}>
        {t(errors[field]!.key, errors[field]!.params)}
      </span>
    ) : null;

  return (
    <section className="panel" aria-label={t('ticket.title')}>
      <h2>{t('ticket.title')}</h2>
      {closed && (
        <p className="field-error" role="status" data-testid="ticket-closed">
          {t(closed, { symbol: instrument.symbol })}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <div className="segmented">
          {(['buy', 'sell'] as const).map((side) => (
            <label key={side} className={input.side === side ? `on ${side}` : ''}>
              <input
                type="radio"
                name="side"
                checked={input.side === side}
                onChange={() => set('side', side)}
              />
              {t(`ticket.${side}`)}
            </label>
          ))}
        </div>
        <div className="segmented">
          {(['limit', 'market'] as const).map((type) => (
            <label key={type} className={input.type === type ? 'on' : ''}>
              <input
                type="radio"
                name="type"
                checked={input.type === type}
                onChange={() => set('type', type)}
              />
              {t(`ticket.${type}`)}
            </label>
          ))}
        </div>
        {input.type === 'limit' && (
          <label className="field">
            {t('market.price')}
            <input
              name="price"
              inputMode="decimal"
              value={input.price}
              aria-invalid={!!errors.price}
              onChange={(e) => set('price', e.target.value)}
            />
            {fieldError('price')}
          </label>
        )}
        <label className="field">
          {t('market.qty')} ({t(`units.${instrument.unit}`)})
          <input
            name="qty"
            inputMode="numeric"
            value={input.qty}
            aria-invalid={!!errors.qty}
            onChange={(e) => set('qty', e.target.value)}
          />
          {fieldError('qty')}
        </label>
        {input.type === 'limit' && (
          <label className="field">
            {t('ticket.tif')}
            <select
              name="tif"
              value={input.tif}
              onChange={(e) => set('tif', e.target.value as TicketInput['tif'])}
            >
              {(['GTC', 'DAY', 'IOC', 'FOK'] as const).map((tif) => (
                <option key={tif}>{tif}</option>
              ))}
            </select>
          </label>
        )}
        <button
          type="submit"
          data-testid="ticket-submit"
          disabled={sending || closed !== undefined}
          className={input.side}
        >
          {t('ticket.submit')}
        </button>
        {status && (
          <p className={status.ok ? 'ok' : 'field-error'} role="status" data-testid="ticket-status">
            {status.text}
          </p>
        )}
      </form>
    </section>
  );
}
