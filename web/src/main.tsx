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
import { ForgotPassword, ResetPassword, SignUp, VerifyEmail } from './pages/AuthPages.tsx';
import { Account } from './pages/Account.tsx';
import { OrderLookup } from './pages/OrderLookup.tsx';
import { NotFound } from './pages/NotFound.tsx';

// The back office is its own chunk: shoppers never download it.
const Admin = lazy(() => import('./admin/Admin.tsx'));

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
              <Route path="account/sign-up" element={<SignUp />} />
              <Route path="account/forgot-password" element={<ForgotPassword />} />
              <Route path="account/reset-password" element={<ResetPassword />} />
              <Route path="account/verify-email" element={<VerifyEmail />} />
              <Route path="account/*" element={<Account />} />
              <Route path="admin/*" element={<Suspense fallback={<Loading />}><Admin /></Suspense>} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
