/**
 * The ECharts part of <Chart>, loaded with import() so ECharts stays out of the first bundle.
 * Only the pieces we use are imported (tree-shaken `echarts/core`).
 */
// ECharts' `use` registers chart parts; it is no React hook, so its name here does not start with "use".
import { init, use as registerChartParts, type ComposeOption, type EChartsType } from 'echarts/core';
import {
  BarChart,
  LineChart,
  ScatterChart,
  type BarSeriesOption,
  type LineSeriesOption,
  type ScatterSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkAreaComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

registerChartParts([
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
  LabelLayout,
  SVGRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | TooltipComponentOption
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
