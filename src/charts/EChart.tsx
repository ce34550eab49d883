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
  /** Called with the clicked item (e.g. a bar) to drill down; the latest handler is used. */
  onItemClick?: (item: ChartClick) => void;
}

/** What a click on a chart item reports. */
export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
  name: string;
}

/**
 * An echarts canvas that follows its option and resizes with its container. It reports when
 * it has finished drawing, which the benchmark reads as "chart drawn".
 */
export function EChart({ chartId, option, label, height = 420, onItemClick }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const markChartDrawn = useStore((s) => s.markChartDrawn);
  // Charts follow the page theme (light or dark); the theme a chart starts with is read once.
  const theme = useStore((s) => s.theme);
  const initialTheme = useRef(theme);
  const clickHandler = useRef(onItemClick);
  useEffect(() => {
    clickHandler.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const instance = echarts.init(el, CHART_THEME[initialTheme.current], { renderer: 'canvas' });
    instance.on('finished', () => markChartDrawn(chartId));
    instance.on('click', (p) => clickHandler.current?.({ seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex, name: p.name }));
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
