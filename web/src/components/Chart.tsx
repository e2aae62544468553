import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import {
  Button,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useI18n } from '../i18n/I18nProvider';
import { LOCALES, type Language } from '../i18n/i18n';
import type { ChartHandle, ChartOption } from './chartEngine';

export interface ChartSeries {
  name: string;
  /** One value per category; null when there is no value. */
  values: readonly (number | null)[];
}

interface ChartBaseProps {
  /** Names the chart and its table (figure caption and table caption). */
  title: string;
  description?: string;
}

/** Bars or lines over categories (months, parties, …). */
export interface CategoryChartProps extends ChartBaseProps {
  kind?: 'bar' | 'line';
  /** Header of the category column in the table, e.g. "Maand". */
  categoryLabel: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** Formats values for the table and tooltips; defaults to the UI language's number format. */
  formatValue?: (value: number) => string;
}

export interface ScatterPoint {
  /** Unique within the chart. */
  id: string;
  /** Shown beside the point and as the row header of the table. */
  label: string;
  x: number;
  y: number;
  /** Extra table cells, in the order of `detailLabels`. */
  details?: readonly string[];
}

export interface ScatterSeries {
  name: string;
  /** Shape of the points, so series differ by more than colour. */
  symbol: 'circle' | 'triangle' | 'diamond' | 'rect';
  /** A fixed colour from the chart palette, so a group keeps its colour when others are absent. */
  paletteIndex?: number;
  points: readonly ScatterPoint[];
}

export interface ScatterAxis {
  label: string;
  min: number;
  max: number;
}

/** A labelled region in the background, e.g. one quadrant of a grid. */
export interface ChartArea {
  label: string;
  x: readonly [number, number];
  y: readonly [number, number];
  /** Where the label sits inside the area. */
  labelPosition: 'insideTopLeft' | 'insideTopRight' | 'insideBottomLeft' | 'insideBottomRight';
  /** Background: 'strong' for the area that matters most, 'soft', or 'plain' (none). */
  tone?: 'strong' | 'soft' | 'plain';
}

/** Points on two value axes (a power/interest grid). Integer scores only on the axes. */
export interface ScatterChartProps extends ChartBaseProps {
  kind: 'scatter';
  /** Header of the first table column (what a point is, e.g. "Persoon"). */
  pointLabel: string;
  xAxis: ScatterAxis;
  yAxis: ScatterAxis;
  series: readonly ScatterSeries[];
  /** Headers of the extra table columns (the points' `details`). */
  detailLabels?: readonly string[];
  areas?: readonly ChartArea[];
  /** Shown in the table when there are no points. */
  emptyText?: string;
}

/** One bar of a timeline: a period from one day up to and including another. */
export interface TimelineRow {
  /** Unique within the chart. */
  id: string;
  /** Shown beside the bar and as the row header of the table. */
  label: string;
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day (inclusive), YYYY-MM-DD; equal to `from` for a single day. */
  to: string;
  /** Extra table cells, in the order of `detailLabels`. */
  details?: readonly string[];
}

/** Periods on a calendar, one bar per row (a "gantt" chart): what happens when. */
export interface TimelineChartProps extends ChartBaseProps {
  kind: 'timeline';
  /** Header of the first table column (what a row is, e.g. "Stap"). */
  rowLabel: string;
  /** Headers of the date columns, e.g. "Van" and "Tot en met". */
  fromLabel: string;
  toLabel: string;
  rows: readonly TimelineRow[];
  /** Headers of the extra table columns (the rows' `details`). */
  detailLabels?: readonly string[];
  /** Today (YYYY-MM-DD): the days before it are shaded and labelled `pastLabel`. */
  today?: string;
  pastLabel?: string;
  /** Shown in the table when there are no rows. */
  emptyText?: string;
}

export type ChartProps = CategoryChartProps | ScatterChartProps | TimelineChartProps;

