import { useTranslation } from 'react-i18next';
import { formatNumber, numberFormat } from '../../i18n/format.ts';

/** Number formatting in the page's language: `format(x, digits)`, or a formatter for other options. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    language,
    format: (value: number | null | undefined, digits?: number) => formatNumber(language, value, digits),
    formatter: (options: Intl.NumberFormatOptions) => numberFormat(language, options),
  };
}
