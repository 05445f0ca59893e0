import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import './i18n/index.ts';
import './styles.css';
import { SessionProvider } from './session/session.tsx';
import { Layout } from './components/Layout.tsx';
import { Loading } from './components/Status.tsx';
import { Home } from './pages/Home.tsx';
import { Products } from './pages/Products.tsx';
import { Product } from './pages/Product.tsx';
import { Cart } from './pages/Cart.tsx';
import { Checkout } from './pages/Checkout.tsx';
import { OrderConfirmation } from './pages/OrderConfirmation.tsx';
import { SignIn } from './pages/SignIn.tsx';
import { OrderLookup } from './pages/OrderLookup.tsx';
import { NotFound } from './pages/NotFound.tsx';

// The back office is its own chunk: shoppers never download it.
const Admin = lazy(() => import('./admin/Admin.tsx'));
// Account and emailed-link pages are their own chunks too: the first page does not need them.
const Account = lazy(() => import('./pages/Account.tsx').then((m) => ({ default: m.Account })));
const auth = () => import('./pages/AuthPages.tsx');
const SignUp = lazy(() => auth().then((m) => ({ default: m.SignUp })));
const ForgotPassword = lazy(() => auth().then((m) => ({ default: m.ForgotPassword })));
const ResetPassword = lazy(() => auth().then((m) => ({ default: m.ResetPassword })));
const VerifyEmail = lazy(() => auth().then((m) => ({ default: m.VerifyEmail })));
const later = (page: React.ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <BrowserRouter>
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<Home />} />
              <Route path="products" element={<Products />} />
              <Route path="products/:id" element={<Product />} />
              <Route path="cart" element={<Cart />} />
              <Route path="checkout" element={<Checkout />} />
              <Route path="orders/:id" element={<OrderConfirmation />} />
              <Route path="orders/lookup" element={<OrderLookup />} />
              <Route path="signin" element={<SignIn />} />
              <Route path="account/sign-in" element={<SignIn />} />
              <Route path="account/sign-up" element={later(<SignUp />)} />
              <Route path="account/forgot-password" element={later(<ForgotPassword />)} />
              <Route path="account/reset-password" element={later(<ResetPassword />)} />
              <Route path="account/verify-email" element={later(<VerifyEmail />)} />
              <Route path="account/*" element={later(<Account />)} />
              <Route path="admin/*" element={later(<Admin />)} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
