import { Link, useLocation } from 'react-router';
import type { Organisation, Position } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { useCanEdit, useWorkspace } from '../shell/workspaceContext';
import { positionKindLabel } from './labels';
import { TabNav } from '../../components/TabNav';
import './whoiswho.css';

/** Whether the current person may change data here: one rule for the workspace (viewers only look). */
export { useCanEdit };

/** What each section of a person's page gets: the person, whether the reader may change it, and how to report a change. */
export interface PersonSectionProps {
  slug: string;
  personId: number;
  personName: string;
  canEdit: boolean;
  /** After a change: reload the person and say `message` in the status line. */
  onChanged: (message: string) => Promise<void>;
}

/** Base path of this area: /w/{slug}/people. */
export function usePeopleBase(): string {
  const { workspace } = useWorkspace();
  return `/w/${encodeURIComponent(workspace.slug)}/people`;
}

/** Which tab of the area's menu a path belongs to (a person's page belongs to "people"). */
export function whoIsWhoSection(path: string, base: string): 'people' | 'organisations' | 'import' | null {
  if (!path.startsWith(base)) return null;
  const rest = path.slice(base.length).replace(/\/$/, '');
  if (rest === '/organisations' || rest.startsWith('/organisations/')) return 'organisations';
  if (rest === '/import') return 'import';
  if (rest === '' || rest === '/new' || /^\/[0-9]+$/.test(rest)) return 'people';
  return null;
}

/** The area's own menu: people, organisations, import. */
export function WhoIsWhoNav() {
  const { t } = useI18n();
  const base = usePeopleBase();
  const canEdit = useCanEdit();
  const { pathname } = useLocation();
  const section = whoIsWhoSection(pathname, base);
  const tabs = [
    { id: 'people', to: base, label: t('whoiswho.nav.people') },
    { id: 'organisations', to: `${base}/organisations`, label: t('whoiswho.nav.organisations') },
    ...(canEdit ? [{ id: 'import', to: `${base}/import`, label: t('whoiswho.nav.import') }] : []),
  ];
  return (
    <TabNav
      label={t('whoiswho.navLabel')}
      tabs={tabs.map((tab) => ({
        ...tab,
        current: section === tab.id,
        // "page" on the tab's own page; "true" on a page inside it (a person, a municipality).
        exact: pathname.replace(/\/$/, '') === tab.to,
      }))}
    />
  );
}

/** A visible "fictief" badge for invented demo people. */
export function FictionalBadge() {
  const { t } = useI18n();
  return (
    <span className="aantafel-badge" title={t('person.fictionalHint')}>
      {t('person.fictional')}
    </span>
  );
}

/** A person's name as a link to their page, with the "fictief" badge after it for an invented person. */
export function PersonLink({
  person,
  id,
}: {
  person: { id: number; name: string; fictional: boolean };
  /** The link's own id (to return focus to it). */
  id?: string;
}) {
  const base = usePeopleBase();
  return (
    <>
      <Link id={id} to={`${base}/${person.id}`} className="utrecht-link utrecht-link--html-a">
        {person.name}
      </Link>
      {person.fictional ? (
        <>
          {' '}
          <FictionalBadge />
        </>
      ) : null}
    </>
  );
}

/** "Wethouder, Gemeente Utrecht · GroenLinks · portefeuilles: Wmo, Jeugd". */
export function usePositionText() {
  const { t } = useI18n();
  return (position: Position, organisations: ReadonlyMap<number, Organisation>, withOrganisation = true) => {
    const parts: string[] = [];
    const role = position.title.trim()
      ? `${t(positionKindLabel(position.kind))} (${position.title.trim()})`
      : t(positionKindLabel(position.kind));
    const organisation = organisations.get(position.organisation_id)?.name;
    parts.push(withOrganisation && organisation ? t('position.at', { role, organisation }) : role);
    if (position.party) parts.push(position.party);
    if (position.portfolios.length)
      parts.push(t('position.portfoliosList', { list: position.portfolios.join(', ') }));
    if (position.domains.length)
      parts.push(t('position.domainsList', { list: position.domains.join(', ') }));
    if (position.committees.length)
      parts.push(t('position.committeesList', { list: position.committees.join(', ') }));
    return parts.join(' · ');
  };
}

export function organisationMap(items: readonly Organisation[] | undefined): Map<number, Organisation> {
  return new Map((items ?? []).map((o) => [o.id, o]));
}
