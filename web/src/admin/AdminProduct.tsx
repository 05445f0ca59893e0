import type { FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, body, idempotencyKey } from '../api/client.ts';
import type { Offer, Product, Variant } from '../api/models.ts';
import { useCategories } from '../api/catalog.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { toMajor, toMinor, useFormat } from '../format.ts';

const fields = (e: FormEvent<HTMLFormElement>) => { e.preventDefault(); return Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>; };
/** `name=value` lines → attributes. */
const attributesOf = (text: string) => Object.fromEntries(text.split('\n').map((l) => l.split('=').map((s) => s.trim())).filter(([k, v]) => k && v));

/** Create a product (`/admin/products/new`) or edit one: details, publish/unpublish, variants, an offer. */
export function AdminProduct() {
  const { id } = useParams();
  const isNew = id === 'new';
  const product = useQuery({ queryKey: ['product', id], enabled: !isNew, queryFn: () => body<Product>(api.GET('/api/v1/catalog/products/{id}', { params: { path: { id: id! } } })) });
  if (isNew) return <ProductForm />;
  if (product.isPending) return <Loading />;
  if (product.isError) return <ErrorMessage error={product.error} />;
  return <ProductForm key={product.data.updatedAt} product={product.data} />;
}

function ProductForm({ product }: { product?: Product & { updatedAt?: string } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const categories = useCategories();
  const saved = async (p: Product) => {
    queryClient.setQueryData(['product', p.id], p);
    await queryClient.invalidateQueries({ queryKey: ['products'] });
    if (!product) navigate(`/admin/products/${p.id}`, { replace: true });
  };
  const save = useMutation({
    mutationFn: (f: Record<string, string>) => {
      const common = {
        name: f.name!, description: f.description ?? '', price: toMinor(Number(f.price), f.currency!), currency: f.currency!.toUpperCase(),
        images: (f.images ?? '').split('\n').map((s) => s.trim()).filter(Boolean), categoryId: f.categoryId || null,
      };
      return product
        ? body<Product>(api.PATCH('/api/v1/catalog/products/{id}', { params: { path: { id: product.id } }, body: common }))
        : body<Product>(api.POST('/api/v1/catalog/products', { params: { header: { 'idempotency-key': idempotencyKey() } }, body: { ...common, sku: f.sku!.toUpperCase(), status: 'draft' } }));
    },
    onSuccess: saved,
  });
  const publish = useMutation({
    mutationFn: (status: 'active' | 'draft') => body<Product>(api.PATCH('/api/v1/catalog/products/{id}', { params: { path: { id: product!.id } }, body: { status } })),
    onSuccess: saved,
  });
  const currency = product?.currency ?? 'EUR';
  return (
    <section aria-labelledby="product-heading">
      <p><Link to="/admin/products">← {t('admin.products')}</Link></p>
      <div className="page-head">
        <h2 id="product-heading">{product ? product.name : t('admin.newProduct')}</h2>
        {product && <span className={`status ${product.status === 'active' ? 'status-paid' : ''}`} data-testid="product-state">{product.status === 'active' ? t('admin.active') : t('admin.draft')}</span>}
      </div>
      {product && (
        <div className="actions">
          {product.status === 'draft'
            ? <button type="button" className="button button-primary" disabled={publish.isPending} onClick={() => publish.mutate('active')}>{t('admin.publish')}</button>
            : <button type="button" className="button" disabled={publish.isPending} onClick={() => publish.mutate('draft')}>{t('admin.unpublish')}</button>}
          {product.status === 'active' && <Link to={`/products/${product.id}`}>{t('admin.viewInShop')}</Link>}
        </div>
      )}
      {publish.isError && <ErrorMessage error={publish.error} />}
      <form className="card" onSubmit={(e) => save.mutate(fields(e))}>
        <div className="field-row">
          <div className="field"><label htmlFor="p-sku">{t('admin.sku')}</label><input id="p-sku" name="sku" required={!product} disabled={!!product} defaultValue={product?.sku} pattern="[A-Za-z0-9-]{3,40}" className="mono" /></div>
          <div className="field"><label htmlFor="p-name">{t('admin.name')}</label><input id="p-name" name="name" required maxLength={200} defaultValue={product?.name} /></div>
        </div>
        <div className="field"><label htmlFor="p-description">{t('admin.description')}</label><textarea id="p-description" name="description" rows={3} maxLength={5000} defaultValue={product?.description} /></div>
        <div className="field-row">
          <div className="field"><label htmlFor="p-price">{t('admin.price')}</label><input id="p-price" name="price" type="number" min="0" step="0.01" required defaultValue={product ? toMajor(product.price, currency) : undefined} /></div>
          <div className="field"><label htmlFor="p-currency">{t('admin.currency')}</label><input id="p-currency" name="currency" required pattern="[A-Za-z]{3}" defaultValue={currency} /></div>
          <div className="field">
            <label htmlFor="p-category">{t('products.category')}</label>
            <select id="p-category" name="categoryId" defaultValue={product?.categoryId ?? ''}>
              <option value="">—</option>
              {categories.data?.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </div>
        </div>
        <div className="field"><label htmlFor="p-images">{t('admin.images')}</label><textarea id="p-images" name="images" rows={2} defaultValue={product?.images.join('\n')} /></div>
        {save.isError && <ErrorMessage error={save.error} />}
        <button type="submit" className="button button-primary" disabled={save.isPending}>{product ? t('account.save') : t('admin.create')}</button>
      </form>
      {product && <Variants product={product} onAdded={saved} />}
      {product && <ProductOffer product={product} />}
    </section>
  );
}

function Variants({ product, onAdded }: { product: Product; onAdded: (p: Product) => Promise<void> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const add = useMutation({
    mutationFn: async (f: Record<string, string>) => {
      await body<Variant>(api.POST('/api/v1/catalog/products/{id}/variants', {
        params: { path: { id: product.id }, header: { 'idempotency-key': idempotencyKey() } },
        body: { sku: f.sku!.toUpperCase(), name: f.name!, ...(f.price && { price: toMinor(Number(f.price), product.currency) }), attributes: attributesOf(f.attributes ?? '') },
      }));
      return body<Product>(api.GET('/api/v1/catalog/products/{id}', { params: { path: { id: product.id } } }));
    },
    onSuccess: onAdded,
  });
  return (
    <section className="card" aria-labelledby="variants-heading">
      <h3 id="variants-heading">{t('admin.variants')}</h3>
      {product.variants.length > 0 && (
        <ul className="order-lines" data-testid="variants">
          {product.variants.map((v) => <li key={v.id}><span><span className="mono">{v.sku}</span> {v.name} <span className="muted">{Object.entries(v.attributes).map(([k, val]) => `${k}: ${val}`).join(', ')}</span></span><span>{format.money(v.price, v.currency)}</span></li>)}
        </ul>
      )}
      <form onSubmit={(e) => { const form = e.currentTarget; add.mutate(fields(e), { onSuccess: () => form.reset() }); }}>
        <div className="field-row">
          <div className="field"><label htmlFor="v-sku">{t('admin.variantSku')}</label><input id="v-sku" name="sku" required pattern="[A-Za-z0-9-]{3,40}" className="mono" /></div>
          <div className="field"><label htmlFor="v-name">{t('admin.variantName')}</label><input id="v-name" name="name" required maxLength={200} /></div>
          <div className="field"><label htmlFor="v-price">{t('admin.variantPrice')}</label><input id="v-price" name="price" type="number" min="0" step="0.01" /></div>
        </div>
        <div className="field"><label htmlFor="v-attributes">{t('admin.attributes')}</label><textarea id="v-attributes" name="attributes" rows={2} placeholder="size=M" /></div>
        {add.isError && <ErrorMessage error={add.error} />}
        <button type="submit" className="button" disabled={add.isPending}>{t('admin.addVariant')}</button>
      </form>
    </section>
  );
}

function ProductOffer({ product }: { product: Product }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (f: Record<string, string>) => {
      const value = f.kind === 'fixed' ? toMinor(Number(f.value), product.currency) : Number(f.value);
      return body<Offer>(api.POST('/api/v1/catalog/offers', {
        params: { header: { 'idempotency-key': idempotencyKey() } },
        body: { name: f.name!, kind: f.kind as 'percentage' | 'fixed', value, ...(f.kind === 'fixed' && { currency: product.currency }), productIds: [product.id], startsAt: new Date(f.startsAt!).toISOString(), endsAt: new Date(f.endsAt!).toISOString() },
      }));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['product', product.id] });
      await queryClient.invalidateQueries({ queryKey: ['offers'] });
    },
  });
  // datetime-local wants local wall time without a zone.
  const local = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  const now = new Date();
  return (
    <section className="card" aria-labelledby="offer-heading">
      <h3 id="offer-heading">{t('admin.newOffer')}</h3>
      {product.appliedOffer && <p className="badge">{t('product.offer', { name: product.appliedOffer.name })}</p>}
      <form onSubmit={(e) => create.mutate(fields(e))}>
        <div className="field-row">
          <div className="field"><label htmlFor="o-name">{t('admin.offerName')}</label><input id="o-name" name="name" required maxLength={200} /></div>
          <div className="field">
            <label htmlFor="o-kind">{t('admin.kind')}</label>
            <select id="o-kind" name="kind" defaultValue="percentage"><option value="percentage">{t('admin.percentage')}</option><option value="fixed">{t('admin.fixed', { currency: product.currency })}</option></select>
          </div>
          <div className="field"><label htmlFor="o-value">{t('admin.value')}</label><input id="o-value" name="value" type="number" min="0.01" step="0.01" required /></div>
        </div>
        <div className="field-row">
          <div className="field"><label htmlFor="o-starts">{t('admin.startsAt')}</label><input id="o-starts" name="startsAt" type="datetime-local" required defaultValue={local(now)} /></div>
          <div className="field"><label htmlFor="o-ends">{t('admin.endsAt')}</label><input id="o-ends" name="endsAt" type="datetime-local" required defaultValue={local(new Date(now.getTime() + 7 * 86_400_000))} /></div>
        </div>
        {create.isError && <ErrorMessage error={create.error} />}
        {create.isSuccess && <p className="alert alert-success" role="status">{t('admin.offerCreated')}</p>}
        <button type="submit" className="button" disabled={create.isPending}>{t('admin.createOffer')}</button>
      </form>
    </section>
  );
}
