/**
 * The catalogues stay complete and lean: every English key has its Chinese string and the
 * reverse, every key is used somewhere in the source, every key the source names exists, and
 * Chinese strings are Chinese (an English string copied over is a missing translation).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOIN_KEYS } from '../core/messages/message.ts';
import { en } from './catalogues/en/index.ts';
import { zh } from './catalogues/zh/index.ts';
import { GLOSSARY_TERMS } from './glossaryTerms.ts';
import { createI18n } from './i18n.ts';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** `rows_one` / `rows_other` are one key (`rows`) to the source. */
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

const srcRoot = join(import.meta.dirname, '..');
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.includes(join('i18n', 'catalogues')) ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}
const source = sourceFiles(srcRoot)
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');
const literals = new Set([...source.matchAll(/['"`]([A-Za-z0-9_.-]+)['"`]/g)].map((m) => m[1] as string));

const enKeys = flatten(en as unknown as Tree);
const zhKeys = flatten(zh as unknown as Tree);

/** Keys built at run time from a list (`glossary.terms.${term}.name`): used when the list names them. */
function usedDynamically(key: string): boolean {
  const m = /^glossary\.terms\.([^.]+)\.(name|definition)$/.exec(key);
  if (m) return (GLOSSARY_TERMS as readonly string[]).includes(m[1] as string);
  // Keys named by a table of literal ids: `lessons.<id>.…`, `messages.<code>` … appear whole elsewhere.
  return false;
}

describe('catalogues', () => {
  it('have the same keys in English and Chinese (plural forms aside)', () => {
    const en = new Set([...enKeys.keys()].map(baseKey));
    const zh = new Set([...zhKeys.keys()].map(baseKey));
    expect(
      [...en].filter((k) => !zh.has(k)),
      'missing in Chinese',
    ).toEqual([]);
    expect(
      [...zh].filter((k) => !en.has(k)),
      'missing in English',
    ).toEqual([]);
  });

  it('use every key somewhere in the source', () => {
    const unused = [...new Set([...enKeys.keys()].map(baseKey))].filter((k) => !literals.has(k) && !usedDynamically(k));
    expect(unused, 'keys no source file names').toEqual([]);
  });

  it('hold every key the source asks for', () => {
    const asked = [...source.matchAll(/\bt\(\s*'([A-Za-z0-9_.]+)'/g)].map((m) => m[1] as string);
    // The core and the worker name their messages' keys as whole literals (`message('messages.csv.emptyFile')`);
    // the list keys are joined by renderMessage, not looked up.
    const joined: readonly string[] = JOIN_KEYS;
    const said = [...literals].filter((k) => /^messages\.\w/.test(k) && !joined.includes(k));
    asked.push(...said);
    const known = new Set([...enKeys.keys()].map(baseKey));
    expect(
      [...new Set(asked)].filter((k) => !known.has(k)),
      'asked for but not in the catalogue',
    ).toEqual([]);
  });

  it('are Chinese in Chinese (a string with Latin words and no Chinese is an untranslated copy)', () => {
    const untranslated = [...zhKeys].filter(
      ([, v]) => /[A-Za-z]{3,}/.test(v.replace(/\{\{[^}]*\}\}/g, '')) && !/[\u4e00-\u9fff]/.test(v),
    );
    // Names that stay Latin in Chinese texts too (metric and method names, units).
    const allowed =
      /^(AUC|MSE|RMSE|MAE|R2|R²|F1|Adam|SGD|RMSProp|MMoE|PCGrad|GradNorm|DWA|WebGPU|WebGL|WASM|CPU|ESMM|L1|L2|ReLU|[A-Za-z]+ ?\/ ?[A-Za-z]+)$/;
    expect(untranslated.filter(([, v]) => !allowed.test(v.trim())).map(([k]) => k)).toEqual([]);
  });

  it('interpolate the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
    const differ = [...zhKeys]
      .filter(([k, v]) => {
        const e = enKeys.get(k) ?? enKeys.get(k.replace(/_other$/, '_one'));
        return e !== undefined && placeholders(e).join() !== placeholders(v).join();
      })
      .map(([k]) => k);
    expect(differ).toEqual([]);
  });

  it('render through i18next in both languages, Chinese without plural forms', () => {
    const enI18n = createI18n('en');
    const zhI18n = createI18n('zh-CN');
    expect(enI18n.t('app.language')).toBe('Language');
    expect(zhI18n.t('app.language')).toBe('语言');
    expect(zhI18n.language).toBe('zh-CN');
  });
});
