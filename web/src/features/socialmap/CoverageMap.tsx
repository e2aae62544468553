import { useMemo } from 'react';
import { Paragraph } from '@utrecht/component-library-react';
import type { Coverage, ServiceDomain } from '../../api/types';
import { MapFigure, type MapAreaValue, type MapTopology } from '../../components/map/Map';
import { countByState, districtCoverage, STATE_TONE, type DistrictCoverage, type DistrictRef } from './coverageMap';
import { useCoverageMapText, type CoverageMapText } from './coverageMapTexts';

/** "geen aanbieder" / "één aanbieder" / "3 aanbieders". */
export function districtValue(ct: CoverageMapText, district: Pick<DistrictCoverage, 'state' | 'count'>): string {
  if (district.state === 'gap') return ct('value.gap');
  if (district.state === 'single') return ct('value.single');
  return ct('value.covered', { count: district.count });
}

/** The sentences above the map: "In 4 van de 16 wijken is geen aanbieder. …". */
export function coverageSummary(ct: CoverageMapText, districts: readonly DistrictCoverage[]): string[] {
  const total = districts.length;
  if (total === 0) return [ct('summary.none')];
  const counts = countByState(districts);
  const sentences = [
    counts.gap === 0
      ? ct('summary.noGap', { total })
      : counts.gap === 1
        ? ct('summary.gap1', { total })
        : ct('summary.gap', { count: counts.gap, total }),
  ];
  if (counts.single > 0) sentences.push(counts.single === 1 ? ct('summary.single1') : ct('summary.single', { count: counts.single }));
  if (counts.covered > 0) sentences.push(counts.covered === 1 ? ct('summary.covered1') : ct('summary.covered', { count: counts.covered }));
  if (districts.some((d) => d.basis === 'neighbourhood')) sentences.push(ct('summary.neighbourhoods'));
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
  topology: MapTopology | undefined;
  topologyError?: unknown;
  /** Provider names by organisation id. */
  providerNames: ReadonlyMap<number, string>;
  /** Where a district leads (click, Enter, Space). */
  hrefFor: (code: string) => string;
  selected?: string | null;
  /** Names the kinds of help; when given, the table has a column of kinds of help without a provider. */
  domainLabel?: (domain: ServiceDomain) => string;
}

/**
 * The coverage of a municipality per district as a choropleth: no provider / one / two or more
 * (for all kinds of help, or the chosen one), with the sentences above it, a legend and a table.
 */
export function CoverageMap(props: CoverageMapProps) {
  const { id, coverage, districts, municipalityName, domainName, topology, topologyError, providerNames, hrefFor, selected, domainLabel } = props;
  const ct = useCoverageMapText();
  // The caller makes a new Map on each render; its content decides.
  const namesKey = [...providerNames].map(([k, v]) => `${k}=${v}`).join('|');
  const rows = useMemo(
    () => districtCoverage(coverage, districts, (pid) => providerNames.get(pid)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [coverage, districts, namesKey],
  );
  const counts = countByState(rows);
  const values = useMemo(
    () =>
      new Map<string, MapAreaValue>(
        rows.map((d) => [
          d.code,
          {
            name: d.name,
            tone: STATE_TONE[d.state],
            value: districtValue(ct, d),
            href: hrefFor(d.code),
            details: [
              d.providers.length > 0 ? d.providers.map((p) => p.name).join(', ') : ct('none'),
              ...(domainLabel ? [d.gapDomains.length > 0 ? d.gapDomains.map(domainLabel).join(', ') : ct('none')] : []),
            ],
          },
        ]),
      ),
    // hrefFor and domainLabel are recreated by the caller on each render; rows and ct name the content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, ct],
  );
  const title = domainName
    ? ct('titleDomain', { domain: domainName, municipality: municipalityName })
    : ct('title', { municipality: municipalityName });
  return (
    <MapFigure
      id={id}
      title={title}
      summary={
        <Paragraph data-testid={`${id}-summary`}>
          {coverageSummary(ct, rows).join(' ')}
        </Paragraph>
      }
      topology={topology}
      topologyError={topologyError}
      layer="districts"
      values={values}
      legend={[
        { tone: STATE_TONE.gap, label: ct('legend.gap'), count: counts.gap },
        { tone: STATE_TONE.single, label: ct('legend.single'), count: counts.single },
        { tone: STATE_TONE.covered, label: ct('legend.covered'), count: counts.covered },
      ]}
      areaHeader={ct('header.district')}
      valueHeader={ct('header.value')}
      detailHeaders={[ct('header.providers'), ...(domainLabel ? [ct('header.gaps')] : [])]}
      selected={selected ?? null}
    />
  );
}
