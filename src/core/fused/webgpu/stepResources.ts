/**
 * Everything a step runs on, made once when the engine is created: the buffers (parameters,
 * gradients, optimiser slots, the resident training split, batch rows, work space, the small
 * misc buffer, the step uniform, the loss ring) and, per dispatch of the step program, its
 * pipeline and bind group. Creation fails with a reason when a shader does not compile or the
 * device runs out of memory.
 */
/// <reference types="@webgpu/types" />
import type { FusedTrainingData } from '../fusedEngine.ts';
import { GpuBuffers } from './gpuBuffers.ts';
import { LossRing } from './lossRing.ts';
import { bindingNumber, type BufferName, type ShaderProgram } from './shaderBindings.ts';
import { packTrainingData, type StepLayout } from './stepLayout.ts';
import { stepProgram, type StepDispatch } from './stepProgram.ts';

export interface ReadyDispatch {
  when: StepDispatch['when'];
  label: string;
  pipeline: GPUComputePipeline;
  bindGroup: GPUBindGroup;
  workgroups: [number, number];
}

export interface StepResources {
  buffers: GpuBuffers;
  byName: Record<Exclude<BufferName, 'ring'>, GPUBuffer>;
  ring: LossRing;
  dispatches: ReadyDispatch[];
}

/** The buffers of a layout, the split uploaded. */
function createBuffers(device: GPUDevice, layout: StepLayout, data: FusedTrainingData, ringSlots: number) {
  const buffers = new GpuBuffers(device);
  const P = layout.plan.parameterCount;
  const byName = {
    step: buffers.create('step uniform', layout.uniformBytes, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST),
    params: buffers.storage('parameters', P),
    grads: buffers.storage('gradients', layout.gradFloats),
    work: buffers.storage('activations and deltas', layout.workFloats),
    data: buffers.storage('training split', layout.dataFloats),
    batch: buffers.storage('batch rows', layout.plan.batchSize),
    slots: buffers.storage('optimizer slots', Math.max(1, layout.slots * P)),
    misc: buffers.storage('strategy and clipping', layout.miscFloats),
  };
  device.queue.writeBuffer(byName.data, 0, packTrainingData(layout, data));
  const ring = new LossRing(device, buffers, layout.lossStride, ringSlots);
  return { buffers, byName, ring };
}

/** A pipeline for a program, with a reason that names the shader when it does not compile. */
async function createPipeline(device: GPUDevice, program: ShaderProgram, layout: GPUBindGroupLayout) {
  const module = device.createShaderModule({ label: program.label, code: program.code });
  try {
    return await device.createComputePipelineAsync({
      label: program.label,
      layout: device.createPipelineLayout({ bindGroupLayouts: [layout] }),
      compute: { module, entryPoint: 'main' },
    });
  } catch (e) {
    const info = await module.getCompilationInfo();
    const errors = info.messages
      .filter((m) => m.type === 'error')
      .map((m) => `${m.lineNum}:${m.linePos} ${m.message}`)
      .join('; ');
    throw new Error(`the WebGPU shader "${program.label}" did not compile: ${errors || String(e)}`, { cause: e });
  }
}

export async function createStepResources(
  device: GPUDevice,
  layout: StepLayout,
  data: FusedTrainingData,
  ringSlots: number,
): Promise<StepResources> {
  device.pushErrorScope('out-of-memory');
  device.pushErrorScope('validation');
  let made: ReturnType<typeof createBuffers> | null = null;
  let failure: unknown = null;
  let dispatches: ReadyDispatch[] = [];
  try {
    made = createBuffers(device, layout, data, ringSlots);
    const resources = { ...made.byName, ring: made.ring.buffer };
    dispatches = await Promise.all(
      stepProgram(layout).map(async ({ program, when }) => {
        const bindGroupLayout = device.createBindGroupLayout({
          label: program.label,
          entries: program.bindings.map((b) => ({
            binding: bindingNumber(b.name),
            visibility: GPUShaderStage.COMPUTE,
            buffer: { type: b.name === 'step' ? 'uniform' : b.access === 'read' ? 'read-only-storage' : 'storage' },
          })),
        });
        const pipeline = await createPipeline(device, program, bindGroupLayout);
        const bindGroup = device.createBindGroup({
          label: program.label,
          layout: bindGroupLayout,
          entries: program.bindings.map((b) => ({
            binding: bindingNumber(b.name),
            resource: { buffer: resources[b.name] },
          })),
        });
        return { when, label: program.label, pipeline, bindGroup, workgroups: program.workgroups };
      }),
    );
  } catch (e) {
    failure = e;
  }
  const validation = await device.popErrorScope();
  const memory = await device.popErrorScope();
  const reason = memory
    ? `the GPU ran out of memory for this network and training split (${memory.message})`
    : validation
      ? `WebGPU rejected the engine's setup: ${validation.message}`
      : failure
        ? failure instanceof Error
          ? failure.message
          : String(failure)
        : null;
  if (reason || !made) {
    made?.buffers.destroyAll();
    throw new Error(reason ?? 'the engine was not created');
  }
  return { ...made, dispatches };
}
