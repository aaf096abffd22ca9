/** Seeded randomness, so the same seed gives the same split and the same shuffles. */

/** A seeded source of floats in [0, 1) whose position can be saved and put back (a reopened run draws on). */
export interface SeededRng {
  (): number;
  /** The generator's whole state (one 32-bit integer). */
  state(): number;
  restore(state: number): void;
}

/** mulberry32: a small, fast 32-bit PRNG. */
export function createRng(seed: number): SeededRng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Object.assign(next, {
    state: () => a,
    restore: (state: number) => {
      a = state >>> 0;
    },
  });
}

/** Fisher–Yates shuffle in place; returns the same array. */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(arr: T, rng: () => number): T {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = arr[i];
    arr[i] = arr[j];
    arr[j] = tmp;
  }
  return arr;
}
