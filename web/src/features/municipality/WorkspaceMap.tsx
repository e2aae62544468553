import { useMemo, useState } from 'react';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import type { Organisation } from '../../api/types';
import { listUpcoming } from '../../api/generated/calendar';
import { getRelationshipHealth } from '../../api/generated/relations';
import { getMunicipalityMap } from '../../components/map/mapApi';
import { MapFigure, type MapAreaValue, type MapLegendItem } from '../../components/map/Map';
import { RadioGroupField } from '../../components/RadioGroupField';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { localDay } from '../overview/overview';
import { todayIso } from '../whoiswho/lists';
import { municipalityPagePath } from './links';
import {
  countClasses,
  HEALTH_TONE,
  UPCOMING_DAYS,
  WINDOW_TONE,
  windowOfMunicipality,
  type HealthClass,
  type MapColouring,
  type WindowClass,
} from './workspaceMap';
import { useWorkspaceMapText, type WorkspaceMapText } from './workspaceMapTexts';

const HEALTH_CLASSES: readonly HealthClass[] = ['action', 'attention', 'good', 'unknown'];
const WINDOW_CLASSES: readonly WindowClass[] = ['open', 'soon', 'none'];

interface HealthOf {
  status: HealthClass;
  reasons: string[];
}

/** "U werkt met 3 gemeenten. Bij 1 is actie nodig. …" — only the classes that occur. */
export function workspaceMapSummary(
  wt: WorkspaceMapText,
  colouring: MapColouring,
  classes: readonly (HealthClass | WindowClass)[],
): string {
  const sentences = [classes.length === 1 ? wt('summary.count1') : wt('summary.count', { count: classes.length })];
  const order = colouring === 'health' ? HEALTH_CLASSES : WINDOW_CLASSES;
  const counts = countClasses<HealthClass | WindowClass>(classes, order);
  for (const c of order) if (counts[c] > 0) sentences.push(wt(`summary.${c}`, { count: counts[c] }));
  return sentences.join(' ');
}

/**
 * The municipalities the workspace works with (its organisations of kind municipality) on the map
 * of the Netherlands, coloured by relationship health or by the plan windows of the
 * Beleidskalender; each opens its municipality page.
 */
export function WorkspaceMap({ slug, organisations }: { slug: string; organisations: readonly Organisation[] }) {
  const wt = useWorkspaceMapText();
  const { formatDate } = useI18n();
  const [colouring, setColouring] = useState<MapColouring>('health');
  const municipalities = useMemo(
    () => organisations.filter((o) => o.kind === 'municipality' && o.municipality_code),
    [organisations],
  );
  const ids = municipalities.map((m) => m.id).join(',');
  const topology = useApiData('map:municipalities', (signal) => getMunicipalityMap(signal));
  // One request per municipality; a failed one shows as "onbekend", not as an error of the map.
  const health = useApiData(`health:${slug}:${ids}`, (signal) =>
    Promise.all(
      municipalities.map((m) =>
        getRelationshipHealth({ slug, organisation_id: m.id }, { signal }).then(
          (report): [number, HealthOf] => [
            m.id,
            { status: report.health.status, reasons: report.health.reasons.map((r) => r.text) },
          ],
          (): [number, HealthOf] => [m.id, { status: 'unknown', reasons: [] }],
        ),
      ),
    ).then((entries) => new Map(entries)),
  );
  const upcoming = useApiData(`upcoming:${slug}:${UPCOMING_DAYS}`, (signal) => listUpcoming({ slug }, { days: UPCOMING_DAYS }, { signal }));
  const today = todayIso();

  const { values, classes } = useMemo(() => {
    const day = (value: string) => formatDate(localDay(value));
    const map = new Map<string, MapAreaValue>();
    const list: (HealthClass | WindowClass)[] = [];
    for (const m of municipalities) {
      const href = municipalityPagePath(slug, m.id);
      if (colouring === 'health') {
        const h = health.data?.get(m.id) ?? { status: 'unknown' as const, reasons: [] };
        list.push(h.status);
        map.set(m.municipality_code as string, {
          name: m.name,
          tone: HEALTH_TONE[h.status],
          value: wt(`value.${h.status}`),
          href,
          details: [h.reasons.length > 0 ? h.reasons.join(' ') : wt('none')],
        });
      } else {
        const w = windowOfMunicipality(upcoming.data?.items ?? [], m.id, today);
        list.push(w.state);
        const value =
          w.state === 'open' && w.window
            ? wt('value.open', { date: day(w.window.to) })
            : w.state === 'soon' && w.window
              ? wt('value.soon', { date: day(w.window.from) })
              : wt('value.none');
        map.set(m.municipality_code as string, {
          name: m.name,
          tone: WINDOW_TONE[w.state],
          value,
          href,
          details: [w.window ? wt('planWindow', { plan: w.plan ?? '', label: w.window.label }) : wt('none')],
        });
      }
    }
    return { values: map, classes: list };
  }, [municipalities, slug, colouring, health.data, upcoming.data, today, wt, formatDate]);

  if (municipalities.length === 0) return null;
  const order = colouring === 'health' ? HEALTH_CLASSES : WINDOW_CLASSES;
  const counts = countClasses<HealthClass | WindowClass>(classes, order);
  const legend: MapLegendItem[] = order
    .filter((c) => c !== 'unknown' || counts[c] > 0)
    .map((c) => ({
      tone: colouring === 'health' ? HEALTH_TONE[c as HealthClass] : WINDOW_TONE[c as WindowClass],
      label: wt(`legend.${c}`),
      count: counts[c],
    }));
  const loading = colouring === 'health' ? !health.data : !upcoming.data;

  return (
    <section className="aantafel-section" aria-labelledby="workspace-map-heading">
      <Heading2 id="workspace-map-heading">{wt('title')}</Heading2>
      <Paragraph>{wt('intro')}</Paragraph>
      <RadioGroupField
        legend={wt('colouring')}
        name="workspace-map-colouring"
        inline
        options={[
          { value: 'health', label: wt('colouring.health') },
          { value: 'windows', label: wt('colouring.windows') },
        ]}
        value={colouring}
        onChange={(value) => setColouring(value === 'windows' ? 'windows' : 'health')}
      />
      <div aria-busy={loading || undefined}>
        <MapFigure
          id="workspace"
          title={wt(colouring === 'health' ? 'mapTitle.health' : 'mapTitle.windows')}
          summary={<Paragraph data-testid="workspace-map-summary">{loading ? '' : workspaceMapSummary(wt, colouring, classes)}</Paragraph>}
          topology={topology.data}
          topologyError={topology.error || undefined}
          layer="municipalities"
          borders={['provinces']}
          values={values}
          fitToValues
          labels
          legend={legend}
          areaHeader={wt('header.municipality')}
          valueHeader={wt(colouring === 'health' ? 'header.health' : 'header.windows')}
          detailHeaders={[wt(colouring === 'health' ? 'header.why' : 'header.plan')]}
        />
      </div>
    </section>
  );
}
