import { Profiler, type ReactNode } from 'react';

/** Commit times per chart, collected in bench builds only (React's profiling build is aliased there). */
const costs: Record<string, number[]> = {};
if (import.meta.env.MODE === 'bench') Object.assign(globalThis, { __mtlRenderCosts: costs });

function record(id: string, _phase: string, actualMs: number): void {
  (costs[id] ??= []).push(actualMs);
}

/** Measures what one chart costs per redraw (`npm run bench`); a plain wrapper elsewhere. */
export function RenderCost({ id, children }: { id: string; children: ReactNode }) {
  if (import.meta.env.MODE !== 'bench') return <>{children}</>;
  return (
    <Profiler id={id} onRender={record}>
      {children}
    </Profiler>
  );
}
