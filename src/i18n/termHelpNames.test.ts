/**
 * A "?" help button is named "About <term>". Playwright (and screen-reader search) match names by
 * substring, so no help button in use may contain a name of the UI contract: "About step" would
 * be found by a search for the Step button (other roles are filtered out by role).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../lessons/lessons.ts';
import { createI18n } from './i18n.ts';
import type { GlossaryTermId } from './glossaryTerms.ts';

/**
 * The contract's names found by role "button" (a help button shares that role) or by getByLabel
 * (which reads every element's name, whatever its role).
 */
const CONTRACT_NAMES = [
  'Train',
  'Pause',
  'Step',
  'Reset',
  'Export metrics',
  'Export model',
  'Copy share link',
  'Compare runs',
  'Download predictions',
  'Export PyTorch project',
  'Upload CSV',
  'Import model',
  'Predict CSV',
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('help buttons', () => {
  it('never carry a name of the UI contract', () => {
    const placed = new Set<GlossaryTermId>(
      sources(join(import.meta.dirname, '..', 'ui')).flatMap((s) =>
        [...s.matchAll(/<TermHelp term="(\w+)"/g)].map((m) => m[1] as GlossaryTermId),
      ),
    );
    for (const lesson of LESSONS) for (const term of lesson.terms) placed.add(term);
    expect(placed.size).toBeGreaterThan(10);
    const t = createI18n('en').t;
    const clashes = [...placed].flatMap((term) => {
      const name = t('glossary.about', { term: t(`glossary.terms.${term}.name`) }).toLowerCase();
      return CONTRACT_NAMES.filter((n) => name.includes(n.toLowerCase())).map((n) => `${name} ⊃ ${n}`);
    });
    expect(clashes).toEqual([]);
  });
});
