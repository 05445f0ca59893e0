import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, body, idempotencyKey } from '../api/client.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useFormat } from '../format.ts';

interface StockView { sku: string; warehouses: Array<{ warehouseId: string; warehouseName: string; onHand: number; reserved: number; available: number; threshold: number; lowStock: boolean }>; totals: { onHand: number; reserved: number; available: number } }
interface Adjustment { id: string; warehouseId: string; delta: number; reason: string; note: string | null; onHandAfter: number; createdAt: string }
const reasons = ['received', 'damaged', 'correction', 'returned', 'other'] as const;

/** Stock of one SKU per warehouse, adjustments to it and their history. */
export function AdminInventory() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const sku = (params.get('sku') ?? '').toUpperCase();
  const warehouses = useQuery({ queryKey: ['warehouses'], queryFn: () => body<{ items: Array<{ id: string; name: string }> }>(api.GET('/api/v1/inventory/warehouses')).then((r) => r.items) });
  const stock = useQuery({ queryKey: ['admin-stock', sku], enabled: !!sku, queryFn: () => body<StockView>(api.GET('/api/v1/inventory/stock/{sku}', { params: { path: { sku } } })) });
  const history = useQuery({ queryKey: ['adjustments', sku], enabled: !!sku, queryFn: () => body<{ items: Adjustment[] }>(api.GET('/api/v1/inventory/stock/{sku}/adjustments', { params: { path: { sku }, query: {} } })).then((r) => r.items) });
  const adjust = useMutation({
    mutationFn: (f: Record<string, string>) => body(api.POST('/api/v1/inventory/stock/{sku}/adjustments', {
      params: { path: { sku }, header: { 'idempotency-key': idempotencyKey() } },
      body: { warehouseId: f.warehouseId!, delta: Number(f.delta), reason: f.reason as (typeof reasons)[number], ...(f.note && { note: f.note }) },
    })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['admin-stock', sku] });
      await queryClient.invalidateQueries({ queryKey: ['adjustments', sku] });
      await queryClient.invalidateQueries({ queryKey: ['stock', sku] });
    },
  });
  const find = (e: FormEvent<HTMLFormElement>) => { e.preventDefault(); setParams({ sku: String(new FormData(e.currentTarget).get('sku')).trim().toUpperCase() }); };
  const submitAdjustment = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    adjust.mutate(Object.fromEntries(new FormData(form)) as Record<string, string>, { onSuccess: () => form.reset() });
  };
  return (
    <section aria-labelledby="inventory-heading">
      <h2 id="inventory-heading">{t('admin.inventory')}</h2>
      <form className="filters" onSubmit={find} role="search">
        <label>{t('admin.sku')}<input name="sku" defaultValue={sku} required className="mono" /></label>
        <button type="submit" className="button">{t('nav.searchButton')}</button>
      </form>
      {sku && (stock.isPending ? <Loading /> : stock.isError ? <ErrorMessage error={stock.error} /> : (
        <>
          <div className="table-scroll">
            <table className="table" data-testid="stock-table">
              <caption className="visually-hidden">{t('admin.stockOf', { sku })}</caption>
              <thead><tr><th scope="col">{t('admin.warehouse')}</th><th scope="col" className="num">{t('admin.onHand')}</th><th scope="col" className="num">{t('admin.reserved')}</th><th scope="col" className="num">{t('admin.available')}</th><th scope="col" className="num">{t('admin.threshold')}</th></tr></thead>
              <tbody>
                {stock.data.warehouses.map((w) => (
                  <tr key={w.warehouseId}><td>{w.warehouseName}{w.lowStock && <> <span className="badge">{t('admin.low')}</span></>}</td><td className="num">{w.onHand}</td><td className="num">{w.reserved}</td><td className="num">{w.available}</td><td className="num">{w.threshold}</td></tr>
                ))}
                <tr className="grand-total"><th scope="row">{t('cart.total')}</th><td className="num">{stock.data.totals.onHand}</td><td className="num">{stock.data.totals.reserved}</td><td className="num">{stock.data.totals.available}</td><td /></tr>
              </tbody>
            </table>
          </div>
          <form className="card action-form" onSubmit={submitAdjustment}>
            <h3>{t('admin.adjust')}</h3>
            <div className="field-row">
              <div className="field">
                <label htmlFor="adj-warehouse">{t('admin.warehouse')}</label>
                <select id="adj-warehouse" name="warehouseId" required>{warehouses.data?.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}</select>
              </div>
              <div className="field"><label htmlFor="adj-delta">{t('admin.delta')}</label><input id="adj-delta" name="delta" type="number" step="1" required /></div>
              <div className="field">
                <label htmlFor="adj-reason">{t('admin.reason')}</label>
                <select id="adj-reason" name="reason">{reasons.map((r) => <option key={r} value={r}>{t(`admin.reasons.${r}`)}</option>)}</select>
              </div>
            </div>
            <div className="field"><label htmlFor="adj-note">{t('admin.note')}</label><input id="adj-note" name="note" maxLength={500} /></div>
            {adjust.isError && <ErrorMessage error={adjust.error} />}
            <button type="submit" className="button button-primary" disabled={adjust.isPending}>{t('admin.applyAdjustment')}</button>
          </form>
          <h3>{t('admin.history')}</h3>
          {history.data?.length ? (
            <ul className="order-lines" data-testid="adjustments">
              {history.data.map((a) => <li key={a.id}><span>{format.date(a.createdAt)} · {a.warehouseId} · {t(`admin.reasons.${a.reason as (typeof reasons)[number]}`)}{a.note ? ` · ${a.note}` : ''}</span><span>{a.delta > 0 ? `+${a.delta}` : a.delta} → {a.onHandAfter}</span></li>)}
            </ul>
          ) : <p className="muted">{t('admin.noHistory')}</p>}
        </>
      ))}
    </section>
  );
}
