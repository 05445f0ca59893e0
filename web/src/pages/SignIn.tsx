import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { useSession } from '../session/session.tsx';

export function SignInForm({ title, onSignedIn }: { title: string; onSignedIn?: () => void }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      await signIn(String(form.get('email')), String(form.get('password')));
      onSignedIn?.();
    } catch (failure) {
      const status = failure instanceof ApiError ? failure.status : 0;
      setError(status === 401 ? t('signIn.invalid') : status === 429 ? t('signIn.tooMany') : t('signIn.failed', { detail: (failure as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card narrow auth-form" onSubmit={submit}>
      <h1>{title}</h1>
      <div className="field">
        <label htmlFor="signin-email">{t('signIn.email')}</label>
        <input id="signin-email" name="email" type="email" autoComplete="username" required />
      </div>
      <div className="field">
        <label htmlFor="signin-password">{t('signIn.password')}</label>
        <input id="signin-password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {error && <p className="alert alert-error" role="alert">{error}</p>}
      <button type="submit" className="button button-primary button-block" disabled={busy}>{busy ? t('signIn.submitting') : t('signIn.submit')}</button>
      <p className="small auth-links">
        <Link to="/account/forgot-password">{t('auth.forgot')}</Link>
        <span>{t('auth.noAccount')} <Link to="/account/sign-up">{t('auth.signUp')}</Link></span>
      </p>
    </form>
  );
}

export function SignIn() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  return <SignInForm title={t('signIn.title')} onSignedIn={() => navigate(next?.startsWith('/') ? next : '/')} />;
}
