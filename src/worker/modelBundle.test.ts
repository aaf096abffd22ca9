import { describe, expect, it } from 'vitest';
import { readModelBundle } from '../core/bundle/modelBundle.ts';
import { thrownInEnglish } from '../i18n/inEnglish.ts';
import { config, setup } from './sessionHarness.ts';

/** A real bundle of a trained toy run, as JSON. */
async function exported(): Promise<Record<string, unknown>> {
  const { session, of, load, train } = setup();
  await load();
  await train({ ...config, epochs: 1 });
  await session.handle({ type: 'exportModel', requestId: 1 });
  await session.handle({ type: 'reset' });
  return JSON.parse(of('modelExported')[0]?.bundle ?? '{}') as Record<string, unknown>;
}

describe('reading a model bundle', () => {
  it('reads the bundle Export model writes, and refuses damaged or foreign ones with a sentence each', async () => {
    const good = await exported();
    expect(readModelBundle(JSON.stringify(good)).bundle.preprocessing.tasks).toHaveLength(3);
    const refused = (value: unknown) =>
      thrownInEnglish(() => readModelBundle(typeof value === 'string' ? value : JSON.stringify(value)));
    expect(refused('{"format":')).toMatch(/not JSON/);
    expect(refused({ hello: 1 })).toMatch(/not a model bundle/);
    expect(refused({ ...good, version: 99 })).toMatch(/newer version .*format 99/);
    const weights = good.weightData as string;
    expect(refused({ ...good, weightData: weights.slice(0, 40) })).toMatch(/damaged or cut short/);
    expect(refused({ ...good, weightData: '<img src=x onerror=alert(1)>' })).toMatch(/no readable weights/);
    const pre = good.preprocessing as { inputs: Record<string, unknown>[]; featureNames: string[] };
    expect(refused({ ...good, preprocessing: { ...pre, featureNames: pre.featureNames.slice(1) } })).toMatch(
      /does not match/,
    );
    const badRule = { ...pre, inputs: [{ ...pre.inputs[0], std: 'x' }, ...pre.inputs.slice(1)] };
    expect(refused({ ...good, preprocessing: badRule })).toMatch(/preprocessing .* not readable/);
    expect(refused({ ...good, model: { modelTopology: {}, weightsManifest: 'x' } })).toMatch(/no readable network/);
  });
});
