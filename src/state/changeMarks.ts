/**
 * Turns acknowledged live changes into the markers drawn on the curves: "location → 0",
 * "weather off", "Weighting: Uncertainty", "Learning rate 0.01", at the step they took effect.
 * Acknowledgements of one drag (a few steps apart) merge into one marker.
 */
import { dotList, message, type Message } from '../core/messages/message.ts';
import type { TaskSpec } from '../core/types.ts';
import type { WeightingStrategy } from '../core/weighting/strategies.ts';
import type { RunPatch } from '../worker/protocol.ts';
import type { ChangeMark } from './store.ts';

/** Changes of one kind this few steps apart are one gesture. */
export const MERGE_STEPS = 10;

// Weights and rates are short numbers with a point in both languages the page speaks.
const num = new Intl.NumberFormat('en', { maximumSignificantDigits: 3 });

const STRATEGY_MARK: Record<WeightingStrategy, string> = {
  manual: 'messages.marks.strategies.manual',
  equal: 'messages.marks.strategies.equal',
  uncertainty: 'messages.marks.strategies.uncertainty',
  dwa: 'messages.marks.strategies.dwa',
  gradnorm: 'messages.marks.strategies.gradnorm',
  pcgrad: 'messages.marks.strategies.pcgrad',
};

interface Weights {
  weights: number[];
  enabled: boolean[];
}

/** The marks after an acknowledgement at `step`; `before` = the weights in force until then. */
export function addChangeMarks(
  marks: ChangeMark[],
  step: number,
  patch: RunPatch,
  before: Weights,
  tasks: TaskSpec[],
): ChangeMark[] {
  let out = marks;
  if (patch.weights || patch.enabled) {
    const after = { weights: patch.weights ?? before.weights, enabled: patch.enabled ?? before.enabled };
    out = addMark(out, step, 'weights', (previous) => {
      const from = previous?.before ?? before;
      const label = describeWeights(from, after, tasks);
      return label ? { step, kind: 'weights', label, before: from } : null;
    });
  }
  if (patch.weighting) {
    const label = message('messages.marks.weighting', { strategy: message(STRATEGY_MARK[patch.weighting.strategy]) });
    out = addMark(out, step, 'weighting', () => ({ step, kind: 'weighting', label }));
  }
  if (patch.learningRate !== undefined) {
    const label = message('messages.marks.learningRate', { rate: num.format(patch.learningRate) });
    out = addMark(out, step, 'learningRate', () => ({ step, kind: 'learningRate', label }));
  }
  return out;
}

/** Appends a mark, or replaces the last one when it is of the same kind and only a few steps older. */
function addMark(
  marks: ChangeMark[],
  step: number,
  kind: ChangeMark['kind'],
  make: (merging: ChangeMark | null) => ChangeMark | null,
): ChangeMark[] {
  const last = marks[marks.length - 1];
  if (last && last.kind === kind && step - last.step <= MERGE_STEPS) {
    const merged = make(last);
    const rest = marks.slice(0, -1);
    return merged ? [...rest, merged] : rest;
  }
  const mark = make(null);
  return mark ? [...marks, mark] : marks;
}

/** "a → 2 · b off": what differs between two weight settings; empty when nothing does. */
function describeWeights(from: Weights, to: Weights, tasks: TaskSpec[]): Message | null {
  const parts: Message[] = [];
  tasks.forEach((t, k) => {
    const wasOn = from.enabled[k] ?? true;
    const isOn = to.enabled[k] ?? true;
    if (wasOn !== isOn)
      parts.push(message(isOn ? 'messages.marks.taskOn' : 'messages.marks.taskOff', { task: t.name }));
    else if (isOn && Math.abs((from.weights[k] ?? 1) - (to.weights[k] ?? 1)) > 1e-9)
      parts.push(message('messages.marks.weightTo', { task: t.name, weight: num.format(to.weights[k] ?? 1) }));
  });
  return parts.length > 0 ? dotList(parts) : null;
}
