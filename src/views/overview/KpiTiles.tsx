import { useEffect } from 'react';
import { changeValue, formatChange, formatMonth } from '../../format/numbers';
import { useStore } from '../../state/store';
import { type KpiDefinition, type KpiFigure, KPIS } from './kpis';
import { sparklinePolylines } from './sparkline';

const SPARK_WIDTH = 120;
const SPARK_HEIGHT = 28;

/** Whether a change is good news: up for most KPIs, down for churn. */
function tone(definition: KpiDefinition, figure: KpiFigure): 'good' | 'bad' | 'flat' {
  const delta = changeValue(figure.value, figure.previousValue, definition.change);
  if (delta === null || delta === 0) return 'flat';
  return delta > 0 === definition.higherIsBetter ? 'good' : 'bad';
}

/** The KPI tiles; they count as the Overview's first "chart" for the draw timings. */
export function KpiTiles({ figures }: { figures: readonly KpiFigure[] }) {
  const markChartDrawn = useStore((s) => s.markChartDrawn);
  useEffect(() => {
    if (figures.length === KPIS.length) markChartDrawn('overview-kpis');
  }, [figures, markChartDrawn]);
  const byId = new Map(figures.map((f) => [f.id, f]));
  return (
    <ul className="kpi-tiles" data-testid="overview-kpis">
      {KPIS.map((definition) => {
        const figure = byId.get(definition.id);
        return (
          <li key={definition.id} className="kpi" data-kpi={definition.id} title={definition.source}>
            <span className="kpi-label">{definition.label}</span>
            {figure ? <KpiBody definition={definition} figure={figure} /> : <span className="muted">Loading…</span>}
          </li>
        );
      })}
    </ul>
  );
}

function KpiBody({ definition, figure }: { definition: KpiDefinition; figure: KpiFigure }) {
  const lines = sparklinePolylines(figure.trend, SPARK_WIDTH, SPARK_HEIGHT);
  return (
    <>
      <span className="kpi-value" data-value>
        {definition.format(figure.value)}
      </span>
      <span className={`kpi-change ${tone(definition, figure)}`}>
        {formatChange(figure.value, figure.previousValue, definition.change)}
        {figure.previousPeriod && <span className="muted"> vs {formatMonth(figure.previousPeriod)}</span>}
      </span>
      <span className="kpi-period muted">{figure.period ? formatMonth(figure.period) : 'no complete month'}</span>
      <svg className="sparkline" width={SPARK_WIDTH} height={SPARK_HEIGHT} viewBox={`0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`} role="img" aria-label={`${definition.label}, last ${figure.trend.length} complete months`}>
        {lines.map((points) => (
          <polyline key={points} points={points} fill="none" stroke="currentColor" strokeWidth={1.5} />
        ))}
      </svg>
    </>
  );
}
