/**
 * Dynamic Weight Average (Liu, Johns & Davison, CVPR 2019, eq. 1):
 *   r_k(t−1) = L_k(t−1) / L_k(t−2),   λ_k(t) = K · exp(r_k(t−1)/T) / Σ_i exp(r_i(t−1)/T)
 * with L the mean training loss of an epoch. The first two epochs use λ_k = 1.
 */
import { AssignedWeights } from './assignedWeights.ts';

/** The weights λ(t) from the epoch losses so far (oldest first), 0 for a task that is off. */
export function dwaWeights(
  epochLosses: readonly (readonly number[])[],
  numTasks: number,
  temperature: number,
  enabled: readonly boolean[] = [],
): number[] {
  const on = Array.from({ length: numTasks }, (_, k) => enabled[k] ?? true);
  const count = on.filter(Boolean).length;
  if (epochLosses.length < 2 || count === 0) return on.map((o) => (o ? 1 : 0));
  const last = epochLosses[epochLosses.length - 1] as readonly number[];
  const before = epochLosses[epochLosses.length - 2] as readonly number[];
  const ratios = on.map((o, k) => (o ? (last[k] as number) / Math.max(before[k] as number, 1e-12) : 0));
  if (ratios.some((r) => !Number.isFinite(r))) return on.map((o) => (o ? 1 : 0));
  const maxRatio = Math.max(...ratios.filter((_, k) => on[k]));
  const exps = ratios.map((r, k) => (on[k] ? Math.exp((r - maxRatio) / temperature) : 0)); // shifted for stability
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => (count * e) / sum);
}

/** DWA as a strategy: its weights change once per epoch, from the run's epoch losses. */
export class DwaWeighting extends AssignedWeights {
  readonly setsOwnWeights = true;

  protected plainWeights(): number[] {
    const { kinds, epochLosses } = this.context;
    return dwaWeights(epochLosses, kinds.length, this.config.dwaTemperature, this.settings.enabled);
  }

  onEpochEnd(): void {
    this.refresh();
  }
}
