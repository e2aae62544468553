import { useEffect, useId, useRef, useState } from 'react';
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
import type { ChartHandle, ChartOption } from './chartEngine';

export interface ChartSeries {
  name: string;
  /** One value per category; null when there is no value. */
  values: readonly (number | null)[];
}

export interface ChartProps {
  /** Names the chart and its table (figure caption and table caption). */
  title: string;
  description?: string;
  kind?: 'bar' | 'line';
  /** Header of the category column in the table, e.g. "Maand". */
  categoryLabel: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** Formats values for the table and tooltips; defaults to the UI language's number format. */
  formatValue?: (value: number) => string;
}

// Our tokens (tokens.css) as values, since ECharts draws outside CSS.
const INK = '#1d2327';
const INK_MUTED = '#4a5560';
// Our palette: distinct hues that keep 3:1 contrast against white.
const PALETTE = ['#1f5f6b', '#a86f00', '#5b3f86', '#2f7d4a', '#b3261e', '#175e7a'];

/**
 * One chart component for the whole app: an ECharts chart (loaded on demand) plus the same data
 * as a table. The table is always in the page for assistive technology; the button shows it
 * on screen too. The drawing itself is hidden from screen readers, because the table says it all.
 */
export function Chart({
  title,
  description,
  kind = 'bar',
  categoryLabel,
  categories,
  series,
  formatValue,
}: ChartProps) {
  const { t, language, formatNumber } = useI18n();
  const [tableShown, setTableShown] = useState(false);
  const [engineState, setEngineState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const canvasRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<ChartHandle | null>(null);
  const id = useId();
  const captionId = `${id}-caption`;
  const tableId = `${id}-table`;
  const format = formatValue ?? ((value: number) => formatNumber(value));

  const option: ChartOption = {
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
    // The option is rebuilt from these inputs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, categories, series, language]);

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
      <div ref={canvasRef} className="aantafel-chart__canvas" aria-hidden="true" />
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
      </div>
    </figure>
  );
}
