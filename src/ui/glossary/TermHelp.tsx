import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossaryTermId } from '../../i18n/glossaryTerms.ts';
import './glossary.css';

/** Space kept between the note and the window's edges, and between the note and its button (px). */
const MARGIN = 8;
const GAP = 6;

/**
 * Put the note just below its button (above it when the window has no room below), within the
 * window. Fixed positioning, so the scrolling panels it sits in (overflow: auto) never clip it.
 */
function place(button: HTMLElement, note: HTMLElement): void {
  const b = button.getBoundingClientRect();
  const width = note.offsetWidth;
  const height = note.offsetHeight;
  const left = Math.max(MARGIN, Math.min(b.left - MARGIN, window.innerWidth - width - MARGIN));
  const below = b.bottom + GAP;
  const top =
    below + height + MARGIN <= window.innerHeight || b.top - GAP - height < MARGIN ? below : b.top - GAP - height;
  note.style.left = `${Math.round(left)}px`;
  note.style.top = `${Math.round(top)}px`;
}

/**
 * A small "?" beside a technical term (a toggle-tip): a button, reached by Tab and announced by its
 * name ("About trunk"), that shows the term's explanation in a box by it. Enter or Space toggles
 * it; Escape, a press elsewhere or moving focus away closes it, and focus goes back to the button.
 * The explanation is written into a polite live region when it opens, so screen readers read it.
 * Put it next to a label, never inside one, so it does not become part of a control's name.
 */
export function TermHelp({ term, named = false }: { term: GlossaryTermId; named?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const note = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      if (root.current?.contains(document.activeElement)) button.current?.focus();
    };
    const onPointer = (e: Event) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  useLayoutEffect(() => {
    if (!open) return;
    const reposition = () => {
      if (button.current && note.current) place(button.current, note.current);
    };
    reposition();
    window.addEventListener('resize', reposition);
    window.addEventListener('scroll', reposition, true);
    return () => {
      window.removeEventListener('resize', reposition);
      window.removeEventListener('scroll', reposition, true);
    };
  }, [open]);

  const name = t(`glossary.terms.${term}.name`);
  return (
    <span
      className="term-help"
      ref={root}
      onBlur={(e) => {
        // Tab to another control closes it; a click elsewhere is the pointerdown listener's.
        const to = e.relatedTarget as Node | null;
        if (open && to && !root.current?.contains(to)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className={named ? 'term-help-button named' : 'term-help-button'}
        aria-label={t('glossary.about', { term: name })}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        {/* Where several helps sit together (a lesson's terms), each shows its term. */}
        {named ? `${name} ?` : '?'}
      </button>
      <span id={id} role="status" className="term-help-live">
        {open && (
          <span ref={note} role="note" className="term-help-text">
            <strong className="term-help-name">{name}</strong>
            <span className="term-help-definition">{t(`glossary.terms.${term}.definition`)}</span>
            <a className="term-help-more" href="#glossary" onClick={() => setOpen(false)}>
              {t('glossary.allTerms')}
            </a>
          </span>
        )}
      </span>
    </span>
  );
}
