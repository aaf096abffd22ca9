/**
 * The step's fixed dispatch list, in order: the forward pass layer by layer, the losses, the
 * backward pass (each head's output and hidden layers, then the trunk from its last layer down),
 * the gradient norm when clipping, the clip scale / strategy step, and the optimiser pass.
 */
import { forwardShader, deltaShader, weightGradShader } from './layerShaders.ts';
import { lossShader } from './lossShader.ts';
import { finalizeShader, normShader, optimizerShader } from './optimizerShaders.ts';
import type { ShaderProgram } from './shaderBindings.ts';
import type { LayerSlots, StepLayout } from './stepLayout.ts';

export interface StepDispatch {
  program: ShaderProgram;
  /** 'uncertainty': only on steps that weight by Uncertainty (unless clipping, which always needs it). */
  when: 'always' | 'uncertainty';
}

export function stepProgram(layout: StepLayout): StepDispatch[] {
  const always = (program: ShaderProgram): StepDispatch => ({ program, when: 'always' });
  const list: StepDispatch[] = layout.layers.map((s) => always(forwardShader(layout, s)));
  list.push(always(lossShader(layout)));
  const backward = (s: LayerSlots) => {
    if (!s.output) list.push(always(deltaShader(layout, s)));
    list.push(always(weightGradShader(layout, s)));
  };
  const trunk = layout.layers.filter((s) => s.trunkIndex >= 0);
  const heads = layout.layers.filter((s) => s.trunkIndex < 0);
  // A head's layers come output last in the list: walk each head backwards, then the trunk.
  [...heads].reverse().forEach(backward);
  [...trunk].reverse().forEach(backward);
  const clip = layout.plan.clipNorm > 0;
  if (clip) list.push(always(normShader(layout)));
  list.push({ program: finalizeShader(layout), when: clip ? 'always' : 'uncertainty' });
  list.push(always(optimizerShader(layout)));
  return list;
}
