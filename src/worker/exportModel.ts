/** The trained model as a model bundle (src/core/bundle/modelBundle.ts): one JSON file to use it anywhere. */
import * as tf from '@tensorflow/tfjs';
import { bytesToBase64 } from '../core/bundle/base64.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type ModelBundle, type WeightSpec } from '../core/bundle/modelBundle.ts';
import type { Preprocessing } from '../core/data/preprocessing.ts';
import { message } from '../core/messages/message.ts';
import { MessageError } from '../core/messages/messageError.ts';

export interface BundleSource {
  model: tf.LayersModel;
  preprocessing: Preprocessing;
  dataset: { name: string; rows: number };
  epochs: number;
}

/** The bundle's JSON text: TF.js's own artifacts (through a save handler, so nothing is written anywhere) plus the preprocessing. */
export async function exportBundle(source: BundleSource): Promise<string> {
  let text: string | null = null;
  await source.model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = Array.isArray(artifacts.weightData)
        ? tf.io.concatenateArrayBuffers(artifacts.weightData)
        : (artifacts.weightData ?? new ArrayBuffer(0));
      const bundle: ModelBundle = {
        format: BUNDLE_FORMAT,
        version: BUNDLE_VERSION,
        createdAt: new Date().toISOString(),
        dataset: source.dataset,
        epochs: source.epochs,
        preprocessing: source.preprocessing,
        model: {
          modelTopology: artifacts.modelTopology,
          format: artifacts.format ?? 'layers-model',
          generatedBy: artifacts.generatedBy ?? '',
          convertedBy: artifacts.convertedBy ?? null,
          weightsManifest: [{ paths: ['weights.bin'], weights: (artifacts.weightSpecs ?? []) as WeightSpec[] }],
        },
        weightData: bytesToBase64(new Uint8Array(weights)),
      };
      text = JSON.stringify(bundle);
      return {
        modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: weights.byteLength },
      };
    }),
  );
  if (text === null)
    throw new MessageError(message('messages.worker.unexpected', { detail: message('messages.worker.exportFailed') }));
  return text;
}
