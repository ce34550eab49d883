import type { ChartOption } from '../../charts/echarts';
import { categoryAxis, gridFor, LEGEND, partialItem, zoomFor } from '../common/chartParts';
import { formatInt, formatShare, periodLabel } from '../common/format';
import { type ChannelTotal, channelsOf, type FunnelStage } from './funnelModel';
import type { FunnelMonth, TrialCohort } from './funnelRows';

export const STAGE_COLORS = ['#4c6ef5', '#15aabf', '#2f9e44'] as const;
export const CHANNEL_COLORS: Record<string, string> = { organic: '#2f9e44', paid: '#e8590c', social: '#ae3ec9', referral: '#1c7ed6', all: '#868e96' };

/** The funnel of sign-ups, trials and 14-day conversions; each label gives the share of the stage before. */
export function funnelOption(stages: readonly FunnelStage[]): ChartOption {
  const top = Math.max(1, ...stages.map((s) => s.value));
  return {
    animation: false,
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${p.name}: ${formatInt(p.value)}` },
    series: [
      {
        name: 'Funnel',
        type: 'funnel',
        sort: 'none',
        min: 0,
        max: top,
        // Wide enough at the bottom for the last stage's label.
        minSize: '38%',
        left: '10%',
        width: '80%',
        top: 10,
        bottom: 10,
        gap: 2,
        label: { position: 'inside', color: '#fff', fontWeight: 'bold' },
        data: stages.map((s, i) => ({
          name: s.name,
          value: s.value,
          itemStyle: { color: STAGE_COLORS[i % STAGE_COLORS.length] },
          label: { formatter: `${s.name}: ${formatInt(s.value)}${s.ofPrevious === null ? '' : ` (${formatShare(s.ofPrevious)})`}` },
        })),
      },
    ],
  };
}

/** Sign-ups, trials, 14-day trial conversions and first paid conversions per month, side by side. */
export function monthlyFunnelOption(months: readonly FunnelMonth[]): ChartOption {
  const bar = (name: string, color: string, pick: (m: FunnelMonth) => number) => ({
    name,
    type: 'bar',
    barMaxWidth: 12,
    itemStyle: { color },
    data: months.map((m) => partialItem(pick(m), m.isPartial)),
  });
  return {
    animation: false,
    legend: LEGEND,
    grid: gridFor(months.length),
    dataZoom: zoomFor(months.length),
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatInt(v) },
    xAxis: categoryAxis(months.map((m) => periodLabel(m.periodStart, 'month'))),
    yAxis: { type: 'value', name: 'Accounts' },
    series: [
      bar('Sign-ups', STAGE_COLORS[0], (m) => m.signups),
      bar('Trials started', STAGE_COLORS[1], (m) => m.trials),
      bar('Converted within 14 days', STAGE_COLORS[2], (m) => m.trialConversions),
      bar('First paid (all routes)', '#f59f00', (m) => m.paidConversions),
    ],
  };
}

/**
 * Conversion rates by month: trial-to-paid (within 14 days) per acquisition channel and for
 * all channels, and sign-up-to-trial and sign-up-to-paid (dashed). A cohort whose trials are
 * not all over yet is drawn hollow: its rate can still rise.
 */
export function conversionRatesOption(months: readonly FunnelMonth[], cohorts: readonly TrialCohort[]): ChartOption {
  const labels = months.map((m) => periodLabel(m.periodStart, 'month'));
  const cohortAt = new Map(cohorts.map((c) => [`${c.channel}|${c.periodStart}`, c]));
  const percent = (rate: number | null) => (rate === null ? null : rate * 100);
  const channelSeries = channelsOf(cohorts).map((channel) => ({
    name: channel === 'all' ? 'Trial to paid: all channels' : `Trial to paid: ${channel}`,
    type: 'line',
    connectNulls: false,
    lineStyle: { color: CHANNEL_COLORS[channel] ?? '#868e96', width: channel === 'all' ? 3 : 1.5 },
    itemStyle: { color: CHANNEL_COLORS[channel] ?? '#868e96' },
    data: months.map((m) => {
      const cohort = cohortAt.get(`${channel}|${m.periodStart}`);
      const value = percent(cohort?.conversionRate ?? null);
      return cohort && !cohort.isComplete ? { value, symbol: 'emptyCircle', symbolSize: 9 } : { value };
    }),
  }));
  const funnelSeries = (name: string, color: string, pick: (m: FunnelMonth) => number | null) => ({
    name,
    type: 'line',
    connectNulls: false,
    lineStyle: { color, type: 'dashed' },
    itemStyle: { color },
    data: months.map((m) => percent(pick(m))),
  });
  return {
    animation: false,
    legend: LEGEND,
    grid: { ...gridFor(months.length), top: 64 },
    dataZoom: zoomFor(months.length),
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? 'n/a' : `${v.toFixed(1)} %`) },
    xAxis: categoryAxis(labels),
    yAxis: { type: 'value', name: '%', min: 0, max: 100 },
    series: [
      ...channelSeries,
      funnelSeries('Sign-up to trial', '#15aabf', (m) => m.signupToTrialRate),
      funnelSeries('Sign-up to paid', '#f59f00', (m) => m.signupToPaidRate),
    ],
  };
}

/** Trials and 14-day conversions per acquisition channel over the months shown, with the rate on a second axis. */
export function channelOption(totals: readonly ChannelTotal[]): ChartOption {
  const channels = totals.filter((t) => t.channel !== 'all');
  return {
    animation: false,
    legend: LEGEND,
    grid: { left: 64, right: 64, top: 44, bottom: 36 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: channels.map((t) => t.channel) },
    yAxis: [
      { type: 'value', name: 'Trials' },
      { type: 'value', name: 'Conversion %', min: 0, max: 100, splitLine: { show: false } },
    ],
    series: [
      { name: 'Trials started', type: 'bar', barMaxWidth: 36, itemStyle: { color: STAGE_COLORS[1] }, data: channels.map((t) => t.trialsStarted) },
      { name: 'Converted within 14 days', type: 'bar', barMaxWidth: 36, itemStyle: { color: STAGE_COLORS[2] }, data: channels.map((t) => t.converted) },
      {
        name: 'Conversion rate',
        type: 'line',
        yAxisIndex: 1,
        itemStyle: { color: '#868e96' },
        label: { show: true, formatter: (p: { value: number | null }) => (p.value === null ? 'n/a' : `${p.value.toFixed(1)} %`) },
        data: channels.map((t) => (t.conversionRate === null ? null : t.conversionRate * 100)),
      },
    ],
  };
}
