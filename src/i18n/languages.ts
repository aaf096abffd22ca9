/** The languages the app speaks, and which one a visit gets (React-free: the store and tests use it). */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'zh-CN', name: '简体中文' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export const DEFAULT_LANGUAGE: LanguageCode = 'en';

/** A supported language for a tag such as `zh`, `zh-Hans-CN` or `en-GB`; null when none fits. */
export function languageFor(tag: string | null | undefined): LanguageCode | null {
  if (!tag) return null;
  const lower = tag.trim().toLowerCase();
  // Traditional Chinese readers are better served by English than by a script they did not ask for.
  if (lower === 'zh' || lower.startsWith('zh-cn') || lower.startsWith('zh-hans') || lower.startsWith('zh-sg'))
    return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return null;
}

/**
 * The language of a visit: the one a link asks for, else the one the person picked before, else
 * the first of the browser's languages the app speaks, else English.
 */
export function chooseLanguage(
  fromLink: string | null,
  saved: string | null,
  browser: readonly string[],
): LanguageCode {
  for (const tag of [fromLink, saved, ...browser]) {
    const code = languageFor(tag);
    if (code) return code;
  }
  return DEFAULT_LANGUAGE;
}
