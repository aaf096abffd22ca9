import { useMemo } from 'react';
import { estimateInputs } from '../../core/data/estimateInputs.ts';
import { countParameters } from '../../core/model/parameterCounts.ts';
import type { ModelSpec, TaskSpec } from '../../core/types.ts';
import { useAppState } from '../../state/store.ts';
import { taskColour } from '../palette.ts';

const fmt = new Intl.NumberFormat('en');

/** Inputs → trunk (or experts) → one head per task, with parameter counts; exact once a run exists, estimated before. */
export function NetworkDiagram({ tasks }: { tasks: string[] }) {
  const settings = useAppState((s) => s.settings);
  const dataset = useAppState((s) => s.dataset);
  const roles = useAppState((s) => s.roles);
  const encodings = useAppState((s) => s.encodings);
  const run = useAppState((s) => s.run);
  const spec: ModelSpec | null = useMemo(() => {
    if (!dataset) return null;
    const inputs = run
      ? { inputSize: run.inputSize, embeddings: run.embeddings }
      : estimateInputs(dataset.columns, roles, encodings, settings.embeddingDim);
    const specs: TaskSpec[] =
      run?.tasks ??
      tasks.map((name) => {
        const kind = roles[name] === 'binary' ? 'binary' : roles[name] === 'multiclass' ? 'multiclass' : 'regression';
        const distinct = dataset.columns.find((c) => c.name === name)?.distinct ?? 2;
        return {
          name,
          kind,
          numClasses: kind === 'multiclass' ? distinct : kind === 'binary' ? 2 : 1,
          classLabels: [],
        };
      });
    return {
      ...inputs,
      trunk: settings.trunk,
      experts: settings.experts,
      headHidden: specs.map((t) => settings.headHidden[t.name] ?? 0),
      tasks: specs,
    };
  }, [dataset, run, roles, encodings, settings, tasks]);
  if (!spec) return null;
  const counts = countParameters(spec);
  const approx = run ? '' : '≈ ';
  const inputText = `${approx}${spec.inputSize} features${spec.embeddings.length ? ` + ${spec.embeddings.length} embeddings` : ''}`;
  const rowH = 34;
  const height = Math.max(spec.trunk.length, spec.tasks.length, 1) * rowH + 20;
  const col = [10, 190, 380];
  const experts = spec.experts ?? 1;
  const trunkText = `${spec.trunk.length} dense layers (${spec.trunk.map((l) => l.units).join(', ')} units)`;
  const middle =
    experts > 1 ? `${experts} experts, each ${trunkText}, mixed by one gate per task` : `trunk of ${trunkText}`;
  const description = `Network: inputs (${inputText}) → ${middle} → ${spec.tasks.length} heads; ${approx}${fmt.format(counts.total)} parameters.`;
  return (
    <figure className="diagram" aria-label="Network diagram">
      <svg viewBox={`0 0 560 ${height}`} role="img" aria-label={description} width="100%">
        <rect x={col[0]} y={height / 2 - 20} width={150} height={40} rx={6} className="box" />
        <text x={(col[0] as number) + 75} y={height / 2 + 4} textAnchor="middle">
          {inputText}
        </text>
        {spec.trunk.map((l, i) => {
          const y = 10 + i * rowH;
          return (
            <g key={i}>
              <rect x={col[1]} y={y} width={160} height={rowH - 6} rx={6} className="box trunk" />
              <text x={(col[1] as number) + 80} y={y + 19} textAnchor="middle">
                {`${experts > 1 ? `${experts} × ` : ''}${l.units} ${l.activation}${l.dropout ? ` · drop ${l.dropout}` : ''} · ${approx}${fmt.format(counts.trunk[i] ?? 0)}`}
              </text>
            </g>
          );
        })}
        {spec.tasks.map((t, k) => {
          const y = 10 + k * rowH;
          return (
            <g key={t.name}>
              <line x1={350} y1={height / 2} x2={col[2]} y2={y + 14} className="edge" />
              <rect
                x={col[2]}
                y={y}
                width={170}
                height={rowH - 6}
                rx={6}
                className="box"
                style={{ stroke: taskColour(k) }}
              />
              <text x={(col[2] as number) + 85} y={y + 19} textAnchor="middle">
                {`${experts > 1 ? 'gate + ' : ''}${t.name} · ${approx}${fmt.format(counts.heads[k] ?? 0)}`}
              </text>
            </g>
          );
        })}
        <line x1={160} y1={height / 2} x2={col[1]} y2={height / 2} className="edge" />
      </svg>
      <figcaption className="muted">{description}</figcaption>
    </figure>
  );
}
