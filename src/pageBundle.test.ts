// The page must not pull TensorFlow.js into its bundle (the worker owns it): walk the static
// import graph from src/main.tsx and fail on any runtime import of @tensorflow/*.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = dirname(fileURLToPath(import.meta.url));
const IMPORT = /^\s*(import|export)\s+(?!type\b)([^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function walk(file: string, seen: Set<string>, offenders: string[]): void {
  if (seen.has(file)) return;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[3] as string;
    const clause = m[2] ?? '';
    if (/^\s*\{\s*type\b[^}]*\}\s*from\s*$/.test(clause)) continue; // import { type X } only
    if (spec.startsWith('@tensorflow/')) offenders.push(`${file.slice(root.length)} imports ${spec}`);
    if (!spec.startsWith('.')) continue;
    const target = resolve(dirname(file), spec);
    if (existsSync(target) && /\.(ts|tsx)$/.test(target)) walk(target, seen, offenders);
  }
}

describe('page bundle', () => {
  it('has no runtime import of TensorFlow.js reachable from src/main.tsx (the worker is loaded by URL)', () => {
    const offenders: string[] = [];
    const seen = new Set<string>();
    walk(resolve(root, 'main.tsx'), seen, offenders);
    expect(seen.size).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });
});
