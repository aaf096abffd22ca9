import { useAppState } from '../../state/store.ts';

/** One blue ramp (readable with colour-vision deficiencies); the percentage is always printed too. */
const cellColour = (share: number) => `rgba(0, 114, 178, ${Math.min(Math.max(share, 0), 1) * 0.6})`;

/** Under MMoE: how much each task's gate draws on each expert, after the latest epoch. */
export function ExpertUsage() {
  const run = useAppState((s) => s.run);
  const latest = useAppState((s) => s.epochs[s.epochs.length - 1]);
  const usage = latest?.expertUsage;
  if (!run || !latest || !usage) return null;
  const experts = usage[0]?.length ?? 0;
  const favourite = usage.map((row) => row.indexOf(Math.max(...row)));
  const distinct = new Set(favourite).size;
  return (
    <figure className="conflict" aria-label="Expert usage">
      <figcaption>
        Expert usage after epoch {latest.epoch}: each task's mean gate weight per expert, on the first 512 training rows
        (all of them if fewer). Tasks that lean on different experts share less of the network.
      </figcaption>
      <table aria-label="Gate weights by task">
        <thead>
          <tr>
            <th scope="col">Task</th>
            {Array.from({ length: experts }, (_, e) => (
              <th key={e} scope="col">
                Expert {e + 1}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {usage.map((row, k) => (
            <tr key={run.tasks[k]?.name ?? k}>
              <th scope="row">{run.tasks[k]?.name}</th>
              {row.map((share, e) => (
                <td key={e} style={{ background: cellColour(share) }}>
                  {(share * 100).toFixed(0)} %
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {usage.length > 1 && (
        <p className="muted">
          {distinct === 1
            ? `Every task leans most on expert ${(favourite[0] ?? 0) + 1}.`
            : `The tasks lean most on ${distinct} different experts.`}
        </p>
      )}
    </figure>
  );
}
