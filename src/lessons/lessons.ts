/**
 * The guided lessons, each a preset and a few checks on what the person's runs show. Every claim
 * is measured on its preset with its seed (src/lessons/lessons.test.ts rehearses each lesson in
 * Node; e2e/lessons.spec.ts plays it in the page); the figures are in the README's lesson table.
 */
import { message } from '../core/messages/message.ts';
import { DEFAULT_WEIGHTING } from '../core/weighting/strategies.ts';
import { NOT_YET, type CheckOutcome, type Lesson } from './lesson.ts';
import { atThreshold, bestValidation, percent, shareOfTotal, taskIndex, two, validationTotal } from './measures.ts';
import type { RunRecord } from './runRecord.ts';

/** The latest run that fits, or undefined. */
const latest = (runs: readonly RunRecord[], fits: (r: RunRecord) => boolean) => [...runs].reverse().find(fits);

const plainSharing = (r: RunRecord) => r.experts === 1 && r.weighting !== 'pcgrad';

const relatedTasks: Lesson = {
  id: 'relatedTasks',
  titleKey: 'lessons.relatedTasks.title',
  goalKey: 'lessons.relatedTasks.goal',
  lookAtKey: 'lessons.relatedTasks.lookAt',
  terms: ['trunk', 'baseline', 'deltaM'],
  preset: {
    sampleId: 'correlated',
    correlation: 0.9,
    settings: { runUntilPaused: false, epochs: 8, earlyStopping: { enabled: false, monitor: 'total', patience: 5 } },
  },
  steps: [
    {
      id: 'baselines',
      tryKey: 'lessons.relatedTasks.steps.baselines.try',
      check: ({ runs }) => {
        const r = latest(runs, (x) => x.sampleId === 'correlated' && x.correlation >= 0.7 && x.deltaM !== null);
        if (!r || r.deltaM === null) return NOT_YET;
        const params = { deltaM: percent(r.deltaM), correlation: r.correlation };
        return r.deltaM > 0
          ? { done: true, detail: message('lessons.relatedTasks.steps.baselines.seen', params) }
          : { done: false, detail: message('lessons.relatedTasks.steps.baselines.notSeen', params) };
      },
    },
    {
      id: 'unrelated',
      tryKey: 'lessons.relatedTasks.steps.unrelated.try',
      check: ({ runs }) => {
        const high = latest(runs, (x) => x.sampleId === 'correlated' && x.correlation >= 0.7 && x.deltaM !== null);
        const low = latest(runs, (x) => x.sampleId === 'correlated' && x.correlation <= 0.3 && x.deltaM !== null);
        if (!high || !low || high.deltaM === null || low.deltaM === null) return NOT_YET;
        const params = {
          high: percent(high.deltaM),
          low: percent(low.deltaM),
          highCorrelation: high.correlation,
          lowCorrelation: low.correlation,
        };
        return low.deltaM < high.deltaM
          ? { done: true, detail: message('lessons.relatedTasks.steps.unrelated.seen', params) }
          : { done: false, detail: message('lessons.relatedTasks.steps.unrelated.notSeen', params) };
      },
    },
  ],
};

const conflict: Lesson = {
  id: 'conflict',
  titleKey: 'lessons.conflict.title',
  goalKey: 'lessons.conflict.goal',
  lookAtKey: 'lessons.conflict.lookAt',
  terms: ['gradientConflict', 'pcgrad', 'mmoe'],
  preset: {
    sampleId: 'correlated',
    correlation: -0.9,
    settings: { runUntilPaused: false, epochs: 8, earlyStopping: { enabled: false, monitor: 'total', patience: 5 } },
  },
  steps: [
    {
      id: 'seeConflict',
      tryKey: 'lessons.conflict.steps.seeConflict.try',
      check: ({ runs }) => {
        let worst: { cosine: number; epoch: number } | null = null;
        for (const r of runs.filter(plainSharing))
          for (const e of r.epochs) {
            const c = e.gradientCosine[0]?.[1];
            if (c !== undefined && Number.isFinite(c) && (!worst || c < worst.cosine))
              worst = { cosine: c, epoch: e.epoch };
          }
        if (!worst) return NOT_YET;
        const params = { cosine: two(worst.cosine), epoch: worst.epoch };
        return worst.cosine < 0
          ? { done: true, detail: message('lessons.conflict.steps.seeConflict.seen', params) }
          : { done: false, detail: message('lessons.conflict.steps.seeConflict.notSeen', params) };
      },
    },
    {
      id: 'tryFix',
      tryKey: 'lessons.conflict.steps.tryFix.try',
      check: ({ runs }) => {
        const plain = latest(runs, (x) => plainSharing(x) && x.epochs.length > 0);
        const fixed = latest(runs, (x) => !plainSharing(x) && x.epochs.length >= 3);
        if (!plain || !fixed) return NOT_YET;
        const last = (r: RunRecord) =>
          validationTotal(r.epochs[r.epochs.length - 1] as NonNullable<RunRecord['epochs'][0]>);
        const params = {
          method: fixed.weighting === 'pcgrad' ? 'PCGrad' : `MMoE (${fixed.experts})`,
          plain: two(last(plain)),
          fixed: two(last(fixed)),
        };
        return last(fixed) < last(plain)
          ? { done: true, detail: message('lessons.conflict.steps.tryFix.seen', params) }
          : { done: false, detail: message('lessons.conflict.steps.tryFix.notSeen', params) };
      },
    },
  ],
};

