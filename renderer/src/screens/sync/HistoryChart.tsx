/**
 * The sync history as a chart: documents per run (bars), duration (line, right axis), failed runs
 * marked. ECharts is imported piece by piece (core + the two charts and three components used), so
 * the renderer bundle carries only those.
 */
import { useEffect, useRef, useState } from 'react';
import { BarChart, LineChart, ScatterChart, type BarSeriesOption, type LineSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { SyncRunView } from '../../../../shared/api/sync';
import { historyChartData, type HistoryChartData } from './history-chart-data';
import { SYNC_TEXT } from './text';

echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type ChartOption = echarts.ComposeOption<
  BarSeriesOption | LineSeriesOption | ScatterSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

const T = SYNC_TEXT.history;
/** The most recent runs shown; older ones stay in the table. */
const CHART_RUNS = 30;

export function chartOption(data: HistoryChartData): ChartOption {
  return {
    animation: false,
    grid: { left: 56, right: 56, top: 40, bottom: 40 },
    legend: { top: 0, data: [T.docsSeries, T.durationSeries, T.failedSeries] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: [...data.labels], axisLabel: { hideOverlap: true } },
    yAxis: [
      { type: 'value', name: '条', minInterval: 1 },
      { type: 'value', name: '秒', splitLine: { show: false } },
      // The failures' own axis, 0–1 and hidden: a failed run's band fills the plot's height.
      { type: 'value', min: 0, max: 1, show: false },
    ],
    series: [
      {
        name: T.failedSeries,
        type: 'bar',
        yAxisIndex: 2,
        data: [...data.failed],
        barGap: '-100%',
        barMaxWidth: 28,
        z: 1,
        itemStyle: { color: 'rgba(185, 28, 28, 0.22)', borderColor: '#b91c1c', borderWidth: 1 },
        label: { show: true, position: 'insideTop', formatter: T.failedSeries, color: '#b91c1c', fontWeight: 'bold' },
        tooltip: { valueFormatter: () => T.failedSeries },
      },
      { name: T.docsSeries, type: 'bar', data: [...data.docs], itemStyle: { color: '#0f766e' }, barGap: '-100%', barMaxWidth: 28, z: 2 },
      { name: T.durationSeries, type: 'line', yAxisIndex: 1, data: [...data.seconds], itemStyle: { color: '#0369a1' }, symbolSize: 6, z: 3 },
    ],
  };
}

export function HistoryChart({ runs, zone }: { readonly runs: ReadonlyArray<SyncRunView>; readonly zone: string }) {
  const holder = useRef<HTMLDivElement | null>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const [rendered, setRendered] = useState(0);

  useEffect(() => {
    if (!holder.current) return;
    const instance = echarts.init(holder.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const onResize = () => instance.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    const data = historyChartData(runs.slice(0, CHART_RUNS), zone);
    instance.setOption(chartOption(data), { notMerge: true });
    setRendered(data.labels.length);
  }, [runs, zone]);
  const shown = runs.slice(0, CHART_RUNS);
  const failed = shown.filter((r) => r.outcome === 'error').length;

  return (
    <figure className="grid gap-1">
      <figcaption className="text-sm text-ink-soft">
        {T.chartTitle}
        <span data-testid="sync-history-summary" className={`ml-3 ${failed > 0 ? 'font-semibold text-danger' : ''}`}>
          {T.chartSummary(shown.length, failed)}
        </span>
      </figcaption>
      <div ref={holder} data-testid="sync-history-chart" data-runs={rendered} data-failed={failed} className="h-64 w-full" />
    </figure>
  );
}
