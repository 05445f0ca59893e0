import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return <p className="muted" role="status">{t('common.loading')}</p>;
}

export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return <p className="alert alert-error" role="alert">{t('common.error', { detail: (error as Error)?.message ?? String(error) })}</p>;
}
