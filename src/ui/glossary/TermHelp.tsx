import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossaryTermId } from '../../i18n/glossaryTerms.ts';

/**
 * A small "?" beside a technical term: a button (so it is reached by Tab and announced by name)
 * that shows the term's explanation below it; Escape or a second press closes it. Put it next to
 * a label, never inside one, so it does not become part of a control's accessible name.
 */
export function TermHelp({ term }: { term: GlossaryTermId }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('pointerdown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('pointerdown', close);
    };
  }, [open]);
  const name = t(`glossary.terms.${term}.name`);
  return (
    <span className="term-help" ref={root}>
      <button
        type="button"
        className="term-help-button"
        aria-label={t('glossary.about', { term: name })}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        ?
      </button>
      <span id={id} role="note" className="term-help-text" hidden={!open}>
        <strong>{name}</strong>: {t(`glossary.terms.${term}.definition`)}
      </span>
    </span>
  );
}
