/**
 * Horizontal bar chart of the mean score per dimension (1–5), one bar per series (all partners,
 * then each organisation that may be shown). Plain SVG with role img, a title and a description;
 * the page shows the same figures in a table.
 */
import { useId } from 'react';
import { SCALE_MAX, SCALE_MIN, type DimensionRow } from './scans';

const INK = '#1d2327';
const MUTED = '#4a5560';
const GRID = '#c9ced3';
/** Series colours, each at least 3:1 against white. */
export const SERIES_COLOURS = ['#1f5f6b', '#b3541e', '#5b3f86', '#2e6b1e', '#8a1f4f', '#0b4f71'];

export interface DimensionChartProps {
  rows: readonly DimensionRow[];
  series: readonly string[];
  title: string;
  description: string;
  format: (value: number) => string;
  barLabel: (dimension: string, series: string, value: string) => string;
}

export function DimensionChart({ rows, series, title, description, format, barLabel }: DimensionChartProps) {
  const id = useId();
  const width = 760;
  const left = 260;
  const right = 56;
  const top = 40;
  const bar = 14;
  const gap = 3;
  const groupGap = 16;
  const groupHeight = series.length * (bar + gap) - gap;
  const axis = 30;
  const height = top + rows.length * (groupHeight + groupGap) + axis;
  const x = (value: number) => left + ((value - 0) / SCALE_MAX) * (width - left - right);
  const ticks = [0, 1, 2, 3, 4, 5].filter((t) => t >= 0 && t >= SCALE_MIN - 1);
  const valueOf = (row: DimensionRow, index: number): number | null =>
    index === 0 ? row.mean : (row.organisations.find((o) => o.organisation === series[index])?.mean ?? null);
  const wrap = (text: string) => (text.length > 34 ? `${text.slice(0, 33)}…` : text);
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="aantafel-scan-chart"
      fontFamily="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <rect x={0} y={0} width={width} height={height} fill="#ffffff" />
      {series.map((name, index) => (
        <g key={name}>
          <rect x={left + index * 170} y={10} width={14} height={14} fill={SERIES_COLOURS[index % SERIES_COLOURS.length]} />
          <text x={left + index * 170 + 20} y={22} fontSize={13} fill={INK}>
            {name.length > 20 ? `${name.slice(0, 19)}…` : name}
          </text>
        </g>
      ))}
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={top - 4} y2={height - axis} stroke={GRID} strokeWidth={1} />
          <text x={x(t)} y={height - axis + 18} textAnchor="middle" fontSize={12} fill={MUTED}>
            {t}
          </text>
        </g>
      ))}
      {rows.map((row, r) => {
        const y0 = top + r * (groupHeight + groupGap);
        return (
          <g key={row.id}>
            <text x={left - 10} y={y0 + groupHeight / 2 + 4} textAnchor="end" fontSize={13} fill={INK}>
              {wrap(row.title)}
            </text>
            {series.map((name, s) => {
              const value = valueOf(row, s);
              if (value === null) return null;
              const y = y0 + s * (bar + gap);
              const shown = format(value);
              return (
                <g key={name}>
                  <rect x={x(0)} y={y} width={Math.max(1, x(value) - x(0))} height={bar} fill={SERIES_COLOURS[s % SERIES_COLOURS.length]}>
                    <title>{barLabel(row.title, name, shown)}</title>
                  </rect>
                  <text x={x(value) + 4} y={y + bar - 3} fontSize={11} fill={INK}>
                    {shown}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
