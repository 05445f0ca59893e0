import { Link, NavLink, Navigate, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session.tsx';
import { usePermissions } from '../session/permissions.ts';
import { SignInForm } from '../pages/SignIn.tsx';
import { AdminOrders } from './AdminOrders.tsx';
import { AdminOrder } from './AdminOrder.tsx';
import { AdminProducts } from './AdminProducts.tsx';
import { AdminProduct } from './AdminProduct.tsx';
import { AdminPromotions } from './AdminPromotions.tsx';
import { AdminInventory } from './AdminInventory.tsx';
import { AdminCustomers } from './AdminCustomers.tsx';

/** The back office: staff and admins only. Anyone else gets a staff sign-in or a refusal, never the data. */
export default function Admin() {
  const { t } = useTranslation();
  const { identity, isStaff } = useSession();
  const { can } = usePermissions();
  if (!identity) return <SignInForm title={t('signIn.staffTitle')} />;
  if (!isStaff) {
    return (
      <section className="card narrow" data-testid="admin-refused">
        <h1>{t('admin.refusedTitle')}</h1>
        <p role="alert">{t('admin.refused', { email: identity.email })}</p>
        <Link to="/" className="button">{t('admin.backToShop')}</Link>
      </section>
    );
  }
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={t('admin.title')}>
        <h1 className="admin-title">{t('admin.title')}</h1>
        <NavLink to="/admin/orders">{t('admin.orders')}</NavLink>
        <NavLink to="/admin/products">{t('admin.products')}</NavLink>
        {can('discounts:manage') && <NavLink to="/admin/promotions">{t('admin.promotions')}</NavLink>}
        {can('inventory:manage') && <NavLink to="/admin/inventory">{t('admin.inventory')}</NavLink>}
        {can('users:list') && <NavLink to="/admin/customers">{t('admin.customers')}</NavLink>}
      </nav>
      <div className="admin-main">
        <Routes>
          <Route index element={<Navigate to="orders" replace />} />
          <Route path="orders" element={<AdminOrders />} />
          <Route path="orders/:id" element={<AdminOrder />} />
          <Route path="products" element={<AdminProducts />} />
          <Route path="products/:id" element={<AdminProduct />} />
          <Route path="promotions" element={<AdminPromotions />} />
          <Route path="inventory" element={<AdminInventory />} />
          <Route path="customers" element={<AdminCustomers />} />
          <Route path="*" element={<Navigate to="orders" replace />} />
        </Routes>
      </div>
    </div>
  );
}