// Our tokens (tokens.css) as values, since ECharts draws outside CSS.
const INK = '#1d2327';
const INK_MUTED = '#4a5560';
const AREA_FILL = { strong: '#e3eff1', soft: '#f4f6f7', plain: '#ffffff' } as const;
// Our palette: distinct hues that keep 3:1 contrast against white.
const PALETTE = ['#1f5f6b', '#a86f00', '#5b3f86', '#2f7d4a', '#b3261e', '#175e7a'];

/**
 * Where to draw points that share a spot: spread around it on a small circle, so each stays
 * visible. Returns drawing coordinates by point id; points alone on their spot stay put.
 */
export function spreadOverlaps(
  points: readonly { id: string; x: number; y: number }[],
  radius = 0.18,
): Map<string, [number, number]> {
  const bySpot = new Map<string, { id: string; x: number; y: number }[]>();
  for (const point of points) {
    const key = `${point.x}|${point.y}`;
    const list = bySpot.get(key) ?? [];
    list.push(point);
    bySpot.set(key, list);
  }
  const result = new Map<string, [number, number]>();
  for (const list of bySpot.values()) {
    list.forEach((point, index) => {
      if (list.length === 1) {
        result.set(point.id, [point.x, point.y]);
        return;
      }
      const angle = (2 * Math.PI * index) / list.length;
      result.set(point.id, [
        point.x + radius * Math.cos(angle),
        point.y + radius * Math.sin(angle),
      ]);
    });
  }
  return result;
}

function categoryOption(props: CategoryChartProps, format: (value: number) => string): ChartOption {
  const { kind = 'bar', categories, series } = props;
  return {
    color: PALETTE,
    animation: false,
    textStyle: { fontFamily: 'system-ui, sans-serif', color: INK },
    grid: { left: 8, right: 8, top: series.length > 1 ? 40 : 16, bottom: 8, containLabel: true },
    legend: series.length > 1 ? { top: 0, textStyle: { color: INK } } : { show: false },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? format(v) : '–') },
    xAxis: { type: 'category', data: [...categories], axisLabel: { color: INK_MUTED } },
    yAxis: { type: 'value', axisLabel: { color: INK_MUTED, formatter: (v: number) => format(v) } },
    series: series.map((s) =>
      kind === 'line'
        ? { type: 'line' as const, name: s.name, data: [...s.values] }
        : { type: 'bar' as const, name: s.name, data: [...s.values] },
    ),
  };
}

function scatterOption(props: ScatterChartProps, format: (value: number) => string): ChartOption {
  const { xAxis, yAxis, series, areas = [] } = props;
  const drawAt = spreadOverlaps(series.flatMap((s) => s.points));
  const integerLabel = (min: number, max: number) => (value: number) =>
    Number.isInteger(value) && value > min && value < max ? format(value) : '';
  const axis = (a: ScatterAxis) => ({
    type: 'value' as const,
    min: a.min,
    max: a.max,
    interval: 1,
    name: a.label,
    nameLocation: 'middle' as const,
    nameGap: 28,
    nameTextStyle: { color: INK, fontWeight: 'bold' as const },
    splitLine: { show: false },
    axisLabel: { color: INK_MUTED, formatter: integerLabel(a.min, a.max) },
  });
  return {
    color: PALETTE,
    animation: false,
    textStyle: { fontFamily: 'system-ui, sans-serif', color: INK },
    grid: { left: 40, right: 16, top: 40, bottom: 40 },
    legend: { top: 0, data: series.map((s) => s.name), textStyle: { color: INK } },
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const item = (Array.isArray(params) ? params[0] : params)?.data as
          | { name?: string; actual?: [number, number] }
          | undefined;
        if (!item?.actual) return '';
        // Text only (the tooltip is HTML): escape what people typed.
        const escape = (text: string) =>
          text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
        return `${escape(item.name ?? '')}<br>${escape(xAxis.label)}: ${format(item.actual[0])}<br>${escape(yAxis.label)}: ${format(item.actual[1])}`;
      },
    },
    xAxis: axis(xAxis),
    yAxis: axis(yAxis),
    labelLayout: { hideOverlap: true },
    series: [
      ...series.map((s) => ({
        type: 'scatter' as const,
        name: s.name,
        symbol: s.symbol,
        symbolSize: 14,
        ...(s.paletteIndex === undefined
          ? {}
          : { itemStyle: { color: PALETTE[s.paletteIndex % PALETTE.length] } }),
        label: { show: true, position: 'right' as const, formatter: '{b}', color: INK, fontSize: 12 },
        data: s.points.map((p) => ({
          name: p.label,
          value: drawAt.get(p.id) ?? [p.x, p.y],
          actual: [p.x, p.y] as [number, number],
        })),
      })),
      {
        // Carries the background areas only; not in the legend.
        type: 'scatter' as const,
        name: '',
        data: [],
        silent: true,
        markArea: {
          silent: true,
          label: { color: INK_MUTED, fontWeight: 'bold' as const },
          data: areas.map((area) => [
            {
              name: area.label,
              xAxis: area.x[0],
              yAxis: area.y[0],
              itemStyle: { color: AREA_FILL[area.tone ?? 'soft'] },
              label: { position: area.labelPosition },
            },
            { xAxis: area.x[1], yAxis: area.y[1] },
          ]),
        },
      },
    ],
  };
}

