import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, body } from '../api/client.ts';
import type { Offer } from '../api/models.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { toMinor, useFormat } from '../format.ts';

interface DiscountCode { code: string; kind: 'percentage' | 'fixed'; value: number; currency: string | null; usageLimit: number | null; usedCount: number; expiresAt: string | null }

/** Offers (created on a product's page; listed and ended here) and discount codes. */
export function AdminPromotions() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const offers = useQuery({ queryKey: ['offers'], queryFn: () => body<{ items: Offer[] }>(api.GET('/api/v1/catalog/offers')).then((r) => r.items) });
  const codes = useQuery({ queryKey: ['discount-codes'], queryFn: () => body<{ items: DiscountCode[] }>(api.GET('/api/v1/cart/discount-codes')).then((r) => r.items) });
  const endOffer = useMutation({
    mutationFn: (id: string) => body(api.DELETE('/api/v1/catalog/offers/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['offers'] }),
  });
  const createCode = useMutation({
    mutationFn: (f: Record<string, string>) => {
      const fixed = f.kind === 'fixed';
      const currency = f.currency?.toUpperCase() || 'EUR';
      return body(api.POST('/api/v1/cart/discount-codes', { body: {
        code: f.code!.toUpperCase(), kind: fixed ? 'fixed' : 'percentage', value: fixed ? toMinor(Number(f.value), currency) : Number(f.value),
        ...(fixed && { currency }), ...(f.usageLimit && { usageLimit: Number(f.usageLimit) }),
      } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['discount-codes'] }),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    createCode.mutate(Object.fromEntries(new FormData(form)) as Record<string, string>, { onSuccess: () => form.reset() });
  };
  const amount = (kind: string, value: number, currency: string | null) => (kind === 'percentage' ? `${value} %` : format.money(value, currency ?? 'EUR'));
  return (
    <>
      <section aria-labelledby="offers-heading">
        <h2 id="offers-heading">{t('admin.offers')}</h2>
        <p className="muted small">{t('admin.offersHint')}</p>
        {offers.isPending ? <Loading /> : offers.isError ? <ErrorMessage error={offers.error} /> : (
          <ul className="order-lines" data-testid="offers-list">
            {offers.data.map((o) => (
              <li key={o.id}>
                <span>{o.name} · {amount(o.kind, o.value, o.currency)} · {format.date(o.startsAt)} – {format.date(o.endsAt)} {o.active && <span className="status status-paid">{t('admin.active')}</span>}</span>
                <button type="button" className="link-button" onClick={() => endOffer.mutate(o.id)} aria-label={t('admin.deleteOffer', { name: o.name })}>{t('cart.remove')}</button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="codes-heading">
        <h2 id="codes-heading">{t('admin.discountCodes')}</h2>
        {codes.isPending ? <Loading /> : codes.isError ? <ErrorMessage error={codes.error} /> : (
          <ul className="order-lines" data-testid="codes-list">
            {codes.data.map((c) => <li key={c.code}><span className="mono">{c.code}</span><span>{amount(c.kind, c.value, c.currency)} · {t('admin.used', { count: c.usedCount })}{c.usageLimit ? ` / ${c.usageLimit}` : ''}</span></li>)}
          </ul>
        )}
        <form className="card action-form" onSubmit={submit}>
          <div className="field-row">
            <div className="field"><label htmlFor="c-code">{t('admin.code')}</label><input id="c-code" name="code" required pattern="[A-Za-z0-9-]{3,32}" className="mono" /></div>
            <div className="field"><label htmlFor="c-kind">{t('admin.kind')}</label><select id="c-kind" name="kind"><option value="percentage">{t('admin.percentage')}</option><option value="fixed">{t('admin.fixed', { currency: 'EUR' })}</option></select></div>
            <div className="field"><label htmlFor="c-value">{t('admin.value')}</label><input id="c-value" name="value" type="number" min="0.01" step="0.01" required /></div>
            <div className="field"><label htmlFor="c-limit">{t('admin.usageLimit')}</label><input id="c-limit" name="usageLimit" type="number" min="1" step="1" /></div>
          </div>
          {createCode.isError && <ErrorMessage error={createCode.error} />}
          <button type="submit" className="button button-primary" disabled={createCode.isPending}>{t('admin.createCode')}</button>
        </form>
      </section>
    </>
  );
}
