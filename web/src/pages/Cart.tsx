import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import type { Cart as CartModel } from '../api/models.ts';
import { useCart, useCartActions } from '../cart/use-cart.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useFormat } from '../format.ts';

export function Cart() {
  const { t } = useTranslation();
  const cart = useCart();
  if (cart.isLoading) return <Loading />;
  if (cart.isError && cart.data === undefined) return <ErrorMessage error={cart.error} />;
  const data = cart.data;
  return (
    <>
      <h1>{t('cart.title')}</h1>
      {!data || data.status !== 'active' || data.lines.length === 0 ? (
        <p className="empty">{t('cart.empty')} <Link to="/products">{t('cart.continue')}</Link></p>
      ) : (
        <div className="cart-layout">
          <CartLines cart={data} />
          <CartSummary cart={data}>
            <Link to="/checkout" className="button button-primary button-block">{t('cart.checkout')}</Link>
          </CartSummary>
        </div>
      )}
    </>
  );
}

function CartLines({ cart }: { cart: CartModel }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { setQuantity, remove } = useCartActions();
  return (
    <div className="cart-lines">
      <table className="table">
        <caption className="visually-hidden">{t('cart.title')}</caption>
        <thead>
          <tr><th scope="col">{t('cart.item')}</th><th scope="col">{t('cart.price')}</th><th scope="col">{t('cart.quantity')}</th><th scope="col">{t('cart.total')}</th><th scope="col"><span className="visually-hidden">{t('cart.remove')}</span></th></tr>
        </thead>
        <tbody>
          {cart.lines.map((line) => (
            <tr key={line.sku} data-testid="cart-line">
              <td data-label={t('cart.item')}><Link to={`/products/${line.productId}`}>{line.name}</Link><div className="muted small">{line.sku}</div></td>
              <td data-label={t('cart.price')}>{format.money(line.unitPrice, cart.currency)}{line.basePrice > line.unitPrice && <> <s className="price-base">{format.money(line.basePrice, cart.currency)}</s></>}</td>
              <td data-label={t('cart.quantity')}>
                <input type="number" className="quantity" min={0} max={99} aria-label={t('cart.quantityOf', { name: line.name })} defaultValue={line.quantity} key={line.quantity}
                  onBlur={(e) => { const q = Number(e.target.value); if (Number.isInteger(q) && q !== line.quantity) setQuantity.mutate({ cartId: cart.id, sku: line.sku, quantity: Math.min(99, Math.max(0, q)) }); }}
                  onKeyDown={(e) => { if (e.key === 'Enter') e.currentTarget.blur(); }} />
              </td>
              <td data-label={t('cart.total')}>{format.money(line.lineTotal, cart.currency)}</td>
              <td><button type="button" className="link-button" onClick={() => remove.mutate({ cartId: cart.id, sku: line.sku })} aria-label={t('cart.removeItem', { name: line.name })}>{t('cart.remove')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {cart.unavailableSkus.length > 0 && <p className="alert alert-warning">{t('cart.unavailable', { skus: cart.unavailableSkus.join(', ') })}</p>}
      {(setQuantity.isError || remove.isError) && <ErrorMessage error={setQuantity.error ?? remove.error} />}
    </div>
  );
}

/** Totals from the cart service, with the discount code form; shared by the cart and the checkout. */
export function CartSummary({ cart, showLines = false, children }: { cart: CartModel; showLines?: boolean; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { applyCode, removeCode } = useCartActions();
  const [code, setCode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (code.trim()) applyCode.mutate({ cartId: cart.id, code: code.trim() }, { onSuccess: () => setCode('') });
  };
  return (
    <aside className="card summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('cart.summary')}</h2>
      {showLines && (
        <ul className="order-lines">
          {cart.lines.map((line) => <li key={line.sku}><span>{line.quantity} × {line.name}</span><span>{format.money(line.lineTotal, cart.currency)}</span></li>)}
        </ul>
      )}
      <dl className="totals">
        <div><dt>{t('cart.subtotal')}</dt><dd data-testid="subtotal">{format.money(cart.subtotal, cart.currency)}</dd></div>
        {cart.discountCode && <div><dt>{t('cart.discount')} ({cart.discountCode})</dt><dd data-testid="discount">−{format.money(cart.discount, cart.currency)}</dd></div>}
        <div className="grand-total"><dt>{t('cart.total')}</dt><dd data-testid="total">{format.money(cart.total, cart.currency)}</dd></div>
      </dl>
      {cart.discountCode ? (
        <p className="small">
          {cart.discountReason ? t('cart.codeNotApplied', { code: cart.discountCode, reason: cart.discountReason }) : t('cart.codeApplied', { code: cart.discountCode })}{' '}
          <button type="button" className="link-button" onClick={() => removeCode.mutate({ cartId: cart.id })}>{t('cart.removeCode')}</button>
        </p>
      ) : (
        <form className="inline-form" onSubmit={submit}>
          <label htmlFor="discount-code">{t('cart.discountCode')}</label>
          <div className="input-row">
            <input id="discount-code" value={code} onChange={(e) => { setCode(e.target.value); applyCode.reset(); }} autoComplete="off" />
            <button type="submit" className="button">{t('cart.apply')}</button>
          </div>
          {applyCode.isError && <p className="field-error" role="alert">{applyCode.error instanceof ApiError && applyCode.error.status === 404 ? t('cart.codeUnknown') : applyCode.error.message}</p>}
        </form>
      )}
      {children}
    </aside>
  );
}
