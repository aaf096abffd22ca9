/** The page's language at start-up and after each change: `<html lang>`, the title, the saved choice. */
import type { i18n } from 'i18next';
import { chooseLanguage, type LanguageCode } from '../../i18n/languages.ts';

const STORAGE_KEY = 'mtl-playground.language';

export function startLanguage(): LanguageCode {
  const fromLink = new URLSearchParams(window.location.hash.slice(1)).get('lang');
  let saved: string | null = null;
  try {
    saved = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be off (private modes); the browser's language then decides.
  }
  return chooseLanguage(fromLink, saved, navigator.languages ?? [navigator.language]);
}

export function saveLanguage(code: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Not saved: the choice holds for this visit.
  }
}

/** Keeps `<html lang>` and the document title in step with the language (screen readers read by it). */
export function followLanguage(instance: i18n): void {
  const apply = () => {
    document.documentElement.lang = instance.language;
    document.title = instance.t('app.title');
  };
  apply();
  instance.on('languageChanged', apply);
}
