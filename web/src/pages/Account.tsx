import { useState, type FormEvent } from 'react';
import { Link, NavLink, Route, Routes, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, body } from '../api/client.ts';
import type { OrderPage } from '../api/models.ts';
import { languages, saveLanguage, supportedLanguage } from '../i18n/index.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useFormat } from '../format.ts';
import { useSession } from '../session/session.tsx';
import { currentAccessToken } from '../session/tokens.ts';
import { SignInForm } from './SignIn.tsx';
import { Pagination } from '../components/Pagination.tsx';

interface Profile { id: string; email: string; name: string | null; phone: string | null; emailVerified: boolean }
interface Preferences { locale: string; currency: string; marketingEmails: boolean }

/** The signed-in customer's pages: profile and preferences, orders, their data. */
export function Account() {
  const { t } = useTranslation();
  const { identity } = useSession();
  if (!identity) return <SignInForm title={t('signIn.title')} />;
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={t('account.title')}>
        <h1 className="admin-title">{t('account.title')}</h1>
        <NavLink to="/account" end>{t('account.profile')}</NavLink>
        <NavLink to="/account/orders">{t('account.orders')}</NavLink>
        <NavLink to="/account/privacy">{t('account.privacy')}</NavLink>
      </nav>
      <div className="admin-main">
        <Routes>
          <Route index element={<ProfilePage />} />
          <Route path="orders" element={<MyOrders />} />
          <Route path="privacy" element={<Privacy />} />
        </Routes>
      </div>
    </div>
  );
}

function ProfilePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const profile = useQuery({ queryKey: ['me'], queryFn: () => body<Profile>(api.GET('/api/v1/users/me')) });
  const preferences = useQuery({ queryKey: ['preferences'], queryFn: () => body<Preferences>(api.GET('/api/v1/users/me/preferences')) });
  const saveProfile = useMutation({
    mutationFn: (patch: { name: string | null; phone: string | null }) => body<Profile>(api.PATCH('/api/v1/users/me', { body: patch })),
    onSuccess: (saved) => queryClient.setQueryData(['me'], saved),
  });
  const savePreferences = useMutation({
    mutationFn: (prefs: { locale: string; marketingEmails: boolean }) => body<Preferences>(api.PUT('/api/v1/users/me/preferences', { body: prefs })),
    onSuccess: (saved) => {
      queryClient.setQueryData(['preferences'], saved);
      const language = supportedLanguage(saved.locale);
      if (language) saveLanguage(language);
    },
  });
  const resend = useMutation({ mutationFn: () => body(api.POST('/api/v1/users/me/email-verification')) });
  if (profile.isPending || preferences.isPending) return <Loading />;
  if (profile.isError) return <ErrorMessage error={profile.error} />;
  if (preferences.isError) return <ErrorMessage error={preferences.error} />;

  const submitProfile = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const value = (name: string) => String(form.get(name)).trim() || null;
    saveProfile.mutate({ name: value('name'), phone: value('phone') });
  };
  const submitPreferences = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    savePreferences.mutate({ locale: String(form.get('locale')), marketingEmails: form.get('marketingEmails') === 'on' });
  };
  const p = profile.data;
  return (
    <>
      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('account.profile')}</h2>
        <p>
          {p.email} · {p.emailVerified ? <span className="status status-paid">{t('account.verified')}</span> : <span className="status">{t('account.unverified')}</span>}
          {!p.emailVerified && <> <button type="button" className="link-button" onClick={() => resend.mutate()} disabled={resend.isPending}>{t('account.resend')}</button></>}
        </p>
        {resend.isSuccess && <p className="alert alert-success" role="status">{t('auth.checkEmail', { email: p.email })}</p>}
        <form onSubmit={submitProfile}>
          <div className="field-row">
            <div className="field"><label htmlFor="profile-name">{t('auth.name')}</label><input id="profile-name" name="name" defaultValue={p.name ?? ''} autoComplete="name" maxLength={100} /></div>
            <div className="field"><label htmlFor="profile-phone">{t('account.phone')}</label><input id="profile-phone" name="phone" type="tel" defaultValue={p.phone ?? ''} autoComplete="tel" /></div>
          </div>
          {saveProfile.isError && <ErrorMessage error={saveProfile.error} />}
          {saveProfile.isSuccess && <p className="alert alert-success" role="status">{t('account.saved')}</p>}
          <button type="submit" className="button button-primary" disabled={saveProfile.isPending}>{t('account.save')}</button>
        </form>
      </section>
      <section className="card" aria-labelledby="prefs-heading">
        <h2 id="prefs-heading">{t('account.preferences')}</h2>
        <form onSubmit={submitPreferences}>
          <div className="field">
            <label htmlFor="prefs-locale">{t('nav.language')}</label>
            <select id="prefs-locale" name="locale" defaultValue={supportedLanguage(preferences.data.locale) ?? 'en'}>
              {languages.map((l) => <option key={l.code} value={l.code} lang={l.code}>{l.label}</option>)}
            </select>
          </div>
          <label className="check"><input type="checkbox" name="marketingEmails" defaultChecked={preferences.data.marketingEmails} /> {t('account.marketing')}</label>
          {savePreferences.isError && <ErrorMessage error={savePreferences.error} />}
          {savePreferences.isSuccess && <p className="alert alert-success" role="status">{t('account.saved')}</p>}
          <button type="submit" className="button button-primary" disabled={savePreferences.isPending}>{t('account.savePreferences')}</button>
        </form>
      </section>
    </>
  );
}

