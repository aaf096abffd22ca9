#!/usr/bin/env node
// `npm run bench [-- --quick]`: builds the app in bench mode, runs the cases in headless Chromium
// (bench/bench.spec.ts, bench/engines.spec.ts), prints the table and writes bench/results.json.
// `--engines`: the fused-engine cases alone (engines.spec.ts); their figures replace results.json's
// `engines` and `enginesProfile`, the rest of the file stays.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { engineFields, printEngines } from './engineReport.mjs';

const quick = process.argv.includes('--quick');
const soak = process.argv.includes('--soak');
const enginesOnly = process.argv.includes('--engines');
const specs = enginesOnly ? ['bench/engines.spec.ts'] : ['bench/bench.spec.ts', 'bench/engines.spec.ts'];
const root = new URL('..', import.meta.url).pathname;
const casesDir = `${root}bench/tmp/cases/`;
const sh = (cmd, env = {}) => execSync(cmd, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });

sh('node scripts/ensure-chromium.mjs');
// The fused WASM engine's bytes are a generated module (npm ci makes it): make sure it is there.
if (existsSync(`${root}scripts/build-fused-wasm.mjs`)) sh('node scripts/build-fused-wasm.mjs');
sh('npx vite build --mode bench --logLevel warn');
if (soak) {
  runSoak();
  process.exit(0);
}
rmSync(casesDir, { recursive: true, force: true });
mkdirSync(casesDir, { recursive: true });
const run = spawnSync('npx', ['playwright', 'test', '-c', 'bench/bench.config.ts', ...specs], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, BENCH_QUICK: quick ? '1' : '0' },
});

const results = readdirSync(casesDir).map((f) => JSON.parse(readFileSync(casesDir + f, 'utf8')));
const byKind = (k) => results.filter((r) => r.kind === k);
const f = (v, d = 1) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : 'n/a');

console.log(`\nMTL Playground benchmark${quick ? ' (--quick: harness check only, figures meaningless)' : ''}\n`);
console.log('Training throughput (steps/s; samples/s), bare model.fit page (a) vs the app (b):');
console.log('case            backend  (a) bare               (b) app                (b)/(a)');
for (const r of byKind('throughput').sort((x, y) => x.id.localeCompare(y.id) || x.backend.localeCompare(y.backend))) {
  const a = r.bare ?? {};
  const b = r.app ?? {};
  const cell = (x) =>
    (x.error ? `error: ${x.error.slice(0, 18)}` : `${f(x.stepsPerSecond)} (${f(x.samplesPerSecond, 0)})`).padEnd(22);
  console.log(
    `${r.id.padEnd(15)} ${r.backend.padEnd(8)} ${cell(a)} ${cell(b)} ${f(b.stepsPerSecond / a.stepsPerSecond, 2)}`,
  );
}
const resp = byKind('responsiveness')[0];
if (resp) {
  console.log(
    `\nResponsiveness (wasm, reference, training): ${f(resp.longTasksPer10s, 2)} long tasks per 10 s (${resp.longTasks.length} in ${f(resp.watchedSeconds)} s, longest ${f(Math.max(0, ...resp.longTasks), 0)} ms)`,
  );
  for (const [id, ms] of Object.entries(resp.renderCosts ?? {}).sort()) {
    const sorted = [...ms].sort((a, b) => a - b);
    console.log(
      `  ${id.padEnd(17)} ${String(ms.length).padStart(4)} redraws, median ${f(median(ms), 1)} ms, max ${f(sorted.at(-1), 1)} ms`,
    );
  }
  console.log(
    `  weight change → worker acknowledgement on screen: median ${f(median(resp.ackMs), 0)} ms, max ${f(Math.max(...resp.ackMs), 0)} ms (${f(median(resp.ackSteps), 2)} / ${f(Math.max(...resp.ackSteps), 2)} steps of ${f(resp.msPerStep)} ms)`,
  );
}
const mem = byKind('memory')[0];
if (mem)
  console.log(
    `\nMemory (worker tensors): before run ${mem.baseline}, after epoch 1 ${mem.afterEpoch1}, after epoch 10 ${mem.afterEpoch10}, after Reset ${mem.afterReset}; page JS heap ${f(mem.pageHeapMB)} MB`,
  );
