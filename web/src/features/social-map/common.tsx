import { useEffect, useState, type ReactNode } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { Check, CircleAlert, X, type LucideIcon } from 'lucide-react';
import type { Coverage } from '../../api/types';
import { listOrganisations } from '../../api/generated/whoiswho';
import { useApiData } from '../../components/useApiData';
import { useCanEdit, useWorkspace } from '../shell/workspaceContext';
import {
  buildMatrix,
  domainLabel,
  followedMunicipalities,
  providerOrganisations,
  type CellState,
  type MatrixCell,
} from './socialmap';
import { Icon } from '../../components/Icon';
import { TableScroll } from '../../components/TableScroll';
import { TextField } from '../../components/TextField';
import { useSocialMapText } from './texts';
import './socialmap.css';
import { TabNav } from '../../components/TabNav';

/** Whether the current person may change data here: one rule for the workspace (viewers only look). */
export { useCanEdit };
export { useHandedOverStatus } from '../../components/useHandedOverStatus';
export { idParam } from '../../components/idParam';

/** Base path of this area: /w/{slug}/social-map. */
export function useSocialMapBase(): string {
  const { workspace } = useWorkspace();
  return `/w/${encodeURIComponent(workspace.slug)}/social-map`;
}

/**
 * The workspace's organisations from Wie is wie (one request, shared by the pages of this area):
 * the municipalities it follows, and the organisations that offer help (all the others).
 */
export function useWorkspaceOrganisations() {
  const { workspace } = useWorkspace();
  const organisations = useApiData(`organisations:${workspace.slug}`, (signal) =>
    listOrganisations({ slug: workspace.slug }, { signal }),
  );
  const items = organisations.data?.items ?? [];
  return {
    organisations,
    items,
    municipalities: followedMunicipalities(items),
    providers: providerOrganisations(items),
  };
}

export type SocialMapSection = 'map' | 'services' | 'newService' | 'consortia' | 'newConsortium';

export function socialMapSection(path: string, base: string): SocialMapSection | null {
  if (!path.startsWith(base)) return null;
  const rest = path.slice(base.length).replace(/\/$/, '');
  if (rest === '') return 'map';
  if (rest === '/services/new') return 'newService';
  if (rest.startsWith('/services')) return 'services';
  if (rest === '/consortia/new') return 'newConsortium';
  if (rest.startsWith('/consortia')) return 'consortia';
  return null;
}

/** The area's own menu. */
export function SocialMapNav() {
  const mt = useSocialMapText();
  const base = useSocialMapBase();
  const canEdit = useCanEdit();
  const { pathname } = useLocation();
  const section = socialMapSection(pathname, base);
  const tabs: { id: SocialMapSection; to: string; label: string }[] = [
    { id: 'map', to: base, label: mt('nav.map') },
    { id: 'services', to: `${base}/services`, label: mt('nav.services') },
    ...(canEdit ? [{ id: 'newService' as const, to: `${base}/services/new`, label: mt('nav.newService') }] : []),
    { id: 'consortia', to: `${base}/consortia`, label: mt('nav.consortia') },
    ...(canEdit ? [{ id: 'newConsortium' as const, to: `${base}/consortia/new`, label: mt('nav.newConsortium') }] : []),
  ];
  return (
    <TabNav
      label={mt('navLabel')}
      tabs={tabs.map((tab) => ({
        ...tab,
        current: section === tab.id,
        // "page" on the tab's own page; "true" on a page inside it (a person, a municipality).
        exact: pathname.replace(/\/$/, '') === tab.to,
      }))}
    />
  );
}

/** Decoration beside the words of a cell's state (never colour or icon alone). */
const ICON: Record<CellState, LucideIcon> = { gap: X, single: CircleAlert, covered: Check };

function StateIcon({ state }: { state: CellState }) {
  return (
    <span aria-hidden="true" className="aantafel-map-cell__icon">
      <Icon icon={ICON[state]} strokeWidth={2.5} />
    </span>
  );
}

