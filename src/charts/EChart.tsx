import { useEffect, useRef } from 'react';
import { type ChartOption, echarts } from './echarts';

interface Props {
  option: ChartOption;
  /** Accessible name of the chart. */
  label: string;
  height?: number;
  testId?: string;
}

/** An echarts canvas that follows its option and resizes with its container. */
export function EChart({ option, label, height = 420, testId }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={element} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
