/**
 * Names for the fused WASM engine's functions in a CPU profile. Its build
 * (scripts/build-fused-wasm.mjs) keeps no name section, so V8 shows `wasm-function[13]`. Here the
 * same AssemblyScript is compiled again with the same asc options plus `--debug` (a name section),
 * and the names are used only when the two modules' code sections are byte-for-byte the same, so
 * every index means the same function in both.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SCRIPT = `${root}scripts/build-fused-wasm.mjs`;
const GENERATED = `${root}src/core/fused/wasm/fusedWasmBinary.generated.ts`;
const ENTRY = 'src/core/fused/wasm/assembly/index.ts';
const CACHE = `${root}bench/tmp/fused-wasm-names.json`; // asc -O3 takes ~30 s here: once per engine build

export interface WasmNames {
  /** Function index (imports included, as V8 counts) → name. */
  names: Record<number, string>;
  /** The named build's code is the engine's, byte for byte. */
  verified: boolean;
  note: string;
}

function sections(bytes: Uint8Array): { id: number; start: number; end: number }[] {
  const out: { id: number; start: number; end: number }[] = [];
  let p = 8;
  const uleb = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[p++] as number;
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (!(b & 0x80)) return result;
    }
  };
  while (p < bytes.length) {
    const id = bytes[p++] as number;
    const size = uleb();
    out.push({ id, start: p, end: p + size });
    p += size;
  }
  return out;
}

/** The function names of a module's "name" custom section (subsection 1). */
export function functionNames(bytes: Uint8Array): Record<number, string> {
  const names: Record<number, string> = {};
  for (const s of sections(bytes).filter((x) => x.id === 0)) {
    let p = s.start;
    const uleb = () => {
      let result = 0;
      let shift = 0;
      for (;;) {
        const b = bytes[p++] as number;
        result += (b & 0x7f) * 2 ** shift;
        shift += 7;
        if (!(b & 0x80)) return result;
      }
    };
    const str = () => {
      const n = uleb();
      const text = new TextDecoder().decode(bytes.subarray(p, p + n));
      p += n;
      return text;
    };
    if (str() !== 'name') continue;
    while (p < s.end) {
      const sub = bytes[p++] as number;
      const size = uleb();
      const end = p + size;
      if (sub === 1) for (let count = uleb(); count > 0; count--) names[uleb()] = str();
      p = end;
    }
  }
  return names;
}

function codeSection(bytes: Uint8Array): Uint8Array | null {
  const s = sections(bytes).find((x) => x.id === 10);
  return s ? bytes.subarray(s.start, s.end) : null;
}

/** The asc options of the engine's build script (its string literals after the entry), with --debug added. */
function ascArguments(): string[] {
  const text = readFileSync(SCRIPT, 'utf8');
  const list = /asc\.main\(\s*\[([\s\S]*?)\]\s*,/.exec(text)?.[1];
  if (!list) throw new Error('the build script calls no asc.main([...])');
  const literals = [...list.matchAll(/'([^']*)'/g)].map((m) => m[1] as string);
  return [ENTRY, ...literals, '--debug'];
}

/** compile: false uses only a name map made earlier for this very engine build (no 30 s compile). */
export async function fusedWasmNames(compile = true): Promise<WasmNames> {
  const base64 = existsSync(GENERATED) ? /const BASE64 = '([^']*)'/.exec(readFileSync(GENERATED, 'utf8'))?.[1] : null;
  if (!base64) return { names: {}, verified: false, note: 'no generated engine module' };
  const hash = createHash('sha256').update(base64).update(readFileSync(SCRIPT));
  for (const f of readdirSync(`${root}src/core/fused/wasm/assembly`).sort())
    hash.update(readFileSync(`${root}src/core/fused/wasm/assembly/${f}`));
  const key = hash.digest('hex');
  const cached = existsSync(CACHE) ? (JSON.parse(readFileSync(CACHE, 'utf8')) as WasmNames & { key: string }) : null;
  if (cached?.key === key) return { names: cached.names, verified: cached.verified, note: cached.note };
  if (!compile) return { names: {}, verified: false, note: 'not named (--quick compiles no named build)' };
  const result = await namedBuild(base64);
  mkdirSync(`${root}bench/tmp`, { recursive: true });
  writeFileSync(CACHE, JSON.stringify({ key, ...result }));
  return result;
}

async function namedBuild(base64: string): Promise<WasmNames> {
  try {
    const engine = new Uint8Array(Buffer.from(base64, 'base64'));
    const asc = (await import('assemblyscript/asc')).default;
    let named: Uint8Array | null = null;
    const errors: string[] = [];
    const { error } = await asc.main(ascArguments(), {
      writeFile: (name: string, contents: Uint8Array | string) => {
        if (name.endsWith('.wasm') && typeof contents !== 'string') named = contents;
      },
      stdout: { write: () => true },
      stderr: { write: (t: string) => (errors.push(String(t)), true) },
    } as Parameters<typeof asc.main>[1]);
    if (error || !named) return { names: {}, verified: false, note: `asc: ${error?.message ?? errors.join('')}` };
    const a = codeSection(engine);
    const b = codeSection(named);
    const verified = !!a && !!b && a.length === b.length && a.every((v, i) => v === b[i]);
    return {
      names: verified ? functionNames(named) : {},
      verified,
      note: verified
        ? 'names from a --debug build of the same source, code sections identical'
        : 'a --debug build differs from the engine: functions left unnamed',
    };
  } catch (e) {
    return { names: {}, verified: false, note: String(e).slice(0, 200) };
  }
}
