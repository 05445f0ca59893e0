import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { languages, saveLanguage, type Language } from '../i18n/index.ts';
import { useSession } from '../session/session.tsx';
import { GlobeIcon } from './Icons.tsx';

/** Changes the UI language; saved in this browser and, when signed in, in the account's preferences. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { identity } = useSession();
  const change = (language: Language) => {
    saveLanguage(language);
    if (identity) void api.PUT('/api/v1/users/me/preferences', { body: { locale: language } }).catch(() => undefined);
  };
  return (
    <label className="language">
      <span className="visually-hidden">{t('nav.language')}</span>
      <GlobeIcon />
      <select value={i18n.language} onChange={(e) => change(e.target.value as Language)} data-testid="language">
        {languages.map((l) => <option key={l.code} value={l.code} lang={l.code}>{l.label}</option>)}
      </select>
    </label>
  );
}
