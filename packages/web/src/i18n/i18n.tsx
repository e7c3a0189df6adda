import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { LOCALE_TAGS, formatNumber, type Locale } from '../lib/format';
import { nl, type MessageKey } from './nl';
import { en } from './en';
import { replaceSearch, useLocation } from '../router';

const DICTIONARIES = { nl, en } as const;
const STORAGE_KEY = 'palliamonitor.taal';

export type Params = Readonly<Record<string, string | number>>;

/** Whether a key built at run time (from a server's message code) names an interface text. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(nl, key);
}

/** Fills {name} placeholders. Unknown placeholders stay visible, so a missing value is noticed. */
export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, params?: Params) => string;
  /**
   * A text with a count, in the plural form the language wants for it (Intl.PluralRules): the key
   * `<base>.one` or `<base>.other` (`.other` when the language has no text for the form).
   */
  plural: (base: PluralBase, count: number, params?: Params) => string;
}

/** The keys that come in plural forms: those with a `.one` and an `.other` text. */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer B}.other`
    ? `${B}.one` extends MessageKey
      ? B
      : never
    : never;
}[MessageKey];

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The plural form of `count` in the language: 'one' or 'other' for Dutch and English. */
export function pluralKey(locale: Locale, base: PluralBase, count: number): MessageKey {
  let rules = pluralRules.get(locale);
  if (rules === undefined) {
    rules = new Intl.PluralRules(LOCALE_TAGS[locale]);
    pluralRules.set(locale, rules);
  }
  const key = `${base}.${rules.select(count)}`;
  return isMessageKey(key) ? key : (`${base}.other` as MessageKey);
}

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'nl') {
    return fromUrl;
  }
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const { pathname, search } = useLocation();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => {
    // The language is part of the address (?lang=en; Dutch, the default, needs none), so a shared
    // or bookmarked link opens in the language it was copied in, on every page navigated to.
    const params = new URLSearchParams(search);
    const wanted = locale === 'nl' ? null : locale;
    if (params.get('lang') === wanted) {
      return;
    }
    if (wanted === null) {
      params.delete('lang');
    } else {
      params.set('lang', wanted);
    }
    replaceSearch(params);
  }, [locale, pathname, search]);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, params) => interpolate(DICTIONARIES[locale][key], params),
      plural: (base, count, params = {}) =>
        interpolate(DICTIONARIES[locale][pluralKey(locale, base, count)], {
          count: formatNumber(count, locale),
          ...params,
        }),
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (value === null) {
    throw new Error('useI18n outside I18nProvider');
  }
  return value;
}
