/** The trained model as TensorFlow.js layers-format artifacts, with what is needed to use it. */
import * as tf from '@tensorflow/tfjs';
import { message } from '../core/messages/message.ts';
import { MessageError } from '../core/messages/messageError.ts';
import type { MultiTaskTrainer } from '../core/train/multiTaskTrainer.ts';

export interface ExportedModel {
  /** model.json: topology, the weights manifest (pointing at weights.bin) and the metadata. */
  modelJson: string;
  /** weights.bin. */
  weights: ArrayBuffer;
}

/** Saves the trainer's model in memory: tasks, feature names, embeddings and target scales in its metadata. */
export async function exportModel(trainer: MultiTaskTrainer): Promise<ExportedModel> {
  trainer.model.setUserDefinedMetadata({
    tasks: trainer.tasks.map((t, k) => ({ ...t, targetScale: trainer.data.targetScales[k] ?? null })),
    featureNames: trainer.data.featureNames,
    embeddings: trainer.data.embeddings,
    epochs: trainer.epochsCompleted,
  });
  let exported: ExportedModel | null = null;
  await trainer.model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = Array.isArray(artifacts.weightData)
        ? tf.io.concatenateArrayBuffers(artifacts.weightData)
        : (artifacts.weightData ?? new ArrayBuffer(0));
      const modelJson = JSON.stringify({
        modelTopology: artifacts.modelTopology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy ?? null,
        userDefinedMetadata: artifacts.userDefinedMetadata,
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
      });
      exported = { modelJson, weights };
      return {
        modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: weights.byteLength },
      };
    }),
  );
  if (!exported)
    throw new MessageError(message('messages.worker.unexpected', { detail: message('messages.worker.exportFailed') }));
  return exported;
}
