import { useAppState } from '../../state/store.ts';

/** Blue for agreement, orange for conflict (distinguishable with colour-vision deficiencies); the number is always shown too. */
function cellColour(c: number): string {
  const a = Math.min(Math.abs(c), 1) * 0.6;
  return c >= 0 ? `rgba(0, 114, 178, ${a})` : `rgba(213, 94, 0, ${a})`;
}

/** Cosine similarity of each pair of tasks' gradients on the shared trunk, after the latest epoch. */
export function GradientConflict() {
  const run = useAppState((s) => s.run);
  const latest = useAppState((s) => s.epochs[s.epochs.length - 1]);
  if (!run || !latest || run.tasks.length < 2) return null;
  const names = run.tasks.map((t) => t.name);
  const worst = latest.gradientCosine
    .flatMap((row, i) => row.map((c, j) => ({ c, i, j })))
    .filter((x) => x.i < x.j)
    .sort((a, b) => a.c - b.c)[0];
  return (
    <figure className="conflict" aria-label="Gradient conflict">
      <figcaption>
        Gradient conflict after epoch {latest.epoch}: cosine similarity of the tasks' gradients on the shared trunk
        {latest.expertUsage ? ' (here: all the experts, which each task reaches through its gate)' : ''}. Negative = the
        tasks pull the shared layers in opposite directions.
      </figcaption>
      <table aria-label="Gradient cosine similarity">
        <thead>
          <tr>
            <th scope="col">Task</th>
            {names.map((n) => (
              <th key={n} scope="col">
                {n}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {latest.gradientCosine.map((row, i) => (
            <tr key={names[i]}>
              <th scope="row">{names[i]}</th>
              {row.map((c, j) => (
                <td key={j} style={{ background: cellColour(c) }}>
                  {c.toFixed(2)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {worst && (
        <p className="muted">
          Most in conflict: {names[worst.i]} and {names[worst.j]} ({worst.c.toFixed(2)})
          {worst.c < 0 ? ': sharing the trunk costs them something.' : ': no pair conflicts now.'}
        </p>
      )}
    </figure>
  );
}
