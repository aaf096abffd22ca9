// Benchmark builds only (vite --mode bench): lets the benchmark time a raw papaparse parse of the
// picked file in this same page, next to the app's own import of it.
import Papa from 'papaparse';

async function rawParse(file: File): Promise<{ ms: number; rows: number }> {
  const start = performance.now();
  const text = await file.text();
  const result = Papa.parse<string[]>(text, { skipEmptyLines: true });
  return { ms: performance.now() - start, rows: result.data.length - 1 };
}

Object.assign(window, { __mtlBench: { rawParse } });
