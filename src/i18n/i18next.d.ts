// Keys are checked at compile time against the English catalogue.
import 'i18next';
import type { en } from './catalogues/en/index.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
