/**
 * The charts of "Bekostiging", drawn as plain SVG. Colours and fonts are attributes, not CSS,
 * so the same SVG can be drawn onto a canvas for the PNG download.
 */
import { forwardRef, useId } from 'react';
import type { FinancingDistribution } from '../../api/types';
import { chartDomain, niceTicks } from './financing';

const INK = '#1b1b1b';
const MUTED = '#545b62';
const GRID = '#c9ced3';
const BAND = '#3f6fb0';
const LOSS = '#b3261e';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

export interface ComparisonRow {
  name: string;
  distribution: FinancingDistribution;
}

/**
 * A horizontal P5–P95 band with a tick at the median, one row per variant, on one axis.
 * Role img with a title and a description; the page shows the same figures in a table.
 */
export const ComparisonChart = forwardRef<
  SVGSVGElement,
  {
    rows: readonly ComparisonRow[];
    title: string;
    description: string;
    format: (value: number) => string;
    /** The axis labels' formatter for these ticks (one scale per axis: "€ 100.000", "€ 1,5 mln"). */
    axisFormat: (ticks: readonly number[]) => (value: number) => string;
  }
>(function ComparisonChart({ rows, title, description, format, axisFormat }, ref) {
  const id = useId();
  const width = 720;
  const left = 160;
  const right = 24;
  const rowHeight = 44;
  const top = 44;
  const axis = 36;
  const height = top + rows.length * rowHeight + axis;
  const [lo, hi] = chartDomain(rows.map((r) => r.distribution));
  const x = (value: number) => left + ((value - lo) / (hi - lo)) * (width - left - right);
  const ticks = niceTicks(lo, hi, 5);
  const tickLabel = axisFormat(ticks);
  const clamp = (value: number) => Math.min(width - right, Math.max(left, x(value)));
  return (
    <svg
      ref={ref}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="aantafel-financing-chart"
      fontFamily={FONT}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <rect x={0} y={0} width={width} height={height} fill="#ffffff" />
      <text x={8} y={22} fontSize={15} fontWeight="bold" fill={INK}>
        {title}
      </text>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={top - 6} y2={height - axis} stroke={t === 0 ? MUTED : GRID} strokeWidth={t === 0 ? 1.5 : 1} strokeDasharray={t === 0 ? '4 3' : undefined} />
          <text x={x(t)} y={height - axis + 18} textAnchor="middle" fontSize={12} fill={MUTED}>
            {tickLabel(t)}
          </text>
        </g>
      ))}
      {rows.map((row, index) => {
        const y = top + index * rowHeight + rowHeight / 2;
        const d = row.distribution;
        const x5 = clamp(d.p5);
        const x95 = clamp(d.p95);
        const x50 = clamp(d.p50);
        return (
          <g key={`${row.name}-${index}`}>
            <text x={left - 10} y={y + 4} textAnchor="end" fontSize={14} fill={INK}>
              {row.name.length > 20 ? `${row.name.slice(0, 19)}…` : row.name}
            </text>
            <rect x={x5} y={y - 9} width={Math.max(2, x95 - x5)} height={18} rx={3} fill={BAND} />
            <line x1={x50} x2={x50} y1={y - 14} y2={y + 14} stroke={INK} strokeWidth={3} />
            <title>{`${row.name}: P5 ${format(d.p5)}, P50 ${format(d.p50)}, P95 ${format(d.p95)}`}</title>
          </g>
        );
      })}
    </svg>
  );
});

/**
 * The margin's histogram for one variant (the summary's 30 bins). Bins below zero (a loss) are
 * red and hatched by a dashed zero line; the description says the same in words.
 */
export function Histogram({
  distribution,
  title,
  description,
  axisFormat,
}: {
  distribution: FinancingDistribution;
  title: string;
  description: string;
  axisFormat: (ticks: readonly number[]) => (value: number) => string;
}) {
  const id = useId();
  const width = 340;
  const height = 180;
  const left = 12;
  const right = 12;
  const top = 10;
  const bottom = 34;
  const { lo, hi, counts } = distribution.histogram;
  const n = counts.length;
  const max = Math.max(1, ...counts);
  const span = hi - lo || 1;
  const x = (value: number) => left + ((value - lo) / span) * (width - left - right);
  const barWidth = (width - left - right) / Math.max(1, n);
  const ticks = niceTicks(lo, hi, 4).filter((t) => t >= lo && t <= hi);
  const tickLabel = axisFormat(ticks);
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="aantafel-financing-histogram"
      fontFamily={FONT}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {counts.map((count, i) => {
        const binLo = lo + (span * i) / n;
        const binHi = lo + (span * (i + 1)) / n;
        const h = (count / max) * (height - top - bottom);
        const loss = (binLo + binHi) / 2 < 0;
        return (
          <rect
            key={i}
            x={left + i * barWidth + 0.5}
            y={height - bottom - h}
            width={Math.max(0.5, barWidth - 1)}
            height={h}
            fill={loss ? LOSS : BAND}
          />
        );
      })}
      <line x1={left} x2={width - right} y1={height - bottom} y2={height - bottom} stroke={MUTED} />
      {lo < 0 && hi > 0 ? (
        <line x1={x(0)} x2={x(0)} y1={top} y2={height - bottom} stroke={INK} strokeWidth={1.5} strokeDasharray="4 3" />
      ) : null}
      {ticks.map((t) => (
        <text key={t} x={x(t)} y={height - bottom + 18} textAnchor="middle" fontSize={11} fill={MUTED}>
          {tickLabel(t)}
        </text>
      ))}
    </svg>
  );
}

/** Draws an SVG element onto a canvas (white background, `scale`× size) and returns a PNG. */
export function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const width = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width || 720;
  const height = Number(svg.getAttribute('height')) || svg.viewBox.baseVal.height || 300;
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const text = new XMLSerializer().serializeToString(clone);
  // A data: URL, because the page's Content-Security-Policy allows images from 'self' and data: only.
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const context = canvas.getContext('2d');
      if (!context) return reject(new Error('no 2d canvas'));
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob gave nothing'))), 'image/png');
    };
    image.onerror = () => reject(new Error('the chart could not be drawn'));
    image.src = url;
  });
}

/** Offers `blob` as a download named `filename`. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
