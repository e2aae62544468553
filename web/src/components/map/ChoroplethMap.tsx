import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { Icon } from '../Icon';
import { byName, mapKeyAction } from './keyboard';
import { MAP_BACKGROUND, TONES, type MapTone } from './tones';
import { anchorOf } from './projection';
import { drawLayers, shapesOf, type MapTopology } from './topology';
import { useMapText } from './texts';
import './map.css';

/** What one area of the map shows: its class and its value in words, and where it leads. */
export interface MapAreaValue {
  name: string;
  tone: MapTone;
  /** The value in words, e.g. "geen aanbieder"; part of the area's accessible name. */
  value: string;
  /** App path opened by a click, Enter or Space (a link). */
  href: string;
  /** Extra cells of the area's table row, in the order of `detailHeaders`. */
  details?: readonly ReactNode[];
}

export interface MapLegendItem {
  tone: MapTone;
  label: string;
  /** How many areas have this class; shown after the label. */
  count?: number;
}

export interface ChoroplethMapProps {
  /** Names the map and its table. */
  title: string;
  /** Text above the map ("12 van de 14 wijken hebben …"). */
  summary?: ReactNode;
  /** The map data; undefined while it loads. */
  topology: MapTopology | undefined;
  /** Set when the map data could not be loaded: the table is shown instead. */
  topologyError?: unknown;
  /** The object of the topology whose areas carry values (e.g. "districts"). */
  layer: string;
  /** Objects drawn behind the areas, without meaning (e.g. all other municipalities). */
  context?: readonly string[];
  /** Objects drawn on top as thin lines only (e.g. province borders). */
  borders?: readonly string[];
  /** How `borders` look: thin dashed lines (default; provinces) or solid dark lines (districts over their neighbourhoods). */
  borderStyle?: 'dashed' | 'solid';
  /** What the `borders` are, as the legend's last entry (e.g. "Grens van een wijk"); none when not given. */
  bordersLabel?: string;
  /** The areas by code. Areas of `layer` without a value are drawn as background. */
  values: ReadonlyMap<string, MapAreaValue>;
  /** Fit the view to the areas with a value, not the whole layer. */
  fitToValues?: boolean;
  legend: readonly MapLegendItem[];
  /** Column headers of the table: the area, the value, extra columns. */
  areaHeader: string;
  valueHeader: string;
  detailHeaders?: readonly string[];
  /** The code of the chosen area (outlined, aria-current). */
  selected?: string | null;
  /** Write the areas' names on the map (for maps with few areas). */
  labels?: boolean;
  /** Used in ids and data-testid. */
  id: string;
}

type View = 'map' | 'table';

const NONE: readonly string[] = [];

/** A token usable inside url(#…) and as an id. */
function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '');
}

function isPlainLeftClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/**
 * The pattern fills, once per map (referenced by url(#…) from the areas and the legend). The map's
 * patterns are scaled by `scale` (SVG units per screen pixel), so their marks are the same size on
 * a phone as on a wide screen; the legend has its own, unscaled set.
 */
function PatternDefs({ prefix, scale }: { prefix: string; scale: number }) {
  const sets = [
    { id: prefix, transform: `scale(${scale.toFixed(3)})` },
    { id: `${prefix}-legend`, transform: undefined },
  ];
  return (
    <svg className="aantafel-choropleth__defs" aria-hidden="true" focusable="false" width="0" height="0">
      <defs>
        {sets.flatMap((set) =>
          (Object.keys(TONES) as MapTone[]).map((tone) => {
            const { fill, pattern } = TONES[tone];
            return (
              <pattern
                key={`${set.id}-${tone}`}
                id={`${set.id}-${tone}`}
                patternUnits="userSpaceOnUse"
                width="10"
                height="10"
                patternTransform={set.transform}
              >
                <rect width="10" height="10" fill={fill} />
                {pattern === 'stripes' ? (
                  <path d="M-2,2L2,-2M0,10L10,0M8,12L12,8" stroke={MAP_BACKGROUND} strokeWidth="2.2" />
                ) : null}
                {pattern === 'dots' ? <circle cx="5" cy="5" r="1.9" fill={MAP_BACKGROUND} /> : null}
                {pattern === 'cross' ? <path d="M0,5H10M5,0V10" stroke={MAP_BACKGROUND} strokeWidth="1.4" /> : null}
              </pattern>
            );
          }),
        )}
      </defs>
    </svg>
  );
}

