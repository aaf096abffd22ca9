// The fuzzed pipeline in its quick form (npm run fuzz runs 10,000 cases): hostile CSV files and role
// choices through parse → summarise → prepare → one training step. A fixed seed keeps CI repeatable;
// FUZZ_SEED=<n> picks another.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyStats, pipelineProperty } from './testing/pipelineFuzz.ts';

const RUNS = 300;
const seed = Number(process.env.FUZZ_SEED ?? 20_240_601);

describe('pipeline fuzz', () => {
  it(`${RUNS} hostile files and role choices: a table or a clear error, never NaN, Infinity or a crash (seed ${seed})`, async () => {
    const stats = emptyStats();
    await fc.assert(pipelineProperty(stats), { numRuns: RUNS, seed });
    // It ran, and the generators reach every outcome.
    expect(stats.runs).toBeGreaterThanOrEqual(RUNS);
    expect(stats.refusedFile).toBeGreaterThan(0);
    expect(stats.refusedRoles).toBeGreaterThan(0);
    expect(stats.trained).toBeGreaterThan(RUNS / 10);
    expect(stats.alerts).toBeGreaterThan(0);
  }, 240_000);
});