const lossScales: Lesson = {
  id: 'lossScales',
  titleKey: 'lessons.lossScales.title',
  goalKey: 'lessons.lossScales.goal',
  lookAtKey: 'lessons.lossScales.lookAt',
  terms: ['loss', 'lossWeight', 'uncertainty'],
  preset: {
    sampleId: 'weather',
    settings: {
      standardizeTargets: false,
      runUntilPaused: false,
      epochs: 15,
      weighting: DEFAULT_WEIGHTING,
      earlyStopping: { enabled: false, monitor: 'total', patience: 5 },
    },
  },
  steps: [
    {
      id: 'seeDomination',
      tryKey: 'lessons.lossScales.steps.seeDomination.try',
      check: ({ runs }) => {
        const r = latest(runs, (x) => !x.standardizeTargets && x.epochs.length > 0 && taskIndex(x, 'temp_max') >= 0);
        const first = r?.epochs[0];
        if (!r || !first) return NOT_YET;
        const share = shareOfTotal(first, taskIndex(r, 'temp_max'));
        const params = { share: percent(share) };
        return share >= 0.8
          ? { done: true, detail: message('lessons.lossScales.steps.seeDomination.seen', params) }
          : { done: false, detail: message('lessons.lossScales.steps.seeDomination.notSeen', params) };
      },
    },
    {
      id: 'uncertainty',
      tryKey: 'lessons.lossScales.steps.uncertainty.try',
      check: ({ runs }) => {
        for (const r of [...runs].reverse()) {
          const k = taskIndex(r, 'temp_max');
          const e = [...r.epochs].reverse().find((x) => x.weights.length > 0 && r.weighting === 'uncertainty');
          if (k < 0 || !e || r.standardizeTargets) continue;
          const others = e.weights.filter((_, i) => i !== k);
          const params = { weight: two(e.weights[k] as number), others: two(Math.min(...others)) };
          return (e.weights[k] as number) < Math.min(...others)
            ? { done: true, detail: message('lessons.lossScales.steps.uncertainty.seen', params) }
            : { done: false, detail: message('lessons.lossScales.steps.uncertainty.notSeen', params) };
        }
        return NOT_YET;
      },
    },
  ],
};

const imbalance: Lesson = {
  id: 'imbalance',
  titleKey: 'lessons.imbalance.title',
  goalKey: 'lessons.imbalance.goal',
  lookAtKey: 'lessons.imbalance.lookAt',
  terms: ['imbalance', 'threshold', 'classWeight', 'precisionRecall'],
  preset: {
    sampleId: 'ecommerce',
    roles: { purchased: 'ignore', spend: 'ignore' },
    settings: { runUntilPaused: false, epochs: 3, earlyStopping: { enabled: false, monitor: 'total', patience: 5 } },
  },
  steps: [
    {
      id: 'threshold',
      tryKey: 'lessons.imbalance.steps.threshold.try',
      check: ({ runs }) => {
        const r = latest(runs, (x) => taskIndex(x, 'clicked') >= 0 && (x.thresholds.clicked ?? 0.5) < 0.5);
        if (!r) return NOT_YET;
        const k = taskIndex(r, 'clicked');
        const t = r.thresholds.clicked as number;
        const at05 = atThreshold(r, k, 0.5);
        const atT = atThreshold(r, k, t);
        if (!Number.isFinite(atT.recall)) return NOT_YET;
        const params = {
          threshold: t,
          recall05: two(at05.recall),
          recall: two(atT.recall),
          precision05: two(at05.precision),
          precision: two(atT.precision),
        };
        return atT.recall > at05.recall
          ? { done: true, detail: message('lessons.imbalance.steps.threshold.seen', params) }
          : { done: false, detail: message('lessons.imbalance.steps.threshold.notSeen', params) };
      },
    },
    {
      id: 'classWeights',
      tryKey: 'lessons.imbalance.steps.classWeights.try',
      check: ({ runs }) => {
        const recall = (r: RunRecord) => r.epochs[r.epochs.length - 1]?.val[taskIndex(r, 'clicked')]?.recall ?? NaN;
        const plain = latest(runs, (x) => !x.balanced.includes('clicked') && Number.isFinite(recall(x)));
        const balanced = latest(runs, (x) => x.balanced.includes('clicked') && Number.isFinite(recall(x)));
        if (!plain || !balanced) return NOT_YET;
        const params = { plain: two(recall(plain)), balanced: two(recall(balanced)) };
        return recall(balanced) > recall(plain)
          ? { done: true, detail: message('lessons.imbalance.steps.classWeights.seen', params) }
          : { done: false, detail: message('lessons.imbalance.steps.classWeights.notSeen', params) };
      },
    },
  ],
};