/** A small square in a class's fill and pattern, for the legend. */
/** The tone's icon beside its words (decoration); an empty box of the same width when it has none. */
function ToneIcon({ tone }: { tone: MapTone }) {
  const icon = TONES[tone].icon;
  return (
    <span aria-hidden="true" className="aantafel-choropleth__icon">
      {icon ? <Icon icon={icon} strokeWidth={2.5} /> : null}
    </span>
  );
}

function Swatch({ prefix, tone }: { prefix: string; tone: MapTone }) {
  return (
    <svg className="aantafel-choropleth__swatch" aria-hidden="true" focusable="false" viewBox="0 0 20 20">
      <rect x="1" y="1" width="18" height="18" fill={`url(#${prefix}-legend-${tone})`} stroke="#1d2327" strokeWidth="1" />
    </svg>
  );
}

/**
 * A choropleth: one TopoJSON layer drawn as SVG, each area in the colour and pattern of its
 * class. Every area is a link with an accessible name ("Wijk 10 Binnenstad: geen aanbieder");
 * the map is one Tab stop and the arrow keys move between the areas (keyboard.ts), with a
 * visible focus ring drawn on top. A legend says each class in words; the same data is a table
 * ("Toon als: Kaart / Tabel"). Loaded on demand (see Map.tsx), with topojson-client.
 */
