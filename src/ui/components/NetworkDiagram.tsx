import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { estimateInputs } from '../../core/data/estimateInputs.ts';
import { countParameters } from '../../core/model/parameterCounts.ts';
import type { ModelSpec, TaskSpec } from '../../core/types.ts';
import { setsOwnWeights } from '../../core/weighting/strategies.ts';
import { targetColumns, useAppState } from '../../state/store.ts';
import { TermHelp } from '../glossary/TermHelp.tsx';
import { headlineMetric, type Headline } from '../headlineMetric.ts';
import { useSize } from '../hooks/useSize.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { taskColour, taskDash } from '../palette.ts';

/** The headline metric's short name, for the tight head boxes. */
const METRIC_SHORT = {
  auc: 'playground.network.metricShort.auc',
  accuracy: 'playground.network.metricShort.accuracy',
  r2: 'playground.network.metricShort.r2',
} as const satisfies Record<Headline['key'], string>;
const HEAD_H = 54;
const BOX_W = 110;

/**
 * The network at the centre of the playground: inputs → trunk (or experts and their gates) → one
 * head per task in its colour, each with its loss weight and latest validation metric. A link's
 * thickness is the task's weight; a task switched off (or at weight 0) is drawn dashed and faded.
 * Exact parameter counts once a run exists, estimated before.
 */
