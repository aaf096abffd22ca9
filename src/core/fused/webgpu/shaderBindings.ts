/**
 * The engine's buffers as the shaders see them: one binding number per buffer, the step's uniform
 * struct, and the declarations a shader needs for the buffers it names (each shader binds only
 * those, under its own bind group layout).
 */
import type { StepLayout } from './stepLayout.ts';
import { u32 } from './wgslCommon.ts';

export type BufferName = 'step' | 'params' | 'grads' | 'work' | 'data' | 'batch' | 'slots' | 'misc' | 'ring';

export interface Binding {
  name: BufferName;
  access: 'read' | 'read_write';
}

const BINDING: Record<BufferName, number> = {
  step: 0,
  params: 1,
  grads: 2,
  work: 3,
  data: 4,
  batch: 5,
  slots: 6,
  misc: 7,
  ring: 8,
};

/** A compiled step shader's source, what it binds and how many workgroups it runs. */
export interface ShaderProgram {
  label: string;
  code: string;
  bindings: Binding[];
  workgroups: [number, number];
}

export function bindingNumber(name: BufferName): number {
  return BINDING[name];
}

/** WGSL for the step uniform and the given storage buffers, plus the plan's seed. */
export function declarations(layout: StepLayout, bindings: readonly Binding[]): string {
  const lines = [
    `struct Step {
  step: u32, rows: u32, slot: u32, uncertainty: u32,
  lr: f32, strategyLr: f32, strategyAcc1: f32, strategyAcc2: f32,
  weights: array<vec4<f32>, ${layout.weightVec4s}>,
  parts: array<vec4<f32>, ${layout.tasks + 1}>,
}`,
    `const SEED: u32 = ${u32(layout.plan.seed)};`,
  ];
  for (const b of bindings) {
    const at = `@group(0) @binding(${BINDING[b.name]})`;
    if (b.name === 'step') lines.push(`${at} var<uniform> step: Step;`);
    else {
      const type = b.name === 'batch' ? 'u32' : 'f32';
      lines.push(`${at} var<storage, ${b.access}> ${b.name}: array<${type}>;`);
    }
  }
  return lines.join('\n');
}

/** WGSL expression for task k's weight in the step uniform. */
export function taskWeightWgsl(k: number): string {
  return `step.weights[${Math.floor(k / 4)}u][${k % 4}u]`;
}

export const STEP_UNIFORM: Binding = { name: 'step', access: 'read' };
