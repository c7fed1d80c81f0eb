import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { usePolling } from '../api/use-polling';
import type { Instrument } from '../api/types';
import { formatFen, parseYuanToFen } from './order-ticket-rules';
import { localeFormat } from '../format/locale-format';

/** The member's open orders, refreshed every second, each with cancel and amend (new price and/or quantity). */
export function MyOrders({
  account,
  instruments,
  locale,
}: {
  account: string;
  instruments: Instrument[];
  locale: string;
}) {
  const { t } = useTranslation();
  const { data: orders = [] } = usePolling(() => api.myOpenOrders(account), 1000, account);
  const [editing, setEditing] = useState<{ orderId: string; price: string; qty: string }>();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const format = localeFormat(locale);

  const act = async (call: Promise<unknown>, done: string) => {
    try {
      await call;
      setMessage({ ok: true, text: t(done) });
      setEditing(undefined);
    } catch (error) {
      setMessage({ ok: false, text: t('errors.server', { message: (error as ApiError).message }) });
    }
  };

  const saveAmendment = () => {
    if (!editing) return;
    const order = orders.find((o) => o.orderId === editing.orderId);
    const instrument = instruments.find((i) => i.symbol === order?.instrument);
    const price = parseYuanToFen(editing.price);
    const newQty = /^\d{1,15}$/.test(editing.qty.trim()) ? Number(editing.qty.trim()) : undefined;
    if (!order || !instrument || price === undefined || price <= 0 || price % instrument.tick !== 0)
      return setMessage({ ok: false, text: t('errors.pricePositive') });
    if (newQty === undefined || newQty <= order.filled || newQty % instrument.lot !== 0)
      return setMessage({
        ok: false,
        text: t('orders.badAmendQty', { filled: order.filled, lot: instrument.lot }),
      });
    const change = {
      ...(price !== order.price ? { price } : {}),
      ...(newQty !== order.qty ? { qty: newQty } : {}),
    };
    if (Object.keys(change).length === 0) return setEditing(undefined);
    void act(api.amendOrder(order.orderId, change), 'orders.amendSent');
  };

  return (
    <section className="panel wide" aria-label={t('orders.title')}>
      <h2>{t('orders.title')}</h2>
      {orders.length === 0 ? (
        <p className="muted">{t('orders.none')}</p>
      ) : (
        <table data-testid="my-orders">
          <thead>
            <tr>
              <th>{t('market.instrument')}</th>
              <th>{t('orders.side')}</th>
              <th>{t('market.price')}</th>
              <th>{t('market.qty')}</th>
              <th>{t('orders.filled')}</th>
              <th>{t('orders.remaining')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.orderId} data-testid="my-order" className={o.side === 'buy' ? 'bid' : 'ask'}>
                <td>{o.instrument}</td>
                <td>{o.side ? t(`ticket.${o.side}`) : ''}</td>
                {editing?.orderId === o.orderId ? (
                  <>
                    <td>
                      <input
                        name="amend-price"
                        value={editing.price}
                        onChange={(e) => setEditing({ ...editing, price: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        name="amend-qty"
                        value={editing.qty}
                        onChange={(e) => setEditing({ ...editing, qty: e.target.value })}
                      />
                    </td>
                  </>
                ) : (
                  <>
                    <td>{o.price !== undefined ? format.yuan(o.price) : ''}</td>
                    <td>{format.number(o.qty)}</td>
                  </>
                )}
                <td>{format.number(o.filled)}</td>
                <td>{format.number(o.remaining)}</td>
                <td className="actions">
                  {editing?.orderId === o.orderId ? (
                    <button name="save-amend" onClick={saveAmendment}>
                      {t('orders.save')}
                    </button>
                  ) : (
                    <button
                      name="amend"
                      onClick={() =>
                        setEditing({ orderId: o.orderId, price: formatFen(o.price ?? 0), qty: String(o.qty) })
                      }
                    >
                      {t('orders.amend')}
                    </button>
                  )}
                  <button
                    name="cancel"
                    onClick={() => void act(api.cancelOrder(o.orderId), 'orders.cancelSent')}
                  >
                    {t('orders.cancel')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {message && (
        <p className={message.ok ? 'ok' : 'field-error'} role="status" data-testid="orders-status">
          {message.text}
        </p>
      )}
    </section>
  );
}
