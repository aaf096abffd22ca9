/**
 * `npm run fuzz`: the pipeline fuzz (src/core/testing/pipelineFuzz.ts) for many cases on TensorFlow.js's CPU
 * backend, with the seed printed so a failure can be replayed.
 *
 *   npm run fuzz                          10,000 cases, a fresh seed
 *   npm run fuzz -- --runs 500 --seed 42  reproduce a run (add --path <p> from a failure to replay one case)
 *   npm run fuzz -- --no-overflowing      numbers within ±1e300 only (by default they reach ±1.8e308)
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { emptyStats, pipelineProperty } from '../src/core/testing/pipelineFuzz.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Number(option('runs') ?? 10_000);
const seed = Number(option('seed') ?? Math.floor(Math.random() * 2 ** 31));
const path = option('path');
const overflowing = !args.includes('--no-overflowing');

tf.env().set('IS_TEST', true);
await tf.setBackend('cpu');
await tf.ready();
const again = `npm run fuzz -- --runs ${runs} --seed ${seed}${overflowing ? '' : ' --no-overflowing'}`;
console.log(`fuzz: ${runs} cases, seed ${seed} (reproduce: ${again})`);
const stats = emptyStats();
const start = performance.now();
const result = await fc.check(pipelineProperty(stats, { overflowing }), {
  numRuns: runs,
  seed,
  ...(path ? { path } : {}),
});
const seconds = ((performance.now() - start) / 1000).toFixed(0);
console.log(
  `fuzz: ${stats.runs} cases in ${seconds} s: ${stats.trained} trained a step, ${stats.refusedFile} files and ${stats.refusedRoles} role choices refused with a clear error; ${stats.problems} had parse problems, ${stats.alerts} an alert`,
);
const top = Object.entries(stats.refusals).sort((a, b) => b[1] - a[1]);
for (const [message, n] of top.slice(0, 12)) console.log(`  ${String(n).padStart(6)}  ${message}…`);
if (result.failed) {
  // Long cells shortened, so the case stays readable; the replay reproduces it in full.
  const short = JSON.stringify(result.counterexample, (_k, v: unknown) =>
    typeof v === 'string' && v.length > 60 ? `${v.slice(0, 40)}…(${v.length} chars)` : v,
  );
  const error = result.errorInstance;
  console.error(`fuzz: failed after ${result.numRuns} cases, shrunk ${result.numShrinks} times:`);
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  console.error(`case: ${short}`);
  console.error(`replay: ${again} --path ${result.counterexamplePath ?? ''}`);
  process.exit(1);
}
