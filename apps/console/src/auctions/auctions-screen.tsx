import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { usePolling } from '../api/use-polling';
import { beijingToday } from '../format/beijing-today';
import { localeFormat } from '../format/locale-format';
import type { DemoUser } from '../shell/demo-users';
import { readableError, StatusLine, TextField } from '../shell/form-parts';
import { AuctionDetail } from './auction-detail';
import type { Auction } from './auction-types';
import { AuctionForm, AuctionFormErrors, buildScheduleAuction, nextAuctionId } from './schedule-form';

/** The registry's field names → the form's, so a server refusal also lands next to its field. */
const FORM_FIELD: Record<string, keyof AuctionForm> = {
  auctionId: 'auctionId',
  vintage: 'vintage',
  auctionDate: 'auctionDate',
  supply: 'supply',
  lotSize: 'lotSize',
  reservePriceFen: 'reservePrice',
  maxBidderShareBp: 'maxBidderSharePct',
  'tieBreak.seed': 'seed',
};

/**
 * The regulator's auctions: schedule one from the province's auction account, watch the
 * guarantees and the (sealed) bid count while it is open, clear it, and read the result.
 */
export function AuctionsScreen({ regulator, locale }: { regulator: DemoUser; locale: string }) {
  const { t } = useTranslation();
  const jurisdiction = regulator.jurisdiction ?? 'CQ';
  const format = localeFormat(locale);
  const { data: auctions = [], error } = usePolling(
    () => api.auctions(jurisdiction),
    1500,
    `auctions-${jurisdiction}`,
  );
  const { data: account } = usePolling(
    () => api.registryAccount(jurisdiction, `${jurisdiction}-AUCTION`),
    3000,
    `auction-account-${jurisdiction}`,
  );
  const [form, setForm] = useState<AuctionForm>(() => initialForm(jurisdiction, []));
  const ids = auctions.map((a) => a.auctionId).join();
  useEffect(() => {
    // The proposed id moves past the ids taken once they are known; a typed one is left alone.
    setForm((f) =>
      f.auctionId === initialForm(jurisdiction, []).auctionId
        ? { ...f, auctionId: initialForm(jurisdiction, ids.split(',')).auctionId }
        : f,
    );
  }, [ids, jurisdiction]);
  const [errors, setErrors] = useState<AuctionFormErrors>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [selected, setSelected] = useState<string>();

  const unlocked = (vintage: number): number | undefined =>
    account?.holdings
      .filter((h) => h.kind === 'CARBON_ALLOWANCE' && h.vintage === vintage)
      .reduce((sum, h) => sum + h.quantity - h.locked, 0);
  const vintage = Number(form.vintage);
  const available = Number.isInteger(vintage) ? unlocked(vintage) : undefined;

  const schedule = async (event: FormEvent) => {
    event.preventDefault();
    const built = buildScheduleAuction(form, {
      unlockedInAuctionAccount: account ? unlocked : undefined,
      existingIds: auctions.map((a) => a.auctionId),
    });
    setErrors(built.errors);
    setStatus(undefined);
    if (!built.body) return;
    try {
      await api.scheduleAuction(jurisdiction, {
        actor: regulator.id,
        commandId: `console-auction-${jurisdiction}-${built.body.auctionId}`,
        ...built.body,
      });
      setStatus({ ok: true, text: t('auctions.scheduled', { id: built.body.auctionId }) });
      setSelected(built.body.auctionId);
      setForm(initialForm(jurisdiction, [...auctions.map((a) => a.auctionId), built.body.auctionId]));
    } catch (e) {
      const field = FORM_FIELD[(e as { field?: string }).field ?? ''];
      if (field) setErrors({ [field]: { key: 'errors.server', params: { message: (e as Error).message } } });
      setStatus({ ok: false, text: readableError(t, e) });
    }
  };

  const field = (
    name: keyof Omit<AuctionForm, 'undersubscribed'>,
    inputMode: 'numeric' | 'decimal' | 'text',
  ) => (
    <TextField
      name={name}
      label={t(`auctions.${name}`)}
      value={form[name]}
      error={errors[name]}
      inputMode={inputMode}
      onChange={(value) => setForm((f) => ({ ...f, [name]: value }))}
    />
  );
  const current = auctions.find((a) => a.auctionId === selected) ?? auctions.find((a) => a.status === 'open');

  return (
    <div className="regulator">
      <h2>
        {t('auctions.title')} · {t(`jurisdiction.${jurisdiction}`)}
      </h2>
      <div className="grid">
        <section className="panel">
          <h2>{t('auctions.schedule')}</h2>
          <form onSubmit={schedule} noValidate>
            {field('auctionId', 'text')}
            {field('vintage', 'numeric')}
            {field('auctionDate', 'text')}
            {field('supply', 'numeric')}
            <small className="hint" data-testid="auction-account">
              {t('auctions.available', {
                vintage: form.vintage,
                quantity: available === undefined ? '—' : format.number(available),
              })}
            </small>
            {field('lotSize', 'numeric')}
            {field('reservePrice', 'decimal')}
            {field('maxBidderSharePct', 'decimal')}
            <label className="field">
              {t('auctions.undersubscribed')}
              <select
                name="undersubscribed"
                value={form.undersubscribed}
                onChange={(e) =>
                  setForm((f) => ({
                    ...f,
                    undersubscribed: e.target.value as AuctionForm['undersubscribed'],
                  }))
                }
              >
                <option value="cancel">{t('auctions.ifShort.cancel')}</option>
                <option value="clear-at-reserve">{t('auctions.ifShort.clear-at-reserve')}</option>
              </select>
            </label>
            {field('seed', 'numeric')}
            <button type="submit" name="schedule-auction">
              {t('auctions.submit')}
            </button>
            <StatusLine status={status} testId="auction-status" />
          </form>
        </section>
        <section className="panel wide-2">
          <h2>{t('auctions.list')}</h2>
          {error && <p className="field-error">{readableError(t, error)}</p>}
          {auctions.length === 0 ? (
            <p className="muted">{t('auctions.none')}</p>
          ) : (
            <AuctionTable
              auctions={auctions}
              current={current?.auctionId}
              onSelect={setSelected}
              locale={locale}
            />
          )}
        </section>
        {current && (
          <AuctionDetail
            key={current.auctionId}
            auction={current}
            jurisdiction={jurisdiction}
            regulator={regulator}
            locale={locale}
          />
        )}
      </div>
    </div>
  );
}

