import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError, body, idempotencyKey } from '../api/client.ts';
import type { Order, Problem } from '../api/models.ts';
import { forgetCart } from '../cart/cart-id.ts';
import { useCart } from '../cart/use-cart.ts';
import { Loading } from '../components/Status.tsx';
import { useFormat } from '../format.ts';
import { useSession } from '../session/session.tsx';
import { CartSummary } from './Cart.tsx';

const settling = new Set(['pending', 'reserved']);

/** When the order is accepted (202) rather than decided, polls it until the checkout has settled. */
async function outcome(orderId: string, email: string): Promise<Order> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const order = await body<Order>(api.GET('/api/v1/orders/{id}', { params: { path: { id: orderId }, query: { email } } }));
    if (order.status === 'payment_failed') throw new ApiError(402, { detail: 'declined' });
    if (order.status === 'cancelled') throw new ApiError(409, { detail: order.statusHistory.at(-1)?.note ?? 'cancelled' });
    if (!settling.has(order.status)) return order;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('timed out');
}

const countries = ['ES', 'PT', 'BR', 'AR', 'MX', 'US', 'GB', 'FR', 'DE', 'IT'];

interface Field { name: string; label: string; type?: string; autoComplete: string; required?: boolean; inputMode?: 'numeric' | 'email'; pattern?: string; maxLength?: number }

export function Checkout() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { identity } = useSession();
  const cart = useCart();
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  if (cart.isLoading) return <Loading />;
  const data = cart.data;
  if (!data || data.status !== 'active' || data.lines.length === 0) {
    return <><h1>{t('checkout.title')}</h1><p className="empty">{t('checkout.emptyCart')} <Link to="/products">{t('cart.continue')}</Link></p></>;
  }

  const explain = (status: number, problem: Problem): string => {
    if (status === 402) return t('checkout.declined');
    if (status === 409 && typeof problem.sku === 'string') {
      const line = data.lines.find((l) => l.sku === problem.sku);
      return t('checkout.outOfStock', { name: line?.name ?? problem.sku, available: problem.available ?? 0 });
    }
    if (status === 503) return t('checkout.unavailable');
    return t('checkout.failed', { detail: problem.detail ?? problem.title ?? status });
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    setSubmitting(true);
    setError(undefined);
    try {
      const { data: order, error: problem, response } = await api.POST('/api/v1/orders', {
        params: { header: { 'idempotency-key': idempotencyKey() } },
        body: {
          cartId: data.id,
          email: form.email,
          payment: { cardNumber: form.cardNumber!, expMonth: Number(form.expMonth), expYear: Number(form.expYear), cvc: form.cvc },
          shippingAddress: { name: form.name!, line1: form.line1!, ...(form.line2 && { line2: form.line2 }), city: form.city!, postalCode: form.postalCode!, country: form.country! },
        },
      });
      if (!response.ok) throw new ApiError(response.status, (problem ?? {}) as Problem);
      const accepted = order as unknown as Order & { orderId?: string };
      const acceptedId = accepted?.id ?? accepted?.orderId ?? response.headers.get('location')?.split('?')[0]!.split('/').pop();
      const placed = response.status === 202 ? await outcome(acceptedId!, form.email!) : accepted;
      forgetCart();
      await queryClient.invalidateQueries({ queryKey: ['cart'] });
      navigate(`/orders/${placed.id}?email=${encodeURIComponent(placed.email ?? form.email)}`, { state: { placed: true } });
    } catch (failure) {
      setError(failure instanceof ApiError ? explain(failure.status, failure.problem) : t('checkout.failed', { detail: (failure as Error).message }));
      await cart.refetch();
    } finally {
      setSubmitting(false);
    }
  };

  const field = ({ name, label, type = 'text', autoComplete, required = true, ...rest }: Field) => (
    <div className="field" key={name}>
      <label htmlFor={`checkout-${name}`}>{label}</label>
      <input id={`checkout-${name}`} name={name} type={type} autoComplete={autoComplete} required={required} {...rest} />
    </div>
  );
  const year = new Date().getFullYear();
  return (
    <>
      <h1>{t('checkout.title')}</h1>
      <div className="cart-layout">
        <form className="checkout-form card" onSubmit={submit} aria-describedby={error ? 'checkout-error' : undefined}>
          <fieldset>
            <legend>{t('checkout.contact')}</legend>
            <div className="field">
              <label htmlFor="checkout-email">{t('checkout.email')}</label>
              <input id="checkout-email" name="email" type="email" autoComplete="email" required defaultValue={identity?.email} />
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('checkout.shipping')}</legend>
            {field({ name: 'name', label: t('checkout.name'), autoComplete: 'name' })}
            {field({ name: 'line1', label: t('checkout.line1'), autoComplete: 'address-line1' })}
            {field({ name: 'line2', label: t('checkout.line2'), autoComplete: 'address-line2', required: false })}
            <div className="field-row">
              {field({ name: 'postalCode', label: t('checkout.postalCode'), autoComplete: 'postal-code' })}
              {field({ name: 'city', label: t('checkout.city'), autoComplete: 'address-level2' })}
            </div>
            <div className="field">
              <label htmlFor="checkout-country">{t('checkout.country')}</label>
              <select id="checkout-country" name="country" autoComplete="country" required defaultValue="ES">
                {countries.map((c) => <option key={c} value={c}>{format.country(c)}</option>)}
              </select>
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('checkout.payment')}</legend>
            <p className="hint small">{t('checkout.testCards')}</p>
            {field({ name: 'cardNumber', label: t('checkout.cardNumber'), autoComplete: 'cc-number', inputMode: 'numeric', pattern: '[0-9 \\-]{12,23}' })}
            <div className="field-row">
              <div className="field">
                <label htmlFor="checkout-expMonth">{t('checkout.expMonth')}</label>
                <select id="checkout-expMonth" name="expMonth" autoComplete="cc-exp-month" required defaultValue="12">
                  {Array.from({ length: 12 }, (_, i) => <option key={i} value={i + 1}>{String(i + 1).padStart(2, '0')}</option>)}
                </select>
              </div>
              <div className="field">
                <label htmlFor="checkout-expYear">{t('checkout.expYear')}</label>
                <select id="checkout-expYear" name="expYear" autoComplete="cc-exp-year" required defaultValue={year + 2}>
                  {Array.from({ length: 12 }, (_, i) => <option key={i} value={year + i}>{year + i}</option>)}
                </select>
              </div>
              {field({ name: 'cvc', label: t('checkout.cvc'), autoComplete: 'cc-csc', inputMode: 'numeric', pattern: '[0-9]{3,4}', maxLength: 4 })}
            </div>
          </fieldset>
          <div aria-live="assertive">{error && <p id="checkout-error" className="alert alert-error" role="alert" data-testid="checkout-error">{error}</p>}</div>
          <button type="submit" className="button button-primary button-block" disabled={submitting}>
            {submitting ? t('checkout.paying') : t('checkout.pay', { total: format.money(data.total, data.currency) })}
          </button>
        </form>
        <CartSummary cart={data} showLines />
      </div>
    </>
  );
}
