/** Learning-rate schedules: the rate to use at a given optimiser step. */

export type ScheduleKind = 'constant' | 'step' | 'exponential' | 'cosine';

export interface LearningRateSchedule {
  kind: ScheduleKind;
  /** step decay: multiply by `factor` every `everyEpochs` epochs. */
  everyEpochs: number;
  factor: number;
  /** exponential decay: multiply by `decayRate` per epoch (continuously, per step). */
  decayRate: number;
  /** cosine: linear warm-up over `warmupEpochs`, then cosine down to `minFraction` of the base rate by `totalEpochs`. */
  warmupEpochs: number;
  totalEpochs: number;
  minFraction: number;
}

export const DEFAULT_SCHEDULE: LearningRateSchedule = {
  kind: 'constant',
  everyEpochs: 10,
  factor: 0.5,
  decayRate: 0.95,
  warmupEpochs: 1,
  totalEpochs: 20,
  minFraction: 0,
};

/** The learning rate at 0-based `step`, given the base rate and the steps in an epoch. */
export function learningRateAt(
  base: number,
  schedule: LearningRateSchedule,
  step: number,
  stepsPerEpoch: number,
): number {
  const epoch = step / Math.max(stepsPerEpoch, 1); // fractional epochs done
  switch (schedule.kind) {
    case 'constant':
      return base;
    case 'step':
      return base * Math.pow(schedule.factor, Math.floor(epoch / Math.max(schedule.everyEpochs, 1e-9)));
    case 'exponential':
      return base * Math.pow(schedule.decayRate, epoch);
    case 'cosine': {
      const warm = Math.max(schedule.warmupEpochs, 0);
      if (epoch < warm) return (base * (step + 1)) / Math.max(warm * stepsPerEpoch, 1);
      const span = Math.max(schedule.totalEpochs - warm, 1e-9);
      const progress = Math.min((epoch - warm) / span, 1);
      const min = base * schedule.minFraction;
      return min + (base - min) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
  }
}
