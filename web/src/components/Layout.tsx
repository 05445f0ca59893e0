import { useEffect, useState, type FormEvent } from 'react';
import { Link, Outlet, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCategories } from '../api/catalog.ts';
import { useCart } from '../cart/use-cart.ts';
import { useSession } from '../session/session.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { CartIcon } from './Icons.tsx';

function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const urlQuery = params.get('q') ?? '';
  const [q, setQ] = useState(urlQuery);
  useEffect(() => setQ(urlQuery), [urlQuery]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(q.trim() ? `/products?q=${encodeURIComponent(q.trim())}` : '/products');
  };
  return (
    <form role="search" className="search" onSubmit={submit}>
      <label htmlFor="site-search" className="visually-hidden">{t('nav.search')}</label>
      <input id="site-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('nav.search')} />
      <button type="submit" className="button">{t('nav.searchButton')}</button>
    </form>
  );
}

function AccountLinks() {
  const { t } = useTranslation();
  const { identity, isStaff, signOut } = useSession();
  const navigate = useNavigate();
  if (!identity) return <Link to="/signin" className="nav-link">{t('nav.signIn')}</Link>;
  return (
    <>
      {isStaff && <Link to="/admin" className="nav-link">{t('nav.admin')}</Link>}
      <Link to="/account" className="nav-link" title={t('nav.signedInAs', { email: identity.email })}>{t('nav.account')}</Link>
      <button type="button" className="link-button nav-link" onClick={() => void signOut().then(() => navigate('/'))}>{t('nav.signOut')}</button>
    </>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const { data: categories } = useCategories();
  const { data: cart } = useCart();
  const count = cart?.status === 'active' ? cart.itemCount : 0;
  // The listing's category is in the query string, which NavLink does not match on.
  const location = useLocation();
  const current = location.pathname === '/products' ? (new URLSearchParams(location.search).get('category') ?? '') : undefined;
  return (
    <div className="app">
      <a href="#main" className="skip-link">{t('nav.skip')}</a>
      <header className="site-header">
        <div className="container header-row">
          <Link to="/" className="brand" aria-label={t('brand.name')}>
            <img src="/favicon.svg" alt="" width="28" height="28" />
            <span>{t('brand.name')}</span>
          </Link>
          <SearchBox />
          <div className="header-actions">
            <LanguageSwitcher />
            <AccountLinks />
            <Link to="/cart" className="cart-link" data-testid="cart-link">
              <CartIcon /> <span className="cart-label">{t('nav.cart')}</span>{' '}
              <span className="cart-count">{count}<span className="visually-hidden"> {t('nav.items', { count })}</span></span>
            </Link>
          </div>
        </div>
        <nav aria-label={t('nav.categories')} className="category-nav">
          <ul className="container">
            <li><Link to="/products" aria-current={current === '' ? 'page' : undefined}>{t('nav.shop')}</Link></li>
            {categories?.map((c) => <li key={c.id}><Link to={`/products?category=${c.slug}`} aria-current={current === c.slug ? 'page' : undefined}>{c.name}</Link></li>)}
          </ul>
        </nav>
      </header>
      <main id="main" className="container" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <span>{t('brand.name')} · {t('brand.tagline')}</span>
          <Link to="/orders/lookup">{t('lookup.title')}</Link>
        </div>
      </footer>
    </div>
  );
}
