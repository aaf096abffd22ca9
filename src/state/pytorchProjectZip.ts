/**
 * The PyTorch project as one zip (docs/pytorch-project.md): the template's files, the run's JSON
 * files from the worker and the run's `Export metrics` as `browser-metrics.csv`, all at the root.
 * Loaded only when Export PyTorch project is pressed (it brings the zip library and the template).
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { TEMPLATE_FILES } from './pytorchTemplate.ts';

/** Template file loaders by path (`/pytorch/project/train.py` → its text). */
export type TemplateLoaders = Record<string, () => Promise<string>>;

/** The zip's bytes: the template (by file name), then the run's files and the metrics (which win a clash). */
export async function pytorchProjectZip(
  runFiles: Record<string, string>,
  metricsCsv: string,
  template: TemplateLoaders = TEMPLATE_FILES,
): Promise<Uint8Array> {
  const entries = await Promise.all(
    Object.entries(template)
      .map(([path, load]) => [path.slice(path.lastIndexOf('/') + 1), load] as const)
      .filter(([name]) => name !== '' && !name.startsWith('.') && !name.endsWith('.pyc'))
      .map(async ([name, load]) => [name, await load()] as const),
  );
  const files: Record<string, string> = Object.fromEntries(entries);
  Object.assign(files, runFiles, { 'browser-metrics.csv': metricsCsv });
  const zippable: Zippable = {};
  // Sorted: the same run gives the same listing.
  for (const name of Object.keys(files).sort()) zippable[name] = strToU8(files[name] as string);
  return zipSync(zippable, { level: 6 });
}
