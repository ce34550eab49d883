import { BarChart, FunnelChart, HeatmapChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, MarkPointComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Tree-shaken: only the charts and components the views use are bundled.
echarts.use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, DataZoomComponent, CanvasRenderer]);
// Growth, miles and funnel views: bars, lines, the funnel, legends and benchmark bands/lines/alert markers.
echarts.use([BarChart, LineChart, FunnelChart, LegendComponent, MarkAreaComponent, MarkLineComponent, MarkPointComponent]);

export { echarts };
export type { EChartsCoreOption as ChartOption } from 'echarts/core';
