import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, ApiError, body } from '../api/client.ts';

/** A 400 naming the password field: the service's rules (length, common passwords) refused it. */
const passwordRefused = (error: unknown) => error instanceof ApiError && error.status === 400 && /body\.(password|newPassword)/.test(error.problem.detail ?? '');

function PasswordField({ id, label, autoComplete }: { id: string; label: string; autoComplete: string }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name="password" type="password" autoComplete={autoComplete} required minLength={12} maxLength={128} aria-describedby={`${id}-rules`} />
      <p id={`${id}-rules`} className="muted small">{t('auth.passwordRules')}</p>
    </div>
  );
}

export function SignUp() {
  const { t } = useTranslation();
  const signUp = useMutation({
    mutationFn: (form: { name: string; email: string; password: string }) =>
      body<{ email: string }>(api.POST('/api/v1/users/register', { body: { email: form.email, password: form.password, ...(form.name && { name: form.name }) } })),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = Object.fromEntries(new FormData(e.currentTarget)) as { name: string; email: string; password: string };
    signUp.mutate({ ...form, name: form.name.trim() });
  };
  if (signUp.isSuccess) {
    return (
      <section className="card narrow" data-testid="signup-done">
        <h1>{t('auth.checkEmailTitle')}</h1>
        <p role="status">{t('auth.checkEmail', { email: signUp.variables.email })}</p>
        <Link to="/account/sign-in" className="button button-primary">{t('signIn.submit')}</Link>
      </section>
    );
  }
  return (
    <form className="card narrow auth-form" onSubmit={submit}>
      <h1>{t('auth.signUpTitle')}</h1>
      <div className="field">
        <label htmlFor="signup-name">{t('auth.name')}</label>
        <input id="signup-name" name="name" autoComplete="name" maxLength={100} />
      </div>
      <div className="field">
        <label htmlFor="signup-email">{t('signIn.email')}</label>
        <input id="signup-email" name="email" type="email" autoComplete="email" required maxLength={254} />
      </div>
      <PasswordField id="signup-password" label={t('signIn.password')} autoComplete="new-password" />
      {signUp.isError && <p className="alert alert-error" role="alert">{passwordRefused(signUp.error) ? t('auth.weakPassword') : t('common.error', { detail: signUp.error.message })}</p>}
      <button type="submit" className="button button-primary button-block" disabled={signUp.isPending}>{t('auth.signUp')}</button>
      <p className="small">{t('auth.haveAccount')} <Link to="/account/sign-in">{t('signIn.submit')}</Link></p>
    </form>
  );
}

export function ForgotPassword() {
  const { t } = useTranslation();
  const request = useMutation({ mutationFn: (email: string) => body(api.POST('/api/v1/users/password-reset', { body: { email } })) });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    request.mutate(String(new FormData(e.currentTarget).get('email')));
  };
  return (
    <form className="card narrow auth-form" onSubmit={submit}>
      <h1>{t('auth.forgotTitle')}</h1>
      {request.isSuccess ? <p className="alert alert-success" role="status">{t('auth.resetSent', { email: request.variables })}</p> : (
        <>
          <p>{t('auth.forgotLead')}</p>
          <div className="field">
            <label htmlFor="forgot-email">{t('signIn.email')}</label>
            <input id="forgot-email" name="email" type="email" autoComplete="email" required />
          </div>
          {request.isError && <p className="alert alert-error" role="alert">{t('common.error', { detail: request.error.message })}</p>}
          <button type="submit" className="button button-primary button-block" disabled={request.isPending}>{t('auth.sendLink')}</button>
        </>
      )}
      <p className="small"><Link to="/account/sign-in">{t('auth.backToSignIn')}</Link></p>
    </form>
  );
}

/** The page the emailed reset link opens: the token is in the URL, the new password in the form. */
export function ResetPassword() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation({ mutationFn: (newPassword: string) => body(api.POST('/api/v1/users/password-reset/confirm', { body: { token, newPassword } })) });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const password = String(form.get('password'));
    setMismatch(password !== String(form.get('repeat')));
    if (password === String(form.get('repeat'))) reset.mutate(password);
  };
  if (reset.isSuccess) {
    return (
      <section className="card narrow">
        <h1>{t('auth.resetTitle')}</h1>
        <p className="alert alert-success" role="status">{t('auth.resetDone')}</p>
        <Link to="/account/sign-in" className="button button-primary">{t('signIn.submit')}</Link>
      </section>
    );
  }
  const linkBroken = reset.isError && !passwordRefused(reset.error);
  return (
    <form className="card narrow auth-form" onSubmit={submit}>
      <h1>{t('auth.resetTitle')}</h1>
      <PasswordField id="reset-password" label={t('auth.newPassword')} autoComplete="new-password" />
      <div className="field">
        <label htmlFor="reset-repeat">{t('auth.repeatPassword')}</label>
        <input id="reset-repeat" name="repeat" type="password" autoComplete="new-password" required />
      </div>
      {mismatch && <p className="alert alert-error" role="alert">{t('auth.mismatch')}</p>}
      {reset.isError && (
        <p className="alert alert-error" role="alert">
          {linkBroken ? <>{t('auth.linkInvalid')} <Link to="/account/forgot-password">{t('auth.newLink')}</Link></> : t('auth.weakPassword')}
        </p>
      )}
      <button type="submit" className="button button-primary button-block" disabled={reset.isPending || !token}>{t('auth.setPassword')}</button>
    </form>
  );
}

/** The page the emailed verification link opens; the token is posted once (a query, so a re-render does not spend it twice). */
export function VerifyEmail() {
  const { t } = useTranslation();
  const token = useSearchParams()[0].get('token') ?? '';
  const confirm = useQuery({
    queryKey: ['verify-email', token],
    queryFn: () => body(api.POST('/api/v1/users/email-verification/confirm', { body: { token } })).then(() => true),
    enabled: !!token, retry: false, staleTime: Infinity, gcTime: Infinity,
  });
  return (
    <section className="card narrow">
      <h1>{t('auth.verifyTitle')}</h1>
      {confirm.isPending && token ? <p role="status">{t('common.loading')}</p>
        : confirm.isSuccess ? <p className="alert alert-success" role="status" data-testid="verified">{t('auth.verified')}</p>
        : <p className="alert alert-error" role="alert">{t('auth.linkInvalid')}</p>}
      <Link to="/account" className="button">{t('account.title')}</Link>
    </section>
  );
}