function AuctionTable({
  auctions,
  current,
  onSelect,
  locale,
}: {
  auctions: Auction[];
  current?: string;
  onSelect: (id: string) => void;
  locale: string;
}) {
  const { t } = useTranslation();
  const format = localeFormat(locale);
  return (
    <table data-testid="auction-list">
      <thead>
        <tr>
          <th>{t('auctions.auctionId')}</th>
          <th>{t('auctions.date')}</th>
          <th>{t('auctions.vintage')}</th>
          <th>{t('auctions.supply')}</th>
          <th>{t('auctions.reservePrice')}</th>
          <th>{t('auctions.statusTitle')}</th>
          <th>{t('auctions.bidsReceived')}</th>
        </tr>
      </thead>
      <tbody>
        {auctions.map((a) => (
          <tr
            key={a.auctionId}
            className={a.auctionId === current ? 'selected' : ''}
            data-testid="auction-row"
            onClick={() => onSelect(a.auctionId)}
          >
            <td>
              <button type="button" className="link" name={`open-${a.auctionId}`}>
                {a.auctionId}
              </button>
            </td>
            <td>{format.date(a.auctionDate)}</td>
            <td>{a.vintage}</td>
            <td>{format.number(a.rules.supply)}</td>
            <td>{format.yuan(a.rules.reservePriceFen)}</td>
            <td className={`auction-${a.status}`}>{t(`auctions.status.${a.status}`)}</td>
            <td>{format.number(a.bidsReceived)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function initialForm(jurisdiction: string, takenIds: readonly string[]): AuctionForm {
  const today = beijingToday(Date.now());
  return {
    auctionId: nextAuctionId(jurisdiction, today, takenIds),
    vintage: '2025',
    auctionDate: today,
    supply: '10000',
    lotSize: '1000',
    reservePrice: '30.00',
    maxBidderSharePct: '25',
    undersubscribed: 'clear-at-reserve',
    seed: today.replaceAll('-', ''),
  };
}