export function NetworkDiagram() {
  const { t } = useTranslation();
  const fmt = useFormat().formatter({});
  const settings = useAppState((s) => s.settings);
  const dataset = useAppState((s) => s.dataset);
  const roles = useAppState((s) => s.roles);
  const encodings = useAppState((s) => s.encodings);
  const run = useAppState((s) => s.run);
  const weights = useAppState((s) => s.weights);
  const enabled = useAppState((s) => s.enabled);
  const chainedTo = useAppState((s) => s.chainedTo);
  const latestWeights = useAppState((s) => s.latestWeights);
  const lastEpoch = useAppState((s) => s.epochs[s.epochs.length - 1]);
  const tasks = useMemo(() => targetColumns({ dataset, roles }), [dataset, roles]);
  // Drawn at the box's own width, so text keeps its real size (a projector needs it).
  const [boxRef, size] = useSize<HTMLDivElement>();
  const W = Math.max(400, Math.min(900, size.width || 560));
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
      headHidden: specs.map((task) => settings.headHidden[task.name] ?? 0),
      tasks: specs,
    };
  }, [dataset, run, roles, encodings, settings, tasks]);
  if (!spec) return <div className="diagram-box" ref={boxRef} />;
  const counts = countParameters(spec);
  const approx = run ? '' : '≈ ';
  const inputText = spec.embeddings.length
    ? t('playground.network.inputsWithEmbeddings', {
        approx,
        features: spec.inputSize,
        embeddings: spec.embeddings.length,
      })
    : t('playground.network.inputs', { approx, features: spec.inputSize });
  const experts = spec.experts ?? 1;
  const trunkText = t('playground.network.trunkLayers', {
    layers: spec.trunk.length,
    units: spec.trunk.map((l) => l.units).join(', '),
  });
  const middle =
    experts > 1
      ? t('playground.network.experts', { experts, trunk: trunkText })
      : t('playground.network.trunk', { trunk: trunkText });
  // A chained task (ESMM) outputs p(condition) × its own p(task | condition).
  const conditionOf = (task: TaskSpec): string | undefined =>
    task.chainedTo !== undefined ? spec.tasks[task.chainedTo]?.name : chainedTo[task.name];
  const chains = spec.tasks
    .filter((task) => conditionOf(task) !== undefined)
    .map((task) => t('playground.network.chain', { task: task.name, condition: conditionOf(task) ?? '' }))
    .join('');
  const description = t('playground.network.description', {
    inputs: inputText,
    middle,
    heads: spec.tasks.length,
    chains,
    approx,
    parameters: fmt.format(counts.total),
  });
  const automatic = setsOwnWeights(settings.weighting.strategy);
  const weightOf = (name: string, k: number) => {
    if (enabled[name] === false) return 0;
    if (automatic && latestWeights && run) return latestWeights[k] ?? 1;
    return weights[name] ?? 1;
  };
  const inputNames = (dataset?.columns ?? []).filter((c) => roles[c.name] === 'input').map((c) => c.name);
  const height = Math.max(spec.tasks.length * HEAD_H + 16, 230);
  const mid = height / 2;
  const layerCount = Math.max(spec.trunk.length, 1);
  const trunkX0 = 128;
  const trunkSpan = W - trunkX0 - 190;
  const layerW = Math.min(BOX_W, trunkSpan / layerCount - 14);
  const layerX = (i: number) => trunkX0 + (i * trunkSpan) / layerCount;
  const trunkEnd = layerX(layerCount - 1) + layerW;
  const headX = W - 158;
  return (
    <div className="diagram-box" ref={boxRef}>
      <figure className="diagram" aria-label={t('playground.network.label')}>
        <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={description} width="100%">
          <g className="inputs">
            <rect x={4} y={mid - 70} width={104} height={140} rx={8} className="box" />
            <text x={56} y={mid - 50} textAnchor="middle" className="box-title">
              {t('playground.network.inputsTitle')}
            </text>
            {inputNames.slice(0, 5).map((n, i) => (
              <text key={n} x={56} y={mid - 30 + i * 17} textAnchor="middle" className="small">
                {n.length > 14 ? `${n.slice(0, 13)}…` : n}
              </text>
            ))}
            <text x={56} y={mid + 62} textAnchor="middle" className="small muted-text">
              {inputNames.length > 5 ? t('playground.network.moreInputs', { more: inputNames.length - 5 }) : ''}
              {inputText}
            </text>
          </g>
          <line x1={108} y1={mid} x2={trunkX0} y2={mid} className="edge" />
          {spec.trunk.map((l, i) => {
            const x = layerX(i);
            const boxH = Math.min(170, 50 + Math.sqrt(l.units) * 8);
            return (
              <g key={i} className="layer">
                {i > 0 && <line x1={layerX(i - 1) + layerW} y1={mid} x2={x} y2={mid} className="edge" />}
                {experts > 1 ? (
                  Array.from({ length: Math.min(experts, 4) }, (_, e) => (
                    <rect
                      key={e}
                      x={x + e * 4}
                      y={mid - boxH / 2 + e * 4}
                      width={layerW - 12}
                      height={boxH - 12}
                      rx={8}
                      className="box trunk"
                    />
                  ))
                ) : (
                  <rect x={x} y={mid - boxH / 2} width={layerW} height={boxH} rx={8} className="box trunk" />
                )}
                <text x={x + layerW / 2} y={mid - 6} textAnchor="middle" className="box-title">
                  {experts > 1 ? `${experts} × ${l.units}` : l.units}
                </text>
                <text x={x + layerW / 2} y={mid + 12} textAnchor="middle" className="small">
                  {l.activation}
                  {l.dropout ? t('playground.network.dropout', { rate: l.dropout }) : ''}
                </text>
                <text x={x + layerW / 2} y={mid + 28} textAnchor="middle" className="small muted-text">
                  {approx}
                  {fmt.format(counts.trunk[i] ?? 0)}
                </text>
              </g>
            );
          })}
          <text x={(trunkX0 + trunkEnd) / 2} y={18} textAnchor="middle" className="small muted-text">
            {experts > 1 ? t('playground.network.sharedExperts', { experts }) : t('playground.network.sharedTrunk')}
          </text>
          {spec.tasks.map((task, k) => {
            const y = 8 + k * HEAD_H + (height - 16 - spec.tasks.length * HEAD_H) / 2;
            const w = weightOf(task.name, k);
            const switchedOff = enabled[task.name] === false;
            const off = w <= 0;
            const metric = headlineMetric(task.kind, lastEpoch?.val[k]);
            return (
              <g key={task.name} className={off ? 'head off' : 'head'} aria-hidden="true">
                <path
                  d={`M ${trunkEnd} ${mid} C ${trunkEnd + 60} ${mid}, ${headX - 60} ${y + HEAD_H / 2 - 4}, ${headX} ${y + HEAD_H / 2 - 4}`}
                  className="link"
                  style={{ stroke: taskColour(k), strokeWidth: off ? 1.5 : 1.5 + Math.min(w, 5) * 2.2 }}
                  strokeDasharray={off ? '4 4' : taskDash(k)}
                />
                <rect
                  x={headX}
                  y={y}
                  width={154}
                  height={HEAD_H - 8}
                  rx={8}
                  className="box head-box"
                  style={{ stroke: taskColour(k) }}
                />
                <rect x={headX} y={y} width={7} height={HEAD_H - 8} rx={3} style={{ fill: taskColour(k) }} />
                <text x={headX + 14} y={y + 18} className="head-name">
                  {experts > 1 ? '⊗ ' : ''}
                  {conditionOf(task) ? `× ${conditionOf(task)} → ` : ''}
                  {task.name.length > 15 ? `${task.name.slice(0, 14)}…` : task.name}
                </text>
                <text x={headX + 14} y={y + 36} className="small">
                  {switchedOff ? t('playground.network.off') : t('playground.network.weight', { weight: w.toFixed(2) })}
                  {metric ? ` · ${t(METRIC_SHORT[metric.key])} ${metric.text}` : ''}
                </text>
              </g>
            );
          })}
        </svg>
        <figcaption className="muted">
          {description}{' '}
          {experts > 1 ? (
            <>
              <TermHelp term="expert" named />
              <TermHelp term="gate" named />
            </>
          ) : (
            <>
              <TermHelp term="trunk" named />
              <TermHelp term="head" named />
            </>
          )}
        </figcaption>
      </figure>
    </div>
  );
}
