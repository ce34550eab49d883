import { useEffect, useRef } from 'react';
import { useStore } from '../state/store';
import { CHART_THEME } from '../state/theme';
import { type ChartOption, echarts } from './echarts';

interface Props {
  /** Stable id: used for the test id and to record when the chart is drawn. */
  chartId: string;
  option: ChartOption;
  /** Accessible name of the chart. */
  label: string;
  height?: number;
}

/**
 * An echarts canvas that follows its option and resizes with its container. It reports when
 * it has finished drawing, which the benchmark reads as "chart drawn".
 */
export function EChart({ chartId, option, label, height = 420 }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const markChartDrawn = useStore((s) => s.markChartDrawn);
  // Charts follow the page theme (light or dark); the theme a chart starts with is read once.
  const theme = useStore((s) => s.theme);
  const initialTheme = useRef(theme);

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const instance = echarts.init(el, CHART_THEME[initialTheme.current], { renderer: 'canvas' });
    instance.on('finished', () => markChartDrawn(chartId));
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [chartId, markChartDrawn]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    chart.current?.setTheme(CHART_THEME[theme]);
  }, [theme]);

  return <div ref={element} role="img" aria-label={label} data-testid={chartId} style={{ width: '100%', height }} />;
}
