import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { es } from './es.ts';
import { ptBR } from './pt-BR.ts';

export const languages = [
  { code: 'es', label: 'Español' },
  { code: 'pt-BR', label: 'Português (Brasil)' },
  { code: 'en', label: 'English' },
] as const;
export type Language = (typeof languages)[number]['code'];

const storageKey = 'emporium.language';

/** A supported language for a BCP 47 tag: `pt`, `pt-PT` → pt-BR, `es-MX` → es. */
export function supportedLanguage(tag: string | null | undefined): Language | undefined {
  const base = tag?.toLowerCase().split('-')[0];
  if (base === 'pt') return 'pt-BR';
  return languages.find((l) => l.code === base)?.code;
}

/** The saved choice, else the browser's first supported language, else English. */
function initialLanguage(): Language {
  const saved = supportedLanguage(localStorage.getItem(storageKey));
  if (saved) return saved;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const match = supportedLanguage(tag);
    if (match) return match;
  }
  return 'en';
}

export function saveLanguage(language: Language): void {
  localStorage.setItem(storageKey, language);
  void i18n.changeLanguage(language);
}

export function hasSavedLanguage(): boolean {
  return localStorage.getItem(storageKey) !== null;
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, es: { translation: es }, 'pt-BR': { translation: ptBR } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
