import { useTranslation } from 'react-i18next';
import type { Depth, DepthLevel } from '../api/types';
import { localeFormat } from '../format/locale-format';

export function OrderBook({ depth, locale }: { depth?: Depth; locale: string }) {
  const { t } = useTranslation();
  const format = localeFormat(locale);
  const side = (levels: DepthLevel[], kind: 'bid' | 'ask') =>
    levels.length === 0 ? (
      <tr>
        <td colSpan={3} className="muted">
          {t('market.emptySide')}
        </td>
      </tr>
    ) : (
      levels.map((level) => (
        <tr key={`${kind}-${level.price}`} className={kind} data-testid={`${kind}-level`}>
          <td>{format.yuan(level.price)}</td>
          <td>{format.number(level.qty)}</td>
          <td>{format.number(level.orders)}</td>
        </tr>
      ))
    );
  return (
    <section className="panel" aria-label={t('market.book')}>
      <h2>{t('market.book')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('market.price')}</th>
            <th>{t('market.qty')}</th>
            <th>{t('market.orders')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th colSpan={3}>{t('market.asks')}</th>
          </tr>
          {side([...(depth?.asks ?? [])].reverse(), 'ask')}
          <tr>
            <th colSpan={3}>{t('market.bids')}</th>
          </tr>
          {side(depth?.bids ?? [], 'bid')}
        </tbody>
      </table>
    </section>
  );
}