/** The meaning of the marks in the matrix, in words. */
export function MatrixLegend() {
  const mt = useSocialMapText();
  return (
    <section aria-labelledby="map-legend-heading">
      <Heading2 id="map-legend-heading" className="aantafel-visually-hidden">
        {mt('legend.title')}
      </Heading2>
      <ul className="aantafel-map-legend">
        {(['gap', 'single', 'covered'] as const).map((state) => (
          <li key={state} className={`aantafel-map-cell--${state}`}>
            <StateIcon state={state} />{' '}
            <strong>{mt(`legend.${state}Label`)}</strong>
            {': '}
            {mt(`legend.${state}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Cell({ cell }: { cell: MatrixCell }) {
  const mt = useSocialMapText();
  const label =
    cell.state === 'gap'
      ? mt('matrix.gap')
      : cell.state === 'single'
        ? mt('matrix.single')
        : mt('matrix.covered', { count: cell.providers.length });
  return (
    <td className={`utrecht-table__cell aantafel-map-cell aantafel-map-cell--${cell.state}`} data-state={cell.state}>
      <span className="aantafel-map-cell__state">
        <StateIcon state={cell.state} />{' '}
        {label}
      </span>
      {cell.providers.length > 0 ? (
        <ul>
          {cell.providers.map((p) => (
            <li key={p.id}>{p.name}</li>
          ))}
        </ul>
      ) : null}
    </td>
  );
}

/**
 * The matrix of areas × kinds of help as a table: row headers are the areas, column headers the
 * kinds of help; each cell names its providers and says in words (and an icon) whether it is a
 * gap or has a single provider. Wide tables scroll inside a focusable, labelled region.
 */
export function CoverageTable({
  coverage,
  caption,
  nameOf,
  id,
}: {
  coverage: Coverage;
  caption: string;
  nameOf: (id: number) => string | undefined;
  id: string;
}) {
  const mt = useSocialMapText();
  const view = buildMatrix(coverage, nameOf);
  const captionId = `${id}-caption`;
  return (
    <TableScroll labelledBy={captionId}>
      <table className="utrecht-table aantafel-table aantafel-map-table" id={id}>
        <caption className="utrecht-table__caption" id={captionId}>
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {mt('matrix.area')}
            </th>
            {view.domains.map((d) => (
              <th key={d} scope="col" className="utrecht-table__header-cell">
                {domainLabel(mt, d)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {view.rows.map((row) => (
            <tr key={row.code} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {row.name}
                <span className="aantafel-meta">
                  {' '}
                  ({row.kind ? `${mt(`kind.${row.kind}`)} ` : ''}
                  {row.code})
                </span>
              </th>
              {row.cells.map((cell) => (
                <Cell key={cell.domain} cell={cell} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** "Geen aanbieder: 3", "Maar één aanbieder: 2", … */
export function CoverageSummary({ coverage, headingId }: { coverage: Coverage; headingId: string }) {
  const mt = useSocialMapText();
  const view = buildMatrix(coverage, () => undefined);
  return (
    <section aria-labelledby={headingId} className="aantafel-card">
      <Heading2 id={headingId}>{mt('map.summaryTitle')}</Heading2>
      <Paragraph>{mt('map.summary.cells', { count: view.cells })}</Paragraph>
      <ul className="aantafel-map-summary">
        <li>
          <Icon icon={ICON.gap} strokeWidth={2.5} />{' '}
          {mt('map.summary.gaps', { count: coverage.gaps })}
        </li>
        <li>
          <Icon icon={ICON.single} strokeWidth={2.5} />{' '}
          {mt('map.summary.single', { count: coverage.single })}
        </li>
        <li>
          <Icon icon={ICON.covered} strokeWidth={2.5} />{' '}
          {mt('map.summary.covered', { count: view.covered })}
        </li>
      </ul>
    </section>
  );
}

/**
 * Filters kept in the URL's query string. The page shows a change at once (local state) and then
 * writes the URL, which the router applies as a transition; a new URL (a menu link, Back) wins.
 */
export function useUrlFilters(): {
  get: (name: string) => string | null;
  set: (name: string, value: string) => void;
  /** Sets several at once (an empty value removes the parameter). */
  setAll: (values: Record<string, string>) => void;
} {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const [local, setLocal] = useState(search);
  useEffect(() => setLocal(search), [search]);
  const current = new URLSearchParams(local);
  const setAll = (values: Record<string, string>) => {
    const next = new URLSearchParams(local);
    for (const [name, value] of Object.entries(values)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setLocal(next.toString());
    setParams(next, { replace: true });
  };
  return {
    get: (name) => current.get(name),
    set: (name, value) => setAll({ [name]: value }),
    setAll,
  };
}

/** From this many areas on, a list of areas gets a search box. */
export const AREA_FILTER_FROM = 8;

/** The search box above a long list of districts, with a polite count of what it shows. */
export function AreaFilter({
  id,
  label,
  hint,
  value,
  onChange,
  status,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  status: ReactNode;
}) {
  return (
    <div className="aantafel-map-filter">
      <TextField
        id={id}
        type="search"
        label={label}
        description={hint}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="off"
      />
      <p role="status" className="aantafel-meta">
        {status}
      </p>
    </div>
  );
}
