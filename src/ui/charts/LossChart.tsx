import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useAppState } from '../../state/store.ts';
import { taskColour, taskDash } from '../palette.ts';

const num = new Intl.NumberFormat('en', { maximumSignificantDigits: 4 });

/** Live training loss per task and the weighted total, with the weights in force and a data table. */
export default function LossChart() {
  const points = useAppState((s) => s.lossPoints);
  const run = useAppState((s) => s.run);
  const applied = useAppState((s) => s.appliedWeights);
  const epochs = useAppState((s) => s.epochs);
  const tasks = run?.tasks ?? [];
  return (
    <figure aria-label="Loss curves" className="chart">
      <figcaption>Loss curves: training loss per task (regression in standardised units) and the weighted total, by step.</figcaption>
      <div className="chart-box">
        {points.length === 0 ? (
          <p className="muted">Press Train to draw the curves.</p>
        ) : (
          <ResponsiveContainer width="100%" height={300}>
            <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#ddd" />
              <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => num.format(v)} />
              <YAxis domain={[0, "auto"]} tickFormatter={(v: number) => num.format(v)} width={56} />
              <Tooltip formatter={(v) => num.format(Number(v))} labelFormatter={(l) => `step ${String(l)}`} />
              <Legend />
              {tasks.map((t, k) => (
                <Line key={t.name} dataKey={`task${k}`} name={t.name} stroke={taskColour(k)} strokeDasharray={taskDash(k)} dot={false} isAnimationActive={false} strokeWidth={1.5} />
              ))}
              <Line dataKey="total" name="weighted total" stroke="#000" dot={false} isAnimationActive={false} strokeWidth={2} />
            </LineChart>
          </ResponsiveContainer>
        )}
      </div>
      <p className="applied-weights" role="status" aria-label="Applied weights">
        {applied && tasks.length > 0
          ? `Weights in force since step ${applied.step}: ${tasks.map((t) => `${t.name} ${(applied.weights[t.name] ?? 1).toFixed(2)}`).join(' · ')}`
          : tasks.length > 0
            ? `Weights in force: ${tasks.map((t) => `${t.name} 1.00`).join(' · ')}`
            : ''}
      </p>
      {epochs.length > 0 && (
        <details>
          <summary>Loss per epoch as a table</summary>
          <table aria-label="Loss per epoch">
            <thead>
              <tr>
                <th scope="col">Epoch</th>
                {tasks.map((t) => (
                  <th key={t.name} scope="col">
                    {t.name} (train)
                  </th>
                ))}
                <th scope="col">Weighted total (train)</th>
                <th scope="col">Seconds</th>
                <th scope="col">Samples/s</th>
              </tr>
            </thead>
            <tbody>
              {epochs.map((e) => (
                <tr key={e.epoch}>
                  <td>{e.epoch}</td>
                  {e.trainLoss.map((l, k) => (
                    <td key={k}>{num.format(l)}</td>
                  ))}
                  <td>{num.format(e.trainTotal)}</td>
                  <td>{(e.trainMs / 1000).toFixed(2)}</td>
                  <td>{Math.round((e.rows * 1000) / e.trainMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}