const load = byKind('load')[0];
if (load) {
  console.log(
    `\nLoad (${f(load.bytes / 1e6)} MB CSV): pick → ready ${f(load.appMs, 0)} ms; raw papaparse of the same bytes in the same page ${f(load.rawPapaparseMs, 0)} ms; ratio ${f(load.ratio, 2)}`,
  );
  console.log(
    `  main-thread long tasks during the load: ${load.longTasksDuringLoad.length} (longest ${f(Math.max(0, ...load.longTasksDuringLoad), 0)} ms)`,
  );
  const p = load.workerPhases;
  if (p)
    console.log(
      `  in the worker: read ${f(p.readMs, 0)} ms, decode ${f(p.decodeMs, 0)} ms, parse into columns ${f(p.parseMs, 0)} ms, summarise ${f(p.summarizeMs, 0)} ms`,
    );
}
const cold = byKind('coldstart')[0];
let size = null;
if (cold) {
  console.log(
    `\nCold start (default sample, ${/Backend: (\w+)/.exec(cold.backend)?.[1] ?? '?'}): navigation → end of epoch 1 in ${f(cold.firstEpochEndMs, 0)} ms (page load event at ${f(cold.loadEventEndMs, 0)} ms)`,
  );
  size = sizes(cold);
  console.log(
    `\nSize (gzip): initial page JS+CSS ${kb(size.initialGzip)} (${size.initial.map((x) => `${x.file} ${kb(x.gzip)}`).join(', ')})`,
  );
  console.log(
    `  loaded by the end of epoch 1: JS ${kb(size.firstEpochJsGzip)}, wasm ${kb(size.firstEpochWasmGzip)}; whole build: JS ${kb(size.totalJsGzip)}, wasm ${kb(size.totalWasmGzip)}`,
  );
}

const strat = byKind('strategies')[0];
if (strat) {
  console.log(
    `\nWeighting strategies (weather, wasm, ${strat.epochs} epochs, validation split; step cost relative to Equal):`,
  );
  const equal = strat.results.find((r) => r.strategy === 'equal');
  console.log('strategy     ms/step  ×Equal  location acc  AUC    weather acc  macro-F1  temp_max RMSE  R²');
  for (const r of strat.results) {
    const [loc, tmax, wea] = ['location', 'temp_max', 'weather'].map((n) => r.tasks.find((t) => t.task === n) ?? {});
    console.log(
      `${r.strategy.padEnd(12)} ${f(r.msPerStep, 2).padStart(7)}  ${f(r.msPerStep / equal.msPerStep, 2).padStart(6)}  ${f(loc.accuracy, 3).padStart(12)}  ${f(loc.auc, 3)}  ${f(wea.accuracy, 3).padStart(11)}  ${f(wea.macroF1, 3).padStart(8)}  ${f(tmax.rmse, 3).padStart(13)}  ${f(tmax.r2, 3)}`,
    );
  }
}
printEngines(results);

const machine = {
  date: new Date().toISOString(),
  quick,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  platform: `${os.type()} ${os.release()}`,
  node: process.version,
  chromium: chromiumVersion(),
};
const output = enginesOnly
  ? { ...previousResults(), enginesMachine: machine, ...engineFields(results) }
  : { machine, results, size, ...engineFields(results) };
if (!quick) {
  writeFileSync(`${root}bench/results.json`, JSON.stringify(output, null, 2) + '\n');
  sh('npx prettier --write --log-level warn bench/results.json');
} else writeFileSync(`${root}bench/tmp/results-quick.json`, JSON.stringify(output, null, 2) + '\n');

// Every case writes one result file: expect as many as Playwright lists (no count to keep in step by hand).
const listed = spawnSync('npx', ['playwright', 'test', '-c', 'bench/bench.config.ts', ...specs, '--list'], {
  cwd: root,
  encoding: 'utf8',
}).stdout;
const expected = Number(/Total: (\d+) tests?/.exec(listed)?.[1] ?? NaN);
const ran = results.length;
const failed = results.filter((r) => r.app?.error || r.entry?.tfjsError).length;
console.log(`\n${ran - failed} passed, ${expected - ran + failed} failed`);
process.exit(run.status === 0 && ran === expected && failed === 0 ? 0 : 1);

