import { useTranslation } from 'react-i18next';
import { LANGUAGES, languageFor } from '../../i18n/languages.ts';
import { saveLanguage } from './pageLanguage.ts';

/** The interface language; each option is written in its own language, so anyone can find theirs. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-picker">
      <span className="visually-hidden">{t('app.language')}</span>
      <select
        aria-label={t('app.language')}
        value={languageFor(i18n.language) ?? 'en'}
        onChange={(e) => {
          void i18n.changeLanguage(e.target.value);
          saveLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}
