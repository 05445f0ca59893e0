import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';

/** The price to pay, with the base price struck through when an offer lowers it. */
export function Price({ price, base, currency, large = false }: { price: number; base: number; currency: string; large?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <span className={`price${large ? ' price-large' : ''}`}>
      <span className={base > price ? 'price-offer' : undefined} data-testid="price">{format.money(price, currency)}</span>
      {base > price && (
        <s className="price-base">
          <span className="visually-hidden">{t('product.wasPrice', { price: format.money(base, currency) })}</span>
          <span aria-hidden="true">{format.money(base, currency)}</span>
        </s>
      )}
    </span>
  );
}