export function ChoroplethMap(props: ChoroplethMapProps) {
  const {
    title,
    summary,
    topology,
    topologyError,
    layer,
    context = NONE,
    borders = NONE,
    borderStyle = 'dashed',
    bordersLabel,
    values,
    fitToValues = false,
    legend,
    areaHeader,
    valueHeader,
    detailHeaders = NONE,
    selected = null,
    labels = false,
    id,
  } = props;
  const mx = useMapText();
  const navigate = useNavigate();
  const prefix = `${safeId(id)}-${safeId(useId())}`;
  const captionId = `${prefix}-caption`;
  const keyboardId = `${prefix}-keys`;
  const [chosenView, setView] = useState<View>('map');
  const view: View = topologyError ? 'table' : chosenView;
  const [focused, setFocused] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>(null);
  // React types <a> as HTML; inside <svg> it is an SVGAElement, which has focus() too.
  const refs = useRef(new Map<string, HTMLAnchorElement>());
  const svgRef = useRef<SVGSVGElement>(null);
  // SVG units per screen pixel, so patterns and labels keep their size on any screen.
  const [unitsPerPixel, setUnitsPerPixel] = useState(1);

  const drawing = useMemo(() => {
    if (!topology) return null;
    const shapes = shapesOf(topology, layer);
    const withValue = shapes.filter((s) => values.has(s.code));
    const background = [
      ...context.flatMap((name) => shapesOf(topology, name)),
      ...shapes.filter((s) => !values.has(s.code)),
    ];
    const lines = borders.flatMap((name) => shapesOf(topology, name));
    const drawn = drawLayers([withValue, background, lines], {
      fitTo: fitToValues ? withValue : shapes,
      margin: fitToValues ? 0.15 : 0,
      minSpan: fitToValues ? 0.25 : 0,
    });
    if (!drawn) return null;
    const anchors = new Map<string, [number, number]>();
    for (const shape of withValue) {
      const anchor = anchorOf(shape.geometry);
      if (anchor) anchors.set(shape.code, drawn.projection.project(anchor));
    }
    return { ...drawn, anchors };
  }, [topology, layer, context, borders, values, fitToValues]);

  const drawingWidth = drawing?.projection.width ?? 0;
  useEffect(() => {
    const element = svgRef.current;
    if (!element || !drawingWidth || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const width = element.getBoundingClientRect().width;
      if (width > 0) setUnitsPerPixel(drawingWidth / width);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [drawingWidth, view]);

  // Areas in the order of the table: by name.
  const rows = useMemo(
    () => [...values.entries()].map(([code, value]) => ({ code, ...value })).sort(byName),
    [values],
  );
  const areaPaths = new Map((drawing?.layers[0] ?? []).map((s) => [s.code, s.d]));
  const onMap = rows.filter((r) => areaPaths.has(r.code));
  const notOnMap = topology ? rows.filter((r) => !areaPaths.has(r.code)) : [];
  const tabStop = onMap.some((r) => r.code === active)
    ? active
    : onMap.some((r) => r.code === selected)
      ? selected
      : (onMap[0]?.code ?? null);
  const shown = focused ?? hovered;
  const shownRow = shown ? values.get(shown) : undefined;

  function open(href: string) {
    navigate(href);
  }

  function onKeyDown(event: KeyboardEvent<Element>, index: number) {
    const action = mapKeyAction(event.key, index, onMap.length);
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'activate') {
      const row = onMap[index];
      if (row) open(row.href);
      return;
    }
    const next = onMap[action.index];
    if (!next) return;
    setActive(next.code);
    refs.current.get(next.code)?.focus();
  }

  const mapLabel = (row: { name: string; value: string }) => mx('areaLabel', { name: row.name, value: row.value });

  return (
    <figure className="aantafel-choropleth" aria-labelledby={captionId} data-testid={`map-${id}`}>
      <figcaption id={captionId} className="aantafel-choropleth__caption">
        {title}
      </figcaption>
      {summary ? <div className="aantafel-choropleth__summary">{summary}</div> : null}
      <PatternDefs prefix={prefix} scale={unitsPerPixel} />
      <div className="aantafel-choropleth__bar">
        <div role="group" aria-label={mx('view.label')} className="aantafel-choropleth__views">
          <span aria-hidden="true" className="aantafel-choropleth__views-label">
            {mx('view.label')}
          </span>
          {(['map', 'table'] as const).map((v) => (
            <Button
              key={v}
              type="button"
              appearance={view === v ? 'primary-action-button' : 'secondary-action-button'}
              aria-pressed={view === v}
              disabled={v === 'map' && Boolean(topologyError)}
              onClick={() => setView(v)}
            >
              {mx(v === 'map' ? 'view.map' : 'view.table')}
            </Button>
          ))}
        </div>
      </div>
      <div className="aantafel-choropleth__legend">
        <p className="aantafel-choropleth__legend-title" id={`${prefix}-legend`}>
          {mx('legend')}
        </p>
        <ul aria-labelledby={`${prefix}-legend`}>
          {legend.map((item) => (
            <li key={`${item.tone}-${item.label}`} data-tone={item.tone}>
              <Swatch prefix={prefix} tone={item.tone} />
              <ToneIcon tone={item.tone} />
              <span>
                {item.count === undefined ? item.label : mx('legendCount', { label: item.label, count: item.count })}
              </span>
            </li>
          ))}
          {bordersLabel && borders.length > 0 ? (
            <li data-border={borderStyle}>
              <svg className="aantafel-choropleth__swatch" aria-hidden="true" focusable="false" viewBox="0 0 20 20">
                <path
                  d="M1,10H19"
                  className={`aantafel-choropleth__line${borderStyle === 'solid' ? ' aantafel-choropleth__line--solid' : ''}`}
                />
              </svg>
              <span aria-hidden="true" className="aantafel-choropleth__icon" />
              <span>{bordersLabel}</span>
            </li>
          ) : null}
        </ul>
      </div>
      {view === 'map' ? (
        <div className="aantafel-choropleth__map">
          <Paragraph id={keyboardId} className="aantafel-choropleth__keys">
            {mx('keyboard')}
          </Paragraph>
          {topologyError ? <Paragraph>{mx('failed')}</Paragraph> : null}
          {!topology && !topologyError ? (
            <p role="status" className="aantafel-loading">
              {mx('loading')}
            </p>
          ) : null}
          {drawing ? (
            <>
              <p className="aantafel-choropleth__info" aria-hidden="true" data-testid={`map-${id}-info`}>
                {shownRow ? mapLabel(shownRow) : mx('hint')}
              </p>
              <svg
                ref={svgRef}
                className="aantafel-choropleth__svg"
                viewBox={`0 0 ${drawing.projection.width} ${drawing.projection.height}`}
                preserveAspectRatio="xMidYMid meet"
                role="group"
                aria-labelledby={captionId}
                aria-describedby={keyboardId}
                onMouseLeave={() => setHovered(null)}
              >
                <g aria-hidden="true" className="aantafel-choropleth__context">
                  {drawing.layers[1]?.map((s, i) => <path key={`${s.code}-${i}`} d={s.d} />)}
                </g>
                <g className="aantafel-choropleth__areas">
                  {onMap.map((row, index) => (
                    <a
                      key={row.code}
                      href={row.href}
                      ref={(element) => {
                        if (element) refs.current.set(row.code, element);
                        else refs.current.delete(row.code);
                      }}
                      className="aantafel-choropleth__area"
                      tabIndex={row.code === tabStop ? 0 : -1}
                      aria-label={mapLabel(row)}
                      aria-current={row.code === selected ? 'true' : undefined}
                      data-code={row.code}
                      data-tone={row.tone}
                      onFocus={() => {
                        setFocused(row.code);
                        setActive(row.code);
                      }}
                      onBlur={() => setFocused((f) => (f === row.code ? null : f))}
                      onMouseEnter={() => setHovered(row.code)}
                      onKeyDown={(event) => onKeyDown(event, index)}
                      onClick={(event) => {
                        if (!isPlainLeftClick(event)) return;
                        event.preventDefault();
                        open(row.href);
                      }}
                    >
                      <path d={areaPaths.get(row.code)} fill={`url(#${prefix}-${row.tone})`} />
                    </a>
                  ))}
                </g>
                {labels ? (
                  <g aria-hidden="true" className="aantafel-choropleth__labels" fontSize={(14 * unitsPerPixel).toFixed(1)}>
                    {onMap.map((row) => {
                      const at = drawing.anchors.get(row.code);
                      return at ? (
                        <text key={row.code} x={at[0].toFixed(1)} y={at[1].toFixed(1)} textAnchor="middle" dominantBaseline="middle">
                          {row.name}
                        </text>
                      ) : null;
                    })}
                  </g>
                ) : null}
                <g
                  aria-hidden="true"
                  className={`aantafel-choropleth__borders${borderStyle === 'solid' ? ' aantafel-choropleth__borders--solid' : ''}`}
                >
                  {drawing.layers[2]?.map((s, i) => <path key={`${s.code}-${i}`} d={s.d} />)}
                </g>
                {selected && areaPaths.has(selected) ? (
                  <path aria-hidden="true" className="aantafel-choropleth__selected" d={areaPaths.get(selected)} />
                ) : null}
                {shown && areaPaths.has(shown) ? (
                  <g aria-hidden="true" className={focused ? 'aantafel-choropleth__focus' : 'aantafel-choropleth__hover'}>
                    <path className="aantafel-choropleth__ring-halo" d={areaPaths.get(shown)} />
                    <path className="aantafel-choropleth__ring" d={areaPaths.get(shown)} />
                  </g>
                ) : null}
              </svg>
            </>
          ) : null}
          {notOnMap.length > 0 ? (
            <Paragraph className="aantafel-meta">
              {mx('notOnMap', { names: notOnMap.map((r) => r.name).join(', ') })}
            </Paragraph>
          ) : null}
        </div>
      ) : (
        <div className="aantafel-table-scroll" role="region" aria-labelledby={`${prefix}-table-caption`} tabIndex={0}>
          <table className="utrecht-table aantafel-table" data-testid={`map-${id}-table`}>
            <caption className="utrecht-table__caption" id={`${prefix}-table-caption`}>
              {title}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  {areaHeader}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {valueHeader}
                </th>
                {detailHeaders.map((h) => (
                  <th key={h} scope="col" className="utrecht-table__header-cell">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((row) => (
                <tr key={row.code} className="utrecht-table__row" aria-current={row.code === selected ? 'true' : undefined}>
                  <th scope="row" className="utrecht-table__header-cell">
                    <Link to={row.href} className="utrecht-link utrecht-link--html-a">
                      {row.name}
                    </Link>
                  </th>
                  <td className="utrecht-table__cell" data-tone={row.tone}>
                    <ToneIcon tone={row.tone} />{' '}
                    {row.value}
                  </td>
                  {detailHeaders.map((h, i) => (
                    <td key={h} className="utrecht-table__cell">
                      {row.details?.[i] ?? ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="aantafel-choropleth__attribution">{mx('attribution', { year: topology?.year ?? 2025 })}</p>
    </figure>
  );
}
