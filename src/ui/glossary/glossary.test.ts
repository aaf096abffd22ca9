import type { TFunction } from 'i18next';
import { createElement, type FunctionComponent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { GLOSSARY_TERMS, type GlossaryTermId } from '../../i18n/glossaryTerms.ts';
import { createI18n } from '../../i18n/i18n.ts';

// Tests are type-checked without JSX (tsconfig.node.json), so the components are loaded at run time
// by a computed path and typed here.
const load = (file: string) => import(/* @vite-ignore */ `./${file}.tsx`);
const { Glossary, glossaryEntries } = (await load('Glossary')) as {
  Glossary: FunctionComponent;
  glossaryEntries: (t: TFunction, query: string, language: string) => { id: GlossaryTermId }[];
};
const { TermHelp } = (await load('TermHelp')) as { TermHelp: FunctionComponent<{ term: GlossaryTermId }> };

const en = createI18n('en');
const zh = createI18n('zh-CN');

describe('glossary', () => {
  it('lists every term in order, each a <dt id="term-…"> with its definition', () => {
    const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n: en }, createElement(Glossary)));
    expect(html).toContain('id="glossary"');
    expect(html).toContain('>Glossary</h2>');
    const ids = [...html.matchAll(/<dt id="term-([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([...GLOSSARY_TERMS]);
    expect(html.match(/<dd>/g)).toHaveLength(GLOSSARY_TERMS.length);
  });

  it('filters by name or definition, case-insensitive, in the current language', () => {
    expect(glossaryEntries(en.t, '', 'en')).toHaveLength(GLOSSARY_TERMS.length);
    expect(glossaryEntries(en.t, '  TRUNK ', 'en').map((e) => e.id)).toContain('trunk');
    const byDefinition = glossaryEntries(en.t, 'log-variance', 'en').map((e) => e.id);
    expect(byDefinition).toEqual(['uncertainty']);
    expect(glossaryEntries(zh.t, '门控', 'zh-CN').map((e) => e.id)).toContain('gate');
    expect(glossaryEntries(zh.t, 'trunk', 'zh-CN')).toEqual([]);
    expect(glossaryEntries(en.t, 'zzzz', 'en')).toEqual([]);
  });

  it('names the help button after its term and keeps the note closed at first', () => {
    const html = renderToStaticMarkup(
      createElement(I18nextProvider, { i18n: en }, createElement(TermHelp, { term: 'trunk' })),
    );
    expect(html).toContain('aria-label="About trunk"');
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain('role="status"');
    expect(html).not.toContain('role="note"');
    const zhHtml = renderToStaticMarkup(
      createElement(I18nextProvider, { i18n: zh }, createElement(TermHelp, { term: 'trunk' })),
    );
    expect(zhHtml).toContain('aria-label="关于“共享底层”"');
  });
});
