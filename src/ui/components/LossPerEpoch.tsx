import { useAppState } from '../../state/store.ts';

const num = new Intl.NumberFormat('en', { maximumSignificantDigits: 4 });

/** Each epoch's mean training loss per task, the weighted total, its time and speed, as a table. */
export function LossPerEpoch() {
  const run = useAppState((s) => s.run);
  const epochs = useAppState((s) => s.epochs);
  const tasks = run?.tasks ?? [];
  return (
    <>
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
    </>
  );
}
