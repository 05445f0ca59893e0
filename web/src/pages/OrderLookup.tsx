import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';

/** A guest finds an order by its number and the email it was placed with. */
export function OrderLookup() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    navigate(`/orders/${encodeURIComponent(String(form.get('orderId')).trim())}?email=${encodeURIComponent(String(form.get('email')).trim())}`);
  };
  return (
    <form className="card narrow auth-form" onSubmit={submit}>
      <h1>{t('lookup.title')}</h1>
      <p>{t('lookup.lead')}</p>
      <div className="field">
        <label htmlFor="lookup-id">{t('order.number')}</label>
        <input id="lookup-id" name="orderId" required pattern="[0-9a-fA-F-]{36}" autoComplete="off" className="mono" />
      </div>
      <div className="field">
        <label htmlFor="lookup-email">{t('signIn.email')}</label>
        <input id="lookup-email" name="email" type="email" autoComplete="email" required />
      </div>
      <button type="submit" className="button button-primary button-block">{t('lookup.find')}</button>
    </form>
  );
}
