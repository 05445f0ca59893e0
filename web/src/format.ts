import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const fractionDigits = new Map<string, number>();

/** Minor units per major unit of a currency (100 for EUR, 1 for JPY), as Intl knows it. */
function minorUnitDigits(currency: string): number {
  let digits = fractionDigits.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    fractionDigits.set(currency, digits);
  }
  return digits;
}

export const toMinor = (major: number, currency: string): number => Math.round(major * 10 ** minorUnitDigits(currency));
export const toMajor = (minor: number, currency: string): number => minor / 10 ** minorUnitDigits(currency);

/** Prices and dates in the UI's language, with Intl. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      money: (minor: number, currency: string) => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(toMajor(minor, currency)),
      date: (iso: string) => dates.format(new Date(iso)),
      country: (code: string) => new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code,
    };
  }, [locale]);
}
