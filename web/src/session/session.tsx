import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, body } from '../api/client.ts';
import type { Tokens } from '../api/models.ts';
import { hasSavedLanguage, saveLanguage, supportedLanguage } from '../i18n/index.ts';
import { identityOf, onTokensChange, storedTokens, storeTokens, type Identity } from './tokens.ts';
import { adoptUserCart, forgetCart } from '../cart/cart-id.ts';

interface Session {
  identity: Identity | undefined;
  isStaff: boolean;
  signIn(email: string, password: string): Promise<Identity>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [tokens, setTokens] = useState<Tokens | undefined>(storedTokens);
  useEffect(() => onTokensChange(() => setTokens(storedTokens())), []);
  const identity = useMemo(() => identityOf(tokens), [tokens]);

  const signIn = useCallback(async (email: string, password: string) => {
    const signedIn = await body<Tokens>(api.POST('/api/v1/users/login', { body: { email, password } }));
    // The guest cart is merged before the UI shows the user as signed in, so nothing can interrupt it.
    storeTokens(signedIn, { quietly: true });
    try {
      await adoptUserCart();
    } finally {
      storeTokens(storedTokens() ?? signedIn);
    }
    // The account's saved language wins unless this browser already chose one.
    if (!hasSavedLanguage()) {
      const prefs = await body<{ locale?: string }>(api.GET('/api/v1/users/me/preferences')).catch(() => undefined);
      const language = supportedLanguage(prefs?.locale);
      if (language) saveLanguage(language);
    }
    await queryClient.resetQueries(); // nothing fetched as someone else stays on screen
    return identityOf(signedIn)!;
  }, [queryClient]);

  const signOut = useCallback(async () => {
    const refreshToken = storedTokens()?.refreshToken;
    if (refreshToken) await api.POST('/api/v1/users/logout', { body: { refreshToken } }).catch(() => undefined);
    storeTokens(undefined);
    forgetCart();
    await queryClient.resetQueries(); // nothing fetched as someone else stays on screen
  }, [queryClient]);

  const isStaff = !!identity?.roles.some((role) => role === 'staff' || role === 'admin');
  const value = useMemo(() => ({ identity, isStaff, signIn, signOut }), [identity, isStaff, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