const DAY_MS = 86_400_000;
/** The average month (365.25 / 12 days). */
const MONTH_MS = 30.4375 * DAY_MS;

/** Midnight UTC of a YYYY-MM-DD day, in milliseconds (the timeline's x values). */
export function dayToMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/**
 * The bars of a timeline as two stacked series: an invisible one from the axis start to the
 * first day, and the visible one covering the days up to and including the last day.
 */
export function timelineBars(rows: readonly TimelineRow[]): {
  min: number;
  max: number;
  offsets: number[];
  lengths: number[];
} {
  const offsets = rows.map((row) => dayToMs(row.from));
  const ends = rows.map((row) => dayToMs(row.to) + DAY_MS);
  const lengths = ends.map((end, index) => Math.max(DAY_MS, end - (offsets[index] ?? end)));
  if (rows.length === 0) return { min: 0, max: DAY_MS, offsets, lengths };
  // Start on the first of the month of the earliest day, end after the last day.
  const first = new Date(Math.min(...offsets));
  const min = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1);
  return { min, max: Math.max(...ends), offsets, lengths };
}

function timelineOption(
  props: TimelineChartProps,
  formatDay: (ms: number) => string,
  formatAxisMonth: (ms: number) => string,
): ChartOption {
  const { rows, today, pastLabel } = props;
  const { min, max, offsets, lengths } = timelineBars(rows);
  const todayMs = today ? dayToMs(today) : Number.NaN;
  const shadePast = Number.isFinite(todayMs) && todayMs > min;
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return {
    color: PALETTE,
    animation: false,
    textStyle: { fontFamily: 'system-ui, sans-serif', color: INK },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    legend: { show: false },
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const row = rows[item?.dataIndex ?? -1];
        if (!row || item?.seriesIndex !== 1) return '';
        const from = formatDay(dayToMs(row.from));
        const to = formatDay(dayToMs(row.to));
        return `${escape(row.label)}<br>${escape(from === to ? from : `${from} – ${to}`)}`;
      },
    },
    xAxis: {
      type: 'value',
      min,
      max,
      // Ticks every month or quarter from the first of a month; a month is not a fixed number of
      // days, so a tick can be a day off the 1st and is labelled with the nearest month.
      interval: (max - min > 400 * DAY_MS ? 3 : 1) * MONTH_MS,
      axisLabel: { color: INK_MUTED, formatter: (value: number) => formatAxisMonth(value), hideOverlap: true },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => row.label),
      axisLabel: { color: INK, width: 220, overflow: 'break', lineHeight: 16 },
    },
    series: [
      {
        type: 'bar',
        stack: 'timeline',
        silent: true,
        itemStyle: { color: 'transparent' },
        tooltip: { show: false },
        data: offsets,
      },
      {
        type: 'bar',
        stack: 'timeline',
        name: props.title,
        barMaxWidth: 24,
        // A single day stays visible on an axis of two years.
        barMinHeight: 6,
        itemStyle: { color: PALETTE[0] },
        data: lengths,
        ...(shadePast
          ? {
              markArea: {
                silent: true,
                itemStyle: { color: AREA_FILL.soft },
                label: { color: INK_MUTED, position: 'insideTopLeft' as const },
                data: [[{ name: pastLabel ?? '', xAxis: min }, { xAxis: Math.min(todayMs, max) }]],
              },
            }
          : {}),
      },
    ],
  };
}

