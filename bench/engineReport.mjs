// The engines part of `npm run bench` (bench/engines.spec.ts): what goes into results.json, and the table.

/** results.json's `engines` (one entry per case and backend) and `enginesProfile`. */
export function engineFields(results) {
  const order = ['reference', 'playground', 'trunk 512-512', 'batch 1024'];
  const rank = (id) => (order.includes(id) ? order.indexOf(id) : order.length);
  // The SIMD peak is the machine's: each WASM page measures it, and the run's best is the estimate
  // (another process on a shared machine only ever lowers a measurement).
  const pagePeaks = results.filter((r) => r.kind === 'engines').map((r) => r.entry.simdPeakGflops);
  const peak = Math.max(0, ...pagePeaks.filter((v) => typeof v === 'number'));
  const engines = results
    .filter((r) => r.kind === 'engines')
    .map(({ entry: e }) => ({
      ...e,
      simdPeakGflops: e.backend === 'wasm' && peak > 0 ? peak : null,
      simdPeakThisPageGflops: e.simdPeakGflops,
      fusedShareOfPeak: e.backend === 'wasm' && peak > 0 && e.fusedGflops !== null ? e.fusedGflops / peak : null,
      tfjsShareOfPeak: e.backend === 'wasm' && peak > 0 && e.tfjsGflops !== null ? e.tfjsGflops / peak : null,
    }))
    .sort((a, b) => a.backend.localeCompare(b.backend) || rank(a.case) - rank(b.case));
  const profile = results.find((r) => r.kind === 'enginesProfile');
  if (!profile) return { engines };
  const brief = (side) =>
    side.error
      ? side
      : {
          stepsPerS: side.stepsPerS,
          busyMs: side.busyMs,
          idleMs: side.idleMs,
          shares: side.shares,
          wasmModules: side.wasmModules,
          wasmPhases: side.wasmPhases,
          top: side.top,
        };
  return {
    engines,
    enginesProfile: {
      case: profile.case,
      backend: profile.backend,
      wasmNames: profile.wasmNamesNote,
      tfjs: brief(profile.tfjs),
      fused: brief(profile.fused),
    },
  };
}

export function printEngines(results) {
  const { engines, enginesProfile } = engineFields(results);
  if (engines.length === 0) return;
  const f = (v, d = 1) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : 'n/a');
  const pct = (v) => (typeof v === 'number' && Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : 'n/a');
  console.log(
    '\nFused engines vs TF.js (same model, data, Adam; GFLOP/s = 6·B·Σ in·out × steps/s; %peak: of the single-thread WASM SIMD mul+add peak, the best page of the run):',
  );
  console.log(
    'case           backend  TF.js steps/s  fused steps/s  fused/TF.js  TF.js samples/s  fused samples/s  TF.js GFLOP/s  fused GFLOP/s  SIMD peak  TF.js %peak  fused %peak',
  );
  for (const e of engines) {
    const fusedCell = e.fusedError ? `(${e.fusedError.slice(0, 40)})` : f(e.fusedStepsPerS);
    console.log(
      [
        e.case.padEnd(14),
        e.backend.padEnd(8),
        f(e.tfjsStepsPerS).padStart(13),
        fusedCell.padStart(14),
        f(e.ratio, 2).padStart(11),
        f(e.tfjsSamplesPerS, 0).padStart(15),
        f(e.fusedSamplesPerS, 0).padStart(15),
        f(e.tfjsGflops, 2).padStart(13),
        f(e.fusedGflops, 2).padStart(13),
        f(e.simdPeakGflops, 1).padStart(9),
        pct(e.tfjsShareOfPeak).padStart(11),
        pct(e.fusedShareOfPeak).padStart(11),
      ].join('  '),
    );
  }
  for (const e of engines.filter((x) => x.playgroundSamplesPerS !== undefined))
    console.log(
      `TF Playground's kind of engine (per-node JS, bench/tfPlayground) at its size (2 → 4-4-2 tanh → 1, batch 10, SGD): ${f(e.playgroundSamplesPerS, 0)} samples/s; the fused ${e.backend} engine ${f(e.fusedSamplesPerS, 0)} samples/s (×${f(e.fusedVsPlayground, 2)}; target ≥ 1)`,
    );
  if (!enginesProfile) return;
  console.log(
    `\nWhere a step's time goes (CPU profile, ${enginesProfile.case}, ${enginesProfile.backend}, self time; fused function names: ${enginesProfile.wasmNames}):`,
  );
  for (const [label, side] of [
    ['fused WASM', enginesProfile.fused],
    ['TF.js wasm', enginesProfile.tfjs],
  ]) {
    if (side.error) {
      console.log(`  ${label}: ${side.error}`);
      continue;
    }
    const s = side.shares;
    console.log(
      `  ${label} (${f(side.stepsPerS)} steps/s): wasm ${pct(s.wasm)}, JS ${pct(s.js)}, GC ${pct(s.gc)}, V8/Blink native ${pct(s.program)}` +
        (side.idleMs > 0 ? ` (idle ${f(side.idleMs, 0)} ms of ${f(side.busyMs + side.idleMs, 0)} ms)` : ''),
    );
    const phases = Object.entries(side.wasmPhases).filter(([, v]) => v >= 0.0005);
    if (phases.length && label.startsWith('fused'))
      console.log(`    wasm by phase of the step: ${phases.map(([k, v]) => `${k} ${pct(v)}`).join(', ')}`);
    for (const t of side.top.slice(0, 8))
      console.log(`    ${pct(t.share).padStart(6)}  ${t.kind.padEnd(7)} ${t.name} ${t.kind === 'js' ? t.where : ''}`);
  }
}
