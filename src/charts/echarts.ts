import { BarChart, FunnelChart, GraphChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, MarkPointComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Tree-shaken: only the charts and components the views use are bundled.
echarts.use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, DataZoomComponent, CanvasRenderer]);
// Growth, miles and funnel views: bars, lines, the funnel, legends and benchmark bands/lines/alert markers.
// Revenue: the MRR bridge is a waterfall drawn as stacked bars (an invisible base under each step).
echarts.use([BarChart, LineChart, FunnelChart, LegendComponent, MarkAreaComponent, MarkLineComponent, MarkPointComponent]);
// Pipeline: the model lineage as a graph at fixed (layered) positions.
echarts.use([GraphChart]);
// Retention: censoring ticks on the Kaplan-Meier curves.
echarts.use([ScatterChart]);

/**
 * The page's two themes as echarts themes (the charts follow the page's light/dark toggle):
 * text, axes and grid lines in the colours of styles.css and a transparent background, so
 * the panel shows through. Series keep their own colours in both themes.
 */
function chartTheme(text: string, muted: string, line: string, tooltipBg: string) {
  const axis = {
    axisLine: { lineStyle: { color: muted } },
    axisTick: { lineStyle: { color: muted } },
    axisLabel: { color: muted },
    splitLine: { lineStyle: { color: [line] } },
    nameTextStyle: { color: muted },
  };
  return {
    backgroundColor: 'transparent',
    textStyle: { color: text },
    title: { textStyle: { color: text } },
    legend: { textStyle: { color: text } },
    tooltip: { backgroundColor: tooltipBg, borderColor: line, textStyle: { color: text } },
    categoryAxis: axis,
    valueAxis: axis,
    timeAxis: axis,
    visualMap: { textStyle: { color: text } },
  };
}
echarts.registerTheme('growthbench-light', chartTheme('#1c2430', '#5b6675', '#e3e7ed', '#ffffff'));
echarts.registerTheme('growthbench-dark', { ...chartTheme('#e4e8ee', '#9aa5b4', '#2c3544', '#1b2230'), darkMode: true });

export { echarts };
export type { EChartsCoreOption as ChartOption } from 'echarts/core';
