import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { GLOSSARY_TERMS, type GlossaryTermId } from '../../i18n/glossaryTerms.ts';
import './glossary.css';

export interface GlossaryEntry {
  id: GlossaryTermId;
  name: string;
  definition: string;
}

/**
 * The terms, in GLOSSARY_TERMS order, whose name or definition contains the query (case-insensitive
 * in the given language; an empty query keeps them all).
 */
export function glossaryEntries(t: TFunction, query: string, language: string): GlossaryEntry[] {
  const entries = GLOSSARY_TERMS.map((id) => ({
    id,
    name: t(`glossary.terms.${id}.name`),
    definition: t(`glossary.terms.${id}.definition`),
  }));
  const q = query.trim().toLocaleLowerCase(language);
  if (!q) return entries;
  return entries.filter(
    (e) => e.name.toLocaleLowerCase(language).includes(q) || e.definition.toLocaleLowerCase(language).includes(q),
  );
}

/** Every technical term of the page with its explanation, and a box to filter them. */
export function Glossary({ id = 'glossary', className = 'panel' }: { id?: string; className?: string }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const headingId = useId();
  const entries = glossaryEntries(t, query, i18n.language);
  return (
    <section id={id} className={`glossary ${className}`.trim()} aria-labelledby={headingId}>
      <h2 id={headingId}>{t('glossary.heading')}</h2>
      <p className="muted">{t('glossary.intro')}</p>
      <label className="glossary-filter">
        <span>{t('glossary.filter')}</span>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      </label>
      <p role="status" className="glossary-status muted">
        {entries.length === 0 ? t('glossary.noMatch', { query: query.trim() }) : ''}
      </p>
      <dl className="glossary-list">
        {entries.map((e) => (
          <div key={e.id} className="glossary-entry">
            <dt id={`term-${e.id}`}>{e.name}</dt>
            <dd>{e.definition}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
