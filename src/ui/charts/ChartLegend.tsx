import { taskColour, taskDash } from '../palette.ts';

/** A plain HTML legend (cheaper than the chart library's, which re-measures text on every redraw). */
export function ChartLegend({ names, total }: { names: string[]; total?: string }) {
  return (
    <ul className="legend">
      {names.map((name, k) => (
        <li key={name}>
          <svg width="28" height="10" aria-hidden="true">
            <line x1="0" y1="5" x2="28" y2="5" stroke={taskColour(k)} strokeWidth="2" strokeDasharray={taskDash(k)} />
          </svg>
          {name}
        </li>
      ))}
      {total && (
        <li>
          <svg width="28" height="10" aria-hidden="true">
            <line x1="0" y1="5" x2="28" y2="5" stroke="currentColor" strokeWidth="2.5" />
          </svg>
          {total}
        </li>
      )}
    </ul>
  );
}