const pageSize = 10;

export function MyOrders() {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const orders = useQuery({
    queryKey: ['my-orders', page],
    queryFn: () => body<OrderPage>(api.GET('/api/v1/orders/mine', { params: { query: { page, pageSize } } })),
    placeholderData: keepPreviousData,
  });
  if (orders.isPending) return <Loading />;
  if (orders.isError) return <ErrorMessage error={orders.error} />;
  const pages = Math.max(1, Math.ceil(orders.data.total / pageSize));
  return (
    <section aria-labelledby="my-orders-heading">
      <h2 id="my-orders-heading">{t('account.orders')}</h2>
      {orders.data.items.length === 0 ? <p className="empty">{t('account.noOrders')} <Link to="/products">{t('cart.continue')}</Link></p> : (
        <div className="table-scroll">
          <table className="table" data-testid="my-orders">
            <thead><tr><th scope="col">{t('admin.order')}</th><th scope="col">{t('admin.date')}</th><th scope="col">{t('admin.status')}</th><th scope="col" className="num">{t('admin.total')}</th></tr></thead>
            <tbody>
              {orders.data.items.map((o) => (
                <tr key={o.id}>
                  <td><Link to={`/orders/${o.id}`} className="mono">{o.id.slice(0, 8)}</Link></td>
                  <td>{format.date(o.createdAt)}</td>
                  <td><span className={`status status-${o.status}`}>{t(`status.${o.status}`)}</span></td>
                  <td className="num">{format.money(o.total, o.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} onPage={setPage} />
    </section>
  );
}

function Privacy() {
  const { t } = useTranslation();
  const { identity, signOut } = useSession();
  const navigate = useNavigate();
  const [exportError, setExportError] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  // A download needs the bearer token, so it is fetched and handed to the browser as a file.
  const download = async () => {
    setExportError(undefined);
    const res = await fetch('/api/v1/users/me/export', { headers: { authorization: `Bearer ${await currentAccessToken()}` } });
    if (!res.ok) return setExportError(t('account.exportFailed'));
    const url = URL.createObjectURL(await res.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: `emporium-data-${identity!.userId}.json` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const remove = useMutation({
    mutationFn: (password: string) => body(api.POST('/api/v1/users/me/delete', { body: { password } })),
    onSuccess: async () => {
      await signOut();
      navigate('/', { state: { accountDeleted: true } });
    },
  });
  const submitDelete = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    remove.mutate(String(new FormData(e.currentTarget).get('password')));
  };
  return (
    <>
      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading">{t('account.exportTitle')}</h2>
        <p>{t('account.exportLead')}</p>
        {exportError && <p className="alert alert-error" role="alert">{exportError}</p>}
        <button type="button" className="button" onClick={() => void download()}>{t('account.export')}</button>
      </section>
      <section className="card danger-zone" aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t('account.deleteTitle')}</h2>
        <p>{t('account.deleteLead')}</p>
        {!confirming ? <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>{t('account.delete')}</button> : (
          <form onSubmit={submitDelete} aria-describedby="delete-warning">
            <p id="delete-warning" className="alert alert-warning">{t('account.deleteConfirm')}</p>
            <div className="field">
              <label htmlFor="delete-password">{t('signIn.password')}</label>
              <input id="delete-password" name="password" type="password" autoComplete="current-password" required />
            </div>
            {remove.isError && <p className="alert alert-error" role="alert">{remove.error instanceof ApiError && remove.error.status === 403 ? t('account.wrongPassword') : remove.error.message}</p>}
            <div className="input-row">
              <button type="submit" className="button button-danger" disabled={remove.isPending}>{t('account.deleteForever')}</button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>{t('account.keep')}</button>
            </div>
          </form>
        )}
      </section>
    </>
  );
}