/**
 * One chart component for the whole app: an ECharts chart (loaded on demand) plus the same data
 * as a table. The table is always in the page for assistive technology; the button shows it
 * on screen too. The drawing itself is hidden from screen readers, because the table says it all.
 */
export function Chart(props: ChartProps) {
  const { title, description } = props;
  const { t, language, formatNumber, formatDate } = useI18n();
  const [tableShown, setTableShown] = useState(false);
  const [engineState, setEngineState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const canvasRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<ChartHandle | null>(null);
  const id = useId();
  const captionId = `${id}-caption`;
  const tableId = `${id}-table`;
  const format =
    props.kind !== 'scatter' && props.kind !== 'timeline' && props.formatValue
      ? props.formatValue
      : (value: number) => formatNumber(value);
  const formatDay = (ms: number) => formatDate(new Date(ms + DAY_MS / 2));
  const formatAxisMonth = (ms: number) => formatNearestMonth(language, ms);

  let option: ChartOption;
  // What the drawing depends on; the option is rebuilt from these inputs.
  let inputs: unknown[];
  if (props.kind === 'scatter') {
    option = scatterOption(props, format);
    inputs = [props.kind, props.series, props.areas, props.xAxis.label, props.yAxis.label];
  } else if (props.kind === 'timeline') {
    option = timelineOption(props, formatDay, formatAxisMonth);
    inputs = [props.kind, props.rows, props.today, props.pastLabel];
  } else {
    option = categoryOption(props, format);
    inputs = [props.kind, props.categories, props.series];
  }

  useEffect(() => {
    let cancelled = false;
    const element = canvasRef.current;
    if (!element) return;
    import('./chartEngine')
      .then(({ mountChart }) => {
        if (cancelled) return;
        if (handleRef.current) {
          handleRef.current.update(option);
        } else {
          handleRef.current = mountChart(element, option);
        }
        setEngineState('ready');
      })
      .catch(() => {
        if (!cancelled) setEngineState('failed');
      });
    return () => {
      cancelled = true;
    };
    // The rule cannot check a spread list: what the drawing depends on differs per kind of chart
    // (`inputs` above). `option` is a new object on every render, built from exactly those inputs
    // (and the formatters, which follow `language`), so it is left out on purpose.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the dependencies per kind are `inputs`
  }, [...inputs, language]);

  useEffect(
    () => () => {
      handleRef.current?.dispose();
      handleRef.current = null;
    },
    [],
  );

  return (
    <figure className="aantafel-chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="aantafel-chart__caption">
        {title}
      </figcaption>
      {description ? <Paragraph className="aantafel-chart__description">{description}</Paragraph> : null}
      <div
        ref={canvasRef}
        className={
          props.kind === 'scatter'
            ? 'aantafel-chart__canvas aantafel-chart__canvas--square'
            : props.kind === 'timeline'
              ? 'aantafel-chart__canvas aantafel-chart__canvas--timeline'
              : 'aantafel-chart__canvas'
        }
        aria-hidden="true"
      />
      {engineState === 'loading' ? (
        <Paragraph className="aantafel-chart__status">{t('chart.loading')}</Paragraph>
      ) : null}
      {engineState === 'failed' ? (
        <Paragraph className="aantafel-chart__status">{t('chart.failed')}</Paragraph>
      ) : null}
      <Button
        type="button"
        appearance="subtle-button"
        aria-expanded={tableShown}
        aria-controls={tableId}
        onClick={() => setTableShown((shown) => !shown)}
      >
        {tableShown ? t('chart.hideTable') : t('chart.showTable')}
      </Button>
      <div
        id={tableId}
        className={tableShown || engineState === 'failed' ? 'aantafel-chart__table' : 'aantafel-visually-hidden'}
      >
        {props.kind === 'scatter' ? (
          <ScatterTable {...props} format={format} />
        ) : props.kind === 'timeline' ? (
          <TimelineTable {...props} formatDay={formatDay} />
        ) : (
          <CategoryTable {...props} format={format} />
        )}
      </div>
    </figure>
  );
}

function CategoryTable({
  title,
  categoryLabel,
  categories,
  series,
  format,
}: CategoryChartProps & { format: (value: number) => string }) {
  const { t } = useI18n();
  return (
    <Table>
      <TableCaption>{title}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{categoryLabel}</TableHeaderCell>
          {series.map((s) => (
            <TableHeaderCell key={s.name} scope="col">
              {s.name}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {categories.map((category, row) => (
          <TableRow key={category}>
            <TableHeaderCell scope="row">{category}</TableHeaderCell>
            {series.map((s) => {
              const value = s.values[row];
              return (
                <TableCell key={s.name} className="aantafel-number">
                  {typeof value === 'number' ? format(value) : t('chart.noValue')}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function ScatterTable({
  title,
  pointLabel,
  xAxis,
  yAxis,
  series,
  detailLabels = [],
  emptyText,
  format,
}: ScatterChartProps & { format: (value: number) => string }) {
  return (
    <RowTable
      title={title}
      columns={[pointLabel, xAxis.label, yAxis.label]}
      detailLabels={detailLabels}
      numeric
      rows={series
        .flatMap((s) => s.points)
        .map((point) => ({ id: point.id, label: point.label, values: [format(point.x), format(point.y)], details: point.details }))}
      emptyText={emptyText}
    />
  );
}

/**
 * The table behind a scatter or timeline chart: one row per point or bar, named by its label,
 * two value columns (`numeric`: aligned right), then one column per `detailLabels`; `emptyText`
 * in a row of its own when there are no rows.
 */
function RowTable({
  title,
  columns,
  detailLabels,
  numeric = false,
  rows,
  emptyText,
}: {
  title: string;
  columns: readonly [string, string, string];
  detailLabels: readonly string[];
  numeric?: boolean;
  rows: readonly { id: string; label: string; values: readonly [ReactNode, ReactNode]; details?: readonly string[] | undefined }[];
  emptyText?: string | undefined;
}) {
  return (
    <Table>
      <TableCaption>{title}</TableCaption>
      <TableHeader>
        <TableRow>
          {[...columns, ...detailLabels].map((label) => (
            <TableHeaderCell key={label} scope="col">
              {label}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id}>
            <TableHeaderCell scope="row">{row.label}</TableHeaderCell>
            {row.values.map((value, index) => (
              <TableCell key={index} className={numeric ? 'aantafel-number' : undefined}>
                {value}
              </TableCell>
            ))}
            {detailLabels.map((label, index) => (
              <TableCell key={label}>{row.details?.[index] ?? ''}</TableCell>
            ))}
          </TableRow>
        ))}
        {rows.length === 0 && emptyText ? (
          <TableRow>
            <TableCell colSpan={columns.length + detailLabels.length}>{emptyText}</TableCell>
          </TableRow>
        ) : null}
      </TableBody>
    </Table>
  );
}

/** "okt 2026" (nl) / "Oct 2026" (en): the month whose first day is nearest to `ms`. */
export function formatNearestMonth(language: Language, ms: number): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(ms + 15 * DAY_MS));
}

function TimelineTable({
  title,
  rowLabel,
  fromLabel,
  toLabel,
  rows,
  detailLabels = [],
  emptyText,
  formatDay,
}: TimelineChartProps & { formatDay: (ms: number) => string }) {
  return (
    <RowTable
      title={title}
      columns={[rowLabel, fromLabel, toLabel]}
      detailLabels={detailLabels}
      rows={rows.map((row) => ({
        id: row.id,
        label: row.label,
        values: [
          <time dateTime={row.from}>{formatDay(dayToMs(row.from))}</time>,
          <time dateTime={row.to}>{formatDay(dayToMs(row.to))}</time>,
        ],
        details: row.details,
      }))}
      emptyText={emptyText}
    />
  );
}
