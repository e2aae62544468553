/**
 * The ECharts part of <Chart>, loaded with import() so ECharts stays out of the first bundle.
 * Only the pieces we use are imported (tree-shaken `echarts/core`).
 */
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export interface ChartHandle {
  update: (option: ChartOption) => void;
  dispose: () => void;
}

/** Draws `option` into `element` (SVG, so it stays sharp) and follows its size. */
export function mountChart(element: HTMLElement, option: ChartOption): ChartHandle {
  // Labels and tooltips use our own Intl formatters, so ECharts' built-in locale does not matter.
  const chart: EChartsType = init(element, undefined, { renderer: 'svg' });
  chart.setOption(option);
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(element);
  return {
    update: (next) => chart.setOption(next, { notMerge: true }),
    dispose: () => {
      observer.disconnect();
      chart.dispose();
    },
  };
}
