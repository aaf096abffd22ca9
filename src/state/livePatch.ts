import type { RunInfo, RunPatch } from '../worker/protocol.ts';
import type { TrainSettings } from './store.ts';

/** The live part of a settings patch, in the worker's terms (task indices). */
export function livePatch(patch: Partial<TrainSettings>, run: RunInfo): RunPatch {
  const out: RunPatch = {};
  if (patch.learningRate !== undefined) out.learningRate = patch.learningRate;
  if (patch.maxStepsPerSecond !== undefined) out.maxStepsPerSecond = patch.maxStepsPerSecond;
  if (patch.weighting) out.weighting = patch.weighting;
  if (patch.earlyStopping) {
    const k = run.tasks.findIndex((t) => t.name === patch.earlyStopping?.monitor);
    out.earlyStopping = { ...patch.earlyStopping, monitor: k >= 0 ? k : 'total' };
  }
  return out;
}