const overfitting: Lesson = {
  id: 'overfitting',
  titleKey: 'lessons.overfitting.title',
  goalKey: 'lessons.overfitting.goal',
  lookAtKey: 'lessons.overfitting.lookAt',
  terms: ['overfitting', 'validation', 'earlyStopping'],
  preset: {
    // 10,000 rows with 100 inputs, of which only 20 % train: a 3×256 trunk learns them by heart.
    sampleId: 'correlated',
    correlation: 0.9,
    settings: {
      runUntilPaused: false,
      epochs: 40,
      validationPercent: 40,
      testPercent: 40,
      trunk: [
        { units: 256, activation: 'relu', dropout: 0 },
        { units: 256, activation: 'relu', dropout: 0 },
        { units: 256, activation: 'relu', dropout: 0 },
      ],
      earlyStopping: { enabled: false, monitor: 'total', patience: 3 },
    },
  },
  steps: [
    {
      id: 'seeOverfit',
      tryKey: 'lessons.overfitting.steps.seeOverfit.try',
      check: ({ runs }) => {
        const r = latest(runs, (x) => !x.earlyStopping && x.epochs.length >= 10);
        const best = r && bestValidation(r);
        const last = r?.epochs[r.epochs.length - 1];
        if (!r || !best || !last) return NOT_YET;
        const validation = validationTotal(last);
        const training = last.trainLoss.reduce((a, b) => a + b, 0);
        const params = {
          epoch: last.epoch,
          training: two(training),
          validation: two(validation),
          ratio: Math.round(validation / training),
          best: best.epoch,
        };
        // Over-fitting: the validation loss many times the training loss (the rows learned by heart).
        return validation >= 3 * training
          ? { done: true, detail: message('lessons.overfitting.steps.seeOverfit.seen', params) }
          : { done: false, detail: message('lessons.overfitting.steps.seeOverfit.notSeen', params) };
      },
    },
    {
      id: 'earlyStop',
      tryKey: 'lessons.overfitting.steps.earlyStop.try',
      check: ({ runs }) => {
        const r = latest(runs, (x) => x.earlyStopping && x.stoppedEarly);
        const last = r?.epochs[r.epochs.length - 1];
        if (!r || !last) return NOT_YET;
        return {
          done: true,
          detail: message('lessons.overfitting.steps.earlyStop.seen', {
            epoch: last.epoch,
            best: last.bestEpoch ?? last.epoch,
          }),
        };
      },
    },
  ],
};

const singleVsMulti: Lesson = {
  id: 'singleVsMulti',
  titleKey: 'lessons.singleVsMulti.title',
  goalKey: 'lessons.singleVsMulti.goal',
  lookAtKey: 'lessons.singleVsMulti.lookAt',
  terms: ['baseline', 'deltaM', 'multiTask'],
  preset: {
    sampleId: 'weather',
    settings: { runUntilPaused: false, epochs: 10 },
  },
  steps: [
    {
      id: 'baselines',
      tryKey: 'lessons.singleVsMulti.steps.baselines.try',
      check: ({ runs }) => {
        const r = latest(runs, (x) => x.deltaM !== null && x.gains !== null);
        if (!r || r.deltaM === null || !r.gains) return NOT_YET;
        const best = r.gains.indexOf(Math.max(...r.gains.filter(Number.isFinite)));
        const worst = r.gains.indexOf(Math.min(...r.gains.filter(Number.isFinite)));
        return {
          done: true,
          detail: message(
            r.deltaM >= 0
              ? 'lessons.singleVsMulti.steps.baselines.helped'
              : 'lessons.singleVsMulti.steps.baselines.hurt',
            {
              deltaM: percent(r.deltaM),
              best: r.tasks[best]?.name ?? '',
              bestGain: percent(r.gains[best] ?? NaN),
              worst: r.tasks[worst]?.name ?? '',
              worstGain: percent(r.gains[worst] ?? NaN),
            },
          ),
        };
      },
    },
    {
      id: 'another',
      tryKey: 'lessons.singleVsMulti.steps.another.try',
      check: ({ runs }) => {
        const measured = runs.filter((x) => x.deltaM !== null);
        const a = measured[measured.length - 2];
        const b = measured[measured.length - 1];
        if (!a || !b || a.deltaM === null || b.deltaM === null) return NOT_YET;
        return {
          done: true,
          detail: message('lessons.singleVsMulti.steps.another.seen', {
            before: percent(a.deltaM),
            after: percent(b.deltaM),
          }),
        };
      },
    },
  ],
};

export const LESSONS: readonly Lesson[] = [relatedTasks, conflict, lossScales, imbalance, overfitting, singleVsMulti];

export function lessonById(id: string | null | undefined): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** Each step's outcome for the runs so far. */
export function checkLesson(lesson: Lesson, context: Parameters<Lesson['steps'][0]['check']>[0]): CheckOutcome[] {
  return lesson.steps.map((s) => s.check(context));
}
