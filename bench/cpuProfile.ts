/**
 * Summarises a Chrome DevTools Protocol CPU profile (Profiler.stop) by self time: WebAssembly
 * functions (by name, as the module's name section gives them, and by module), JavaScript
 * functions, garbage collection, V8's own work ("(program)") and idle time.
 */

/** The parts of CDP's Profiler.Profile read here. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  samples?: number[];
  /** µs since the previous sample (the first: since the start). */
  timeDeltas?: number[];
}

export interface ProfileEntry {
  name: string;
  /** wasm: the module (its file, or wasm://wasm/<hash>); js: the script's file and line. */
  where: string;
  kind: 'wasm' | 'js' | 'gc' | 'program';
  selfMs: number;
  /** Of the busy time (everything but idle). */
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  busyMs: number;
  /** Shares of the busy time by kind. */
  shares: { wasm: number; js: number; gc: number; program: number };
  /** Shares of the busy time by WebAssembly module (an engine's, TF.js's backend's). */
  wasmModules: { where: string; share: number; functions: number }[];
  /** Shares of the busy time spent in WebAssembly, by phase of the step (see summariseProfile). */
  wasmPhases: Record<string, number>;
  top: ProfileEntry[];
}

/** A WebAssembly function's phase of the step, from its name (the layer functions call the shared matmul). */
const PHASES: [string, RegExp][] = [
  ['forward', /forward/i],
  ['backward', /backward/i],
  ['loss', /loss/i],
  ['update', /update|adam|sgd|rmsprop|momentum|optimi[sz]/i],
  ['clip and penalties', /clip|penalt/i],
];
const LEAF_PHASES: [string, RegExp][] = [
  ['matmul', /gemm|matmul|tile/i],
  ['math', /NativeMath|exp|log/i],
];

type CallFrame = CpuProfile['nodes'][number]['callFrame'];

/** A WebAssembly frame: its script is a .wasm file (streamed from a URL) or a wasm:// module (compiled from bytes). */
function isWasm(f: CallFrame): boolean {
  return f.url.startsWith('wasm://') || /\.wasm(\?|#|$)/.test(f.url) || /^wasm-function\[/.test(f.functionName);
}

/** A frame's display name: `names` (function index → name) for modules compiled from bytes (wasm://), shortened. */
function frameName(f: CallFrame, names: Record<number, string>): string {
  const index = /^wasm-function\[(\d+)\]$/.exec(f.functionName)?.[1];
  const named = index !== undefined && f.url.startsWith('wasm://') ? names[Number(index)] : undefined;
  return (named ?? f.functionName).replace(/^src\/core\/fused\/wasm\/assembly\//, '') || '(anonymous)';
}

function kindOf(f: CallFrame): ProfileEntry['kind'] {
  if (f.functionName === '(garbage collector)') return 'gc';
  if (f.functionName === '(program)') return 'program';
  if (/^(js-to-wasm|wasm-to-js)/.test(f.functionName)) return 'js'; // V8's call wrappers: glue
  return isWasm(f) ? 'wasm' : 'js';
}

/**
 * Self time by function; WebAssembly time also by phase of the step: the nearest caller (or the
 * function itself) whose name says forward, backward, loss, update or clip, else the leaf's own
 * kind (matmul, math). `names` names a module compiled from bytes (see wasmNames.ts).
 */
export function summariseProfile(profile: CpuProfile, names: Record<number, string> = {}, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, ProfileEntry>();
  const phaseMs: Record<string, number> = {};
  let idleUs = 0;
  let totalUs = 0;
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const node = byId.get(id);
    const dt = deltas[i] ?? 0;
    totalUs += dt;
    if (!node) return;
    const f = node.callFrame;
    if (f.functionName === '(idle)') {
      idleUs += dt;
      return;
    }
    if (f.functionName === '(root)') return;
    const kind = kindOf(f);
    const file = f.url.split('/').pop() ?? '';
    const where = kind === 'wasm' ? file || f.url : kind === 'js' ? `${file}:${f.lineNumber}` : '';
    const name = frameName(f, names);
    const key = `${kind} ${where} ${name}`;
    const entry = self.get(key) ?? { name, where, kind, selfMs: 0, share: 0 };
    entry.selfMs += dt / 1000;
    self.set(key, entry);
    if (kind !== 'wasm') return;
    let phase: string | undefined;
    for (let n: typeof node | undefined = node; n && !phase; n = byId.get(parent.get(n.id) ?? -1))
      if (isWasm(n.callFrame)) phase = PHASES.find(([, re]) => re.test(frameName(n!.callFrame, names)))?.[0];
    phase ??= LEAF_PHASES.find(([, re]) => re.test(name))?.[0] ?? 'other';
    phaseMs[phase] = (phaseMs[phase] ?? 0) + dt / 1000;
  });
  const busyMs = (totalUs - idleUs) / 1000;
  const share = (ms: number) => (busyMs > 0 ? ms / busyMs : 0);
  const entries = [...self.values()].sort((a, b) => b.selfMs - a.selfMs);
  for (const e of entries) e.share = share(e.selfMs);
  const shareOf = (kind: ProfileEntry['kind']) =>
    entries.filter((e) => e.kind === kind).reduce((s, e) => s + e.share, 0);
  const modules = new Map<string, { where: string; share: number; functions: number }>();
  for (const e of entries.filter((x) => x.kind === 'wasm')) {
    const m = modules.get(e.where) ?? { where: e.where, share: 0, functions: 0 };
    m.share += e.share;
    m.functions++;
    modules.set(e.where, m);
  }
  return {
    totalMs: totalUs / 1000,
    idleMs: idleUs / 1000,
    busyMs,
    shares: { wasm: shareOf('wasm'), js: shareOf('js'), gc: shareOf('gc'), program: shareOf('program') },
    wasmModules: [...modules.values()].sort((a, b) => b.share - a.share),
    wasmPhases: Object.fromEntries(
      Object.entries(phaseMs)
        .sort((a, b) => b[1] - a[1])
        .map(([k, ms]) => [k, share(ms)]),
    ),
    top: entries.slice(0, top),
  };
}
