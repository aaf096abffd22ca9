/** Locale-aware numbers (cached formatters: Intl.NumberFormat is costly to build on every render). */
const cache = new Map<string, Intl.NumberFormat>();

export function numberFormat(language: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, options);
    cache.set(key, format);
  }
  return format;
}

/** A number with at most `digits` decimals in the language's convention; "–" for a missing value. */
export function formatNumber(language: string, value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return numberFormat(language, { maximumFractionDigits: digits }).format(value);
}
