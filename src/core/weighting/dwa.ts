/**
 * Dynamic Weight Average (Liu, Johns & Davison, CVPR 2019, eq. 1):
 *   r_k(t−1) = L_k(t−1) / L_k(t−2),   λ_k(t) = K · exp(r_k(t−1)/T) / Σ_i exp(r_i(t−1)/T)
 * with L the mean training loss of an epoch. The first two epochs use λ_k = 1.
 */
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
