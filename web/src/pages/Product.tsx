import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useProduct, useStock } from '../api/catalog.ts';
import type { Product as ProductModel, Variant } from '../api/models.ts';
import { useCartActions } from '../cart/use-cart.ts';
import { Price } from '../components/Price.tsx';
import { ProductImage } from '../components/ProductImage.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { ApiError } from '../api/client.ts';

/** Attribute names the variants differ by, with the values each can take, in first-seen order. */
function variantOptions(variants: Variant[]): Array<{ name: string; values: string[] }> {
  const options = new Map<string, string[]>();
  for (const v of variants) {
    for (const [name, value] of Object.entries(v.attributes)) {
      const values = options.get(name) ?? [];
      if (!values.includes(value)) values.push(value);
      options.set(name, values);
    }
  }
  return [...options].map(([name, values]) => ({ name, values }));
}

export function Product() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const product = useProduct(id);
  if (product.isPending) return <Loading />;
  if (product.isError) {
    return product.error instanceof ApiError && product.error.status === 404
      ? <p className="empty">{t('product.notFound')} <Link to="/products">{t('product.back')}</Link></p>
      : <ErrorMessage error={product.error} />;
  }
  return <ProductDetail key={product.data.id} product={product.data} />;
}

function ProductDetail({ product }: { product: ProductModel }) {
  const { t } = useTranslation();
  const options = useMemo(() => variantOptions(product.variants), [product.variants]);
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [quantity, setQuantity] = useState(1);
  const { add } = useCartActions();
  // Attribute names are catalog data; the common ones have translations.
  const attributeName = (name: string) => t(`attributes.${name}`, { defaultValue: name });

  const hasVariants = product.variants.length > 0;
  const variant = hasVariants ? product.variants.find((v) => options.every((o) => v.attributes[o.name] === picked[o.name])) : undefined;
  const sellable = hasVariants ? variant : product;
  const stock = useStock(sellable?.sku);
  const soldOut = stock.data !== undefined && stock.data <= 0;

  return (
    <article className="product-page">
      <ProductImage src={product.images[0]} name={product.name} className="product-hero" />
      <div className="product-info">
        <p><Link to="/products">← {t('product.back')}</Link></p>
        <h1>{product.name}</h1>
        <Price price={sellable?.effectivePrice ?? product.effectivePrice} base={sellable?.price ?? product.price} currency={product.currency} large />
        {product.appliedOffer && <p><span className="badge">{t('product.offer', { name: product.appliedOffer.name })}</span></p>}
        <p className="muted" data-testid="sku">{sellable ? t('product.sku', { sku: sellable.sku }) : t('product.pickVariant')}</p>

        <form className="buy" onSubmit={(e) => { e.preventDefault(); if (sellable) add.mutate({ sku: sellable.sku, quantity }); }}>
          {options.map((option) => (
            <fieldset key={option.name} className="variant-picker">
              <legend>{t('product.choose', { name: attributeName(option.name) })}</legend>
              {option.values.map((value) => (
                <label key={value} className="chip">
                  <input type="radio" name={option.name} value={value} checked={picked[option.name] === value} onChange={() => { setPicked({ ...picked, [option.name]: value }); add.reset(); }} />
                  <span>{value}</span>
                </label>
              ))}
            </fieldset>
          ))}
          {sellable && stock.data !== undefined && (
            <p className={soldOut ? 'stock stock-out' : 'stock'} data-testid="stock">
              {soldOut ? t('product.outOfStock') : stock.data <= 5 ? t('product.lowStock', { count: stock.data }) : t('product.inStock')}
            </p>
          )}
          <div className="buy-row">
            <label>
              {t('product.quantity')}
              <input type="number" min={1} max={99} value={quantity} onChange={(e) => setQuantity(Math.min(99, Math.max(1, Number(e.target.value) || 1)))} className="quantity" />
            </label>
            <button type="submit" className="button button-primary" disabled={!sellable || soldOut || add.isPending}>{t('product.addToCart')}</button>
          </div>
          <div aria-live="polite">
            {add.isSuccess && <p className="alert alert-success">{t('product.added')} <Link to="/cart">{t('product.viewCart')}</Link></p>}
            {add.isError && <ErrorMessage error={add.error} />}
          </div>
        </form>

        <section aria-labelledby="details-heading">
          <h2 id="details-heading">{t('product.details')}</h2>
          <p>{product.description}</p>
          {Object.keys(product.attributes).length > 0 && (
            <dl className="attributes">
              {Object.entries(product.attributes).map(([name, value]) => (
                <div key={name}><dt>{attributeName(name)}</dt><dd>{value}</dd></div>
              ))}
            </dl>
          )}
        </section>
      </div>
    </article>
  );
}
