import { useMemo, useState } from 'react';
import { Paragraph } from '@utrecht/component-library-react';
import type { Coverage, ServiceDomain } from '../../api/types';
import { MapFigure, type MapAreaValue, type MapTopology } from '../../components/map/Map';
import { NEIGHBOURHOODS, objectAreas } from '../../components/map/objects';
import { RadioGroupField } from '../../components/RadioGroupField';
import {
  countByState,
  districtCoverage,
  districtOf,
  neighbourhoodCoverage,
  STATE_TONE,
  type DistrictCoverage,
  type DistrictRef,
  type NeighbourhoodCoverage,
} from './coverageMap';
import { useCoverageMapText, type CoverageMapText } from './coverageMapTexts';
import { areaKind } from './socialmap';

/** "geen aanbieder" / "één aanbieder" / "3 aanbieders". */
export function districtValue(ct: CoverageMapText, district: Pick<DistrictCoverage, 'state' | 'count'>): string {
  if (district.state === 'gap') return ct('value.gap');
  if (district.state === 'single') return ct('value.single');
  return ct('value.covered', { count: district.count });
}

/** What the coverage map shows: one area per district or per neighbourhood. */
export type CoverageLevel = 'districts' | 'neighbourhoods';

type SummaryPart = 'gap' | 'gap1' | 'single' | 'single1' | 'covered' | 'covered1' | 'noGap' | 'none';

/** The sentences above the map: "In 4 van de 16 wijken is geen aanbieder. …" (or "… buurten …"). */
export function coverageSummary(
  ct: CoverageMapText,
  areas: readonly Pick<DistrictCoverage | NeighbourhoodCoverage, 'state' | 'basis'>[],
  level: CoverageLevel = 'districts',
): string[] {
  const say = (part: SummaryPart, vars?: Record<string, number>) =>
    ct(level === 'districts' ? `summary.${part}` : `hoods.summary.${part}`, vars);
  const total = areas.length;
  if (total === 0) return [say('none')];
  const counts = countByState(areas);
  const sentences = [
    counts.gap === 0 ? say('noGap', { total }) : counts.gap === 1 ? say('gap1', { total }) : say('gap', { count: counts.gap, total }),
  ];
  if (counts.single > 0) sentences.push(counts.single === 1 ? say('single1') : say('single', { count: counts.single }));
  if (counts.covered > 0) sentences.push(counts.covered === 1 ? say('covered1') : say('covered', { count: counts.covered }));
  if (level === 'districts' && areas.some((d) => d.basis === 'neighbourhood')) sentences.push(ct('summary.neighbourhoods'));
  if (level === 'neighbourhoods' && areas.some((d) => d.basis === 'district')) sentences.push(ct('hoods.summary.fromDistrict'));
  return sentences;
}

export interface CoverageMapProps {
  id: string;
  coverage: Coverage;
  /** The districts of the register (names), from GET /municipalities/{code}. */
  districts: readonly DistrictRef[];
  municipalityName: string;
  /** The chosen kind of help, when the coverage is for one. */
  domainName?: string;
  /** The municipality's map; when it has neighbourhoods, the map offers "Wijken" / "Buurten". */
  topology: MapTopology | undefined;
  topologyError?: unknown;
  /** Provider names by organisation id. Keep it stable (useMemo): a new one projects the map again. */
  providerNames: ReadonlyMap<number, string>;
  /** Where a district or neighbourhood leads (click, Enter, Space). Stable too (useCallback). */
  hrefFor: (code: string) => string;
  /** The chosen district or neighbourhood. */
  selected?: string | null;
  /**
   * Names the kinds of help; when given, the table has a column of kinds of help without a
   * provider. Stable too (useCallback).
   */
  domainLabel?: (domain: ServiceDomain) => string;
}

const DISTRICT_BORDERS = ['districts'] as const;

/**
 * The coverage of a municipality per district as a choropleth: no provider / one / two or more
 * (for all kinds of help, or the chosen one), with the sentences above it, a legend and a table.
 * When the municipality's map has neighbourhoods (after `aantafel import boundaries`), a choice
 * "Toon het aanbod in: Wijken / Buurten" comes first; "Buurten" shows each neighbourhood in the
 * class of its own row (neighbourhoodCoverage), with the districts' borders drawn over it. It
 * starts at "Buurten", unless a district is the chosen area.
 */