function previousResults() {
  const file = `${root}bench/results.json`;
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
}
function kb(bytes) {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}
function chromiumVersion() {
  try {
    return execSync(`${process.env.CHROMIUM_PATH || '/usr/bin/chromium'} --version`, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}
function sizes(cold) {
  const dist = `${root}dist-bench`;
  const gz = (file) => gzipSync(readFileSync(file)).length;
  const local = (url) => {
    const path = new URL(url).pathname;
    return existsSync(dist + path) && statSync(dist + path).isFile() ? path : null;
  };
  const loaded = cold.resources.map((r) => ({ ...r, file: local(r.url) })).filter((r) => r.file);
  const initial = loaded
    .filter((r) => r.startMs <= cold.loadEventEndMs && /\.(js|css)$/.test(r.file))
    .map((r) => ({ file: r.file, gzip: gz(dist + r.file) }));
  initial.push({ file: '/index.html', gzip: gz(`${dist}/index.html`) });
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const assets = readdirSync(`${dist}/assets`).filter((n) => !n.startsWith('bare'));
  return {
    initial,
    initialGzip: sum(initial.map((x) => x.gzip)),
    firstEpochJsGzip: sum(loaded.filter((r) => r.file.endsWith('.js')).map((r) => gz(dist + r.file))),
    firstEpochWasmGzip: sum(loaded.filter((r) => r.file.endsWith('.wasm')).map((r) => gz(dist + r.file))),
    totalJsGzip: sum(assets.filter((n) => n.endsWith('.js')).map((n) => gz(`${dist}/assets/${n}`))),
    totalWasmGzip: sum(assets.filter((n) => n.endsWith('.wasm')).map((n) => gz(`${dist}/assets/${n}`))),
  };
}

/** `--soak`: the steering soak alone (an hour; a minute with --quick), its slopes and latencies, bench/soak.json. */
function runSoak() {
  const f = (v, d = 1) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : 'n/a');
  rmSync(casesDir, { recursive: true, force: true });
  mkdirSync(casesDir, { recursive: true });
  const soakRun = spawnSync('npx', ['playwright', 'test', '-c', 'bench/bench.config.ts', 'bench/soak.spec.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BENCH_QUICK: quick ? '1' : '0' },
  });
  const file = `${casesDir}soak.json`;
  if (soakRun.status !== 0 || !existsSync(file)) {
    console.error('The soak did not finish.');
    process.exit(1);
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  // Slopes from the settled run: the first minute (a quarter of a short run) holds the first epoch's allocations.
  const s = r.samples.filter((p) => p.seconds >= Math.min(60, r.seconds / 4));
  const slope = (ys) => {
    const xs = s.map((p) => p.seconds / 3600);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    const num = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0);
    const den = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    return den > 0 ? num / den : NaN;
  };
  const rates = s.slice(1).map((p, i) => (p.step - s[i].step) / Math.max(p.seconds - s[i].seconds, 1e-9));
  const rateSlope = (() => {
    const xs = s.slice(1).map((p) => p.seconds / 3600);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = rates.reduce((a, b) => a + b, 0) / rates.length;
    const den = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    return den > 0 ? xs.reduce((a, x, i) => a + (x - mx) * (rates[i] - my), 0) / den : NaN;
  })();
  const ackSteps = r.acks.map((a) => a.steps).filter(Number.isFinite);
  const ackMs = r.acks.map((a) => a.ms).filter(Number.isFinite);
  const summary = {
    date: new Date().toISOString().slice(0, 10),
    quick,
    seconds: r.seconds,
    samples: s.length,
    tensorsFirstLast: [s[0]?.tensors, s.at(-1)?.tensors],
    tensorsPerHour: slope(s.map((p) => p.tensors)),
    heapMBFirstLast: [s[0]?.heapMB, s.at(-1)?.heapMB],
    heapMBPerHour: slope(s.map((p) => p.heapMB)),
    stepsPerSecondMean: rates.reduce((a, b) => a + b, 0) / Math.max(rates.length, 1),
    stepsPerSecondPerHour: rateSlope,
    acks: ackSteps.length,
    ackStepsMedian: median(ackSteps),
    ackStepsMax: Math.max(...ackSteps),
    ackMsMedian: median(ackMs),
  };
  console.log(
    `\nSoak (${quick ? 'quick, ' : ''}${f(r.seconds / 60, 1)} min, wasm, reference model, run until paused):`,
  );
  console.log(
    `  worker tensors ${summary.tensorsFirstLast.join(' → ')} (slope ${f(summary.tensorsPerHour, 1)} per hour)`,
  );
  console.log(
    `  page heap ${summary.heapMBFirstLast.map((v) => f(v, 1)).join(' → ')} MB (slope ${f(summary.heapMBPerHour, 1)} MB per hour)`,
  );
  console.log(
    `  steps/s mean ${f(summary.stepsPerSecondMean, 1)} (slope ${f(summary.stepsPerSecondPerHour, 1)} per hour)`,
  );
  console.log(
    `  weight acknowledgement: median ${f(summary.ackStepsMedian, 2)} steps (${f(summary.ackMsMedian, 0)} ms), max ${f(summary.ackStepsMax, 2)} steps, ${summary.acks} changes`,
  );
  if (!quick) {
    writeFileSync(`${root}bench/soak.json`, JSON.stringify({ summary, ...r }, null, 2));
    sh('npx prettier --write --log-level warn bench/soak.json'); // committed, so in the project's format (npm test checks it)
  }
}
