import type { ChartOption } from '../../charts/echarts';
import type { Grain } from '../../state/filtersSlice';
import { categoryAxis, gridFor, LEGEND, partialItem, zoomFor } from '../common/chartParts';
import { formatInt, formatRatio, periodLabel } from '../common/format';
import { MILES_HEALTH_BANDS } from './milesHealth';
import type { MilesPeriod } from './milesRows';

export const MILES_COLORS = { earned: '#2f9e44', redeemed: '#e8590c', net: '#1098ad', liability: '#7048e8' } as const;

const labelsOf = (rows: readonly MilesPeriod[], grain: Grain) => rows.map((r) => periodLabel(r.periodStart, grain));

/** Miles earned and redeemed per period side by side, with the net change as a line. */
export function earnedRedeemedOption(rows: readonly MilesPeriod[], grain: Grain): ChartOption {
  return {
    animation: false,
    legend: LEGEND,
    grid: gridFor(rows.length),
    dataZoom: zoomFor(rows.length),
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatInt(v) },
    xAxis: categoryAxis(labelsOf(rows, grain)),
    yAxis: { type: 'value', name: 'Miles', axisLabel: { formatter: (v: number) => formatInt(v) } },
    series: [
      { name: 'Earned', type: 'bar', barMaxWidth: 18, itemStyle: { color: MILES_COLORS.earned }, data: rows.map((r) => partialItem(r.earned, r.isPartial)) },
      { name: 'Redeemed', type: 'bar', barMaxWidth: 18, itemStyle: { color: MILES_COLORS.redeemed }, data: rows.map((r) => partialItem(r.redeemed, r.isPartial)) },
      { name: 'Net', type: 'line', symbol: 'none', lineStyle: { color: MILES_COLORS.net, width: 1.5 }, itemStyle: { color: MILES_COLORS.net }, data: rows.map((r) => r.net) },
    ],
  };
}

/** The net change per period (bars) and the outstanding liability at each period's end (line, right axis). */
export function liabilityOption(rows: readonly MilesPeriod[], grain: Grain): ChartOption {
  return {
    animation: false,
    legend: LEGEND,
    grid: gridFor(rows.length, 80),
    dataZoom: zoomFor(rows.length),
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatInt(v) },
    xAxis: categoryAxis(labelsOf(rows, grain)),
    yAxis: [
      { type: 'value', name: 'Net change', axisLabel: { formatter: (v: number) => formatInt(v) } },
      { type: 'value', name: 'Liability', splitLine: { show: false }, axisLabel: { formatter: (v: number) => formatInt(v) } },
    ],
    series: [
      {
        name: 'Net change',
        type: 'bar',
        barMaxWidth: 18,
        // The legend's swatch; each bar is coloured by its sign below.
        itemStyle: { color: MILES_COLORS.earned },
        data: rows.map((r) => ({ value: r.net, itemStyle: { color: r.net < 0 ? MILES_COLORS.redeemed : MILES_COLORS.earned, opacity: r.isPartial ? 0.45 : 1 } })),
      },
      { name: 'Outstanding liability', type: 'line', yAxisIndex: 1, symbol: 'none', lineStyle: { color: MILES_COLORS.liability, width: 2 }, itemStyle: { color: MILES_COLORS.liability }, data: rows.map((r) => r.liabilityEnd) },
    ],
  };
}

/** The ratio axis stops here: a period with almost no redemptions would flatten the bands. */
export const RATIO_AXIS_CAP = 3;

/**
 * Earned / redeemed per period on seed 002's health classes as bands; a period with nothing
 * redeemed has no ratio (a gap; its class is still in the table).
 */
export function earnRedeemRatioOption(rows: readonly MilesPeriod[], grain: Grain): ChartOption {
  const largest = Math.max(0, ...rows.map((r) => r.ratio ?? 0));
  const top = Math.min(RATIO_AXIS_CAP, Math.max(1.5, Math.ceil(largest * 4) / 4));
  return {
    animation: false,
    legend: LEGEND,
    grid: gridFor(rows.length, 120),
    dataZoom: zoomFor(rows.length),
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => formatRatio(v ?? null) },
    xAxis: categoryAxis(labelsOf(rows, grain)),
    yAxis: { type: 'value', name: 'Earned / redeemed', min: 0, max: top },
    series: [
      {
        name: 'Earn/redeem ratio',
        type: 'line',
        connectNulls: false,
        showSymbol: rows.length <= 120,
        itemStyle: { color: '#1c7ed6' },
        data: rows.map((r) => (r.isPartial ? { value: r.ratio, symbol: 'emptyCircle', symbolSize: 9 } : { value: r.ratio })),
        markArea: {
          silent: true,
          label: { position: 'right', fontSize: 9, color: '#868e96' },
          data: MILES_HEALTH_BANDS.map((b) => [
            { name: b.name, yAxis: b.from, itemStyle: { color: b.color } },
            { yAxis: Math.min(b.to, top) },
          ]),
        },
      },
    ],
  };
}