export function CoverageMap(props: CoverageMapProps) {
  const { id, coverage, districts, municipalityName, domainName, topology, topologyError, providerNames, hrefFor, selected, domainLabel } = props;
  const ct = useCoverageMapText();
  const neighbourhoods = useMemo(() => objectAreas(topology, NEIGHBOURHOODS), [topology]);
  const [chosenLevel, setLevel] = useState<CoverageLevel>(() =>
    selected && areaKind(selected) === 'district' ? 'districts' : 'neighbourhoods',
  );
  const level: CoverageLevel = neighbourhoods.length > 0 ? chosenLevel : 'districts';
  const districtRows = useMemo(
    () => districtCoverage(coverage, districts, (pid) => providerNames.get(pid)),
    [coverage, districts, providerNames],
  );
  const neighbourhoodRows = useMemo(
    () => (level === 'neighbourhoods' ? neighbourhoodCoverage(coverage, neighbourhoods, (pid) => providerNames.get(pid)) : []),
    [level, coverage, neighbourhoods, providerNames],
  );
  const rows = level === 'districts' ? districtRows : neighbourhoodRows;
  const counts = countByState(rows);
  const values = useMemo(() => {
    const districtNames = new Map(districtRows.map((d) => [d.code, d.name]));
    const providersCell = (d: DistrictCoverage | NeighbourhoodCoverage) =>
      d.providers.length > 0 ? d.providers.map((p) => p.name).join(', ') : ct('none');
    const gapsCell = (d: DistrictCoverage | NeighbourhoodCoverage) =>
      domainLabel ? [d.gapDomains.length > 0 ? d.gapDomains.map(domainLabel).join(', ') : ct('none')] : [];
    const value = (d: DistrictCoverage | NeighbourhoodCoverage, details: string[]): [string, MapAreaValue] => [
      d.code,
      { name: d.name, tone: STATE_TONE[d.state], value: districtValue(ct, d), href: hrefFor(d.code), details },
    ];
    return new Map<string, MapAreaValue>(
      level === 'districts'
        ? districtRows.map((d) => value(d, [providersCell(d), ...gapsCell(d)]))
        : neighbourhoodRows.map((n) => value(n, [districtNames.get(n.district) ?? n.district, providersCell(n), ...gapsCell(n)])),
    );
  }, [level, districtRows, neighbourhoodRows, ct, hrefFor, domainLabel]);
  const byNeighbourhood = level === 'neighbourhoods';
  const title = byNeighbourhood
    ? domainName
      ? ct('titleHoodsDomain', { domain: domainName, municipality: municipalityName })
      : ct('titleHoods', { municipality: municipalityName })
    : domainName
      ? ct('titleDomain', { domain: domainName, municipality: municipalityName })
      : ct('title', { municipality: municipalityName });
  // On the map of districts, a chosen neighbourhood shows as its district.
  const shownSelected =
    !byNeighbourhood && selected && areaKind(selected) === 'neighbourhood' ? districtOf(selected) : (selected ?? null);
  return (
    <>
      {neighbourhoods.length > 0 ? (
        <RadioGroupField
          legend={ct('level')}
          name={`${id}-level`}
          inline
          options={[
            { value: 'districts', label: ct('level.districts') },
            { value: 'neighbourhoods', label: ct('level.neighbourhoods') },
          ]}
          value={level}
          onChange={(value) => setLevel(value === 'districts' ? 'districts' : 'neighbourhoods')}
        />
      ) : null}
      <MapFigure
        id={id}
        title={title}
        summary={
          <Paragraph data-testid={`${id}-summary`}>
            {coverageSummary(ct, rows, level).join(' ')}
          </Paragraph>
        }
        topology={topology}
        topologyError={topologyError}
        layer={byNeighbourhood ? NEIGHBOURHOODS : 'districts'}
        borders={byNeighbourhood ? DISTRICT_BORDERS : undefined}
        borderStyle="solid"
        bordersLabel={ct('legend.districtBorder')}
        values={values}
        legend={[
          { tone: STATE_TONE.gap, label: ct('legend.gap'), count: counts.gap },
          { tone: STATE_TONE.single, label: ct('legend.single'), count: counts.single },
          { tone: STATE_TONE.covered, label: ct('legend.covered'), count: counts.covered },
        ]}
        areaHeader={ct(byNeighbourhood ? 'header.neighbourhood' : 'header.district')}
        valueHeader={ct('header.value')}
        detailHeaders={[
          ...(byNeighbourhood ? [ct('header.inDistrict')] : []),
          ct('header.providers'),
          ...(domainLabel ? [ct('header.gaps')] : []),
        ]}
        selected={shownSelected}
      />
    </>
  );
}
