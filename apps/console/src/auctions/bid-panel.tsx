import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { usePolling } from '../api/use-polling';
import { localeFormat } from '../format/locale-format';
import type { DemoUser } from '../shell/demo-users';
import { readableError, StatusLine, TextField } from '../shell/form-parts';
import type { Auction } from './auction-types';
import { BidErrors, BidInput, checkBid } from './bid-form';

/**
 * An enterprise bids in its province's open auctions: the guarantee the bid needs is posted
 * first (only what the free guarantee lacks), then the sealed bid. Finished auctions show its awards.
 */
export function BidPanel({ firm, locale }: { firm: DemoUser; locale: string }) {
  const { t } = useTranslation();
  const jurisdiction = firm.jurisdiction ?? 'CQ';
  const format = localeFormat(locale);
  const { data: auctions = [] } = usePolling(() => api.auctions(jurisdiction), 2000, `bids-${jurisdiction}`);
  const open = auctions.filter((a) => a.status === 'open');
  const [chosen, setChosen] = useState<string>();
  const auction = open.find((a) => a.auctionId === chosen) ?? open[0];
  const [input, setInput] = useState<BidInput>({ price: '', quantity: '' });
  const [errors, setErrors] = useState<BidErrors>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [sending, setSending] = useState(false);
  const won = auctions.flatMap((a) =>
    (a.result?.bidResults ?? []).filter((b) => b.bidderId === firm.id).map((b) => ({ auction: a, bid: b })),
  );

  const submit = async (event: FormEvent, target: Auction) => {
    event.preventDefault();
    const checked = checkBid(input, target, firm.id);
    setErrors(checked.errors);
    setStatus(undefined);
    if (!checked.bid) return;
    const { priceFen, quantity, topUpFen } = checked.bid;
    const reference = `${firm.id}:${Date.now().toString(36)}`;
    setSending(true);
    try {
      if (topUpFen > 0)
        await api.postBidGuarantee(jurisdiction, target.auctionId, {
          actor: firm.id,
          commandId: `console-guarantee-${reference}`,
          bidderId: firm.id,
          amountFen: topUpFen,
        });
      await api.submitBid(jurisdiction, target.auctionId, {
        actor: firm.id,
        commandId: `console-bid-${reference}`,
        bidId: reference,
        bidderId: firm.id,
        priceFen,
        quantity,
      });
      setStatus({
        ok: true,
        text: t('auctions.bidSent', { quantity: format.number(quantity), price: format.yuan(priceFen) }),
      });
      setInput({ price: '', quantity: '' });
    } catch (e) {
      const field = (e as { field?: string }).field;
      const formField = field === 'priceFen' ? 'price' : field === 'quantity' ? 'quantity' : undefined;
      if (formField)
        setErrors({ [formField]: { key: 'errors.server', params: { message: (e as Error).message } } });
      setStatus({ ok: false, text: readableError(t, e) });
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="panel" aria-label={t('auctions.bidTitle')} data-testid="bid-panel">
      <h2>{t('auctions.bidTitle')}</h2>
      {!auction ? (
        <p className="muted">{t('auctions.noneOpen')}</p>
      ) : (
        <form onSubmit={(e) => void submit(e, auction)} noValidate>
          <label className="field">
            {t('auctions.auctionId')}
            <select name="bid-auction" value={auction.auctionId} onChange={(e) => setChosen(e.target.value)}>
              {open.map((a) => (
                <option key={a.auctionId} value={a.auctionId}>
                  {a.auctionId}
                </option>
              ))}
            </select>
          </label>
          <small className="hint">
            {t('auctions.bidRules', {
              supply: format.number(auction.rules.supply),
              reserve: format.yuan(auction.rules.reservePriceFen),
              lot: format.number(auction.rules.lotSize),
            })}
          </small>
          <TextField
            name="bid-price"
            label={t('market.price')}
            value={input.price}
            error={errors.price}
            inputMode="decimal"
            onChange={(price) => setInput((i) => ({ ...i, price }))}
          />
          <TextField
            name="bid-quantity"
            label={`${t('market.qty')} (${t('units.tCO2e')})`}
            value={input.quantity}
            error={errors.quantity}
            inputMode="numeric"
            onChange={(quantity) => setInput((i) => ({ ...i, quantity }))}
          />
          <button type="submit" name="submit-bid" disabled={sending}>
            {t('auctions.submitBid')}
          </button>
          {auction.guarantees[firm.id] && (
            <small className="hint">
              {t('auctions.myCommitted', { amount: format.yuan(auction.guarantees[firm.id].reservedFen) })}
            </small>
          )}
        </form>
      )}
      <StatusLine status={status} testId="bid-status" />
      {won.length > 0 && (
        <table data-testid="my-awards">
          <thead>
            <tr>
              <th>{t('auctions.auctionId')}</th>
              <th>{t('auctions.bidPrice')}</th>
              <th>{t('auctions.bidQuantity')}</th>
              <th>{t('auctions.awarded')}</th>
            </tr>
          </thead>
          <tbody>
            {won.map(({ auction: a, bid }) => (
              <tr key={`${a.auctionId}-${bid.bidId}`}>
                <td>{a.auctionId}</td>
                <td>{format.yuan(bid.priceFen)}</td>
                <td>{format.number(bid.quantity)}</td>
                <td>{format.number(bid.awarded)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
