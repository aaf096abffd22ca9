/**
 * One i18next instance per page (or per test): both catalogues bundled, so switching language
 * never fetches anything. React-free; the UI adds react-i18next's binding in main.tsx.
 */
import i18next, { type i18n, type Module } from 'i18next';
import { en } from './catalogues/en/index.ts';
import { zh } from './catalogues/zh/index.ts';
import type { LanguageCode } from './languages.ts';

export const resources = { en: { translation: en }, 'zh-CN': { translation: zh } } as const;

export function createI18n(language: LanguageCode, plugins: Module[] = []): i18n {
  const instance = i18next.createInstance();
  for (const plugin of plugins) instance.use(plugin);
  void instance.init({
    resources,
    lng: language,
    fallbackLng: 'en',
    // React escapes what it renders, and nothing here is ever set as HTML.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnEmptyString: false,
  });
  return instance;
}
