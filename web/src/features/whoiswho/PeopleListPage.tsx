import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  Button,
  ButtonGroup,
  Heading2,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { POSITION_KINDS, QUADRANTS, type PersonSummary } from '../../api/types';
import { exportPeople, listOrganisations } from '../../api/generated/whoiswho';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useApiData } from '../../components/useApiData';
import { useKeptHandedOverStatus } from '../../components/useHandedOverStatus';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import {
  organisationMap,
  PersonLink,
  useCanEdit,
  usePeopleBase,
  usePositionText,
  WhoIsWhoNav,
} from './common';
import {
  EMPTY_FILTERS,
  filtersFromSearch,
  filtersToSearch,
  hasFilters,
  type PeopleFilters,
} from './filters';
import { organisationKindLabel, positionKindLabel, quadrantLabel } from './labels';
import { usePeoplePages } from './usePeoplePages';

/** How long typing pauses before the list is filtered (ms). */
export const SEARCH_DELAY = 300;

/** Who is who: people with their current positions, filtered and paged. */
export function PeopleListPage() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const base = usePeopleBase();
  const canEdit = useCanEdit();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearch(searchParams);
  const organisations = useApiData(`organisations:${slug}`, (signal) =>
    listOrganisations({ slug }, { signal }),
  );
  const orgs = organisationMap(organisations.data?.items);
  const people = usePeoplePages(slug, filters);
  const positionText = usePositionText();

  // A message handed over by another page (for example after erasing a person).
  const handedOver = useKeptHandedOverStatus();
  const [status, setStatus] = useState(handedOver);

  function update(next: Partial<PeopleFilters>) {
    setStatus('');
    setSearchParams(filtersToSearch({ ...filtersFromSearch(searchParams), ...next }), {
      replace: true,
    });
  }

  // After "Meer laden", focus goes to the first person that was added.
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  useEffect(() => {
    if (focusIndex === null) return;
    const person = people.items[focusIndex];
    if (!person) return;
    document.getElementById(`person-link-${person.id}`)?.focus();
    setFocusIndex(null);
  }, [focusIndex, people.items]);

  async function loadMore() {
    const before = people.items.length;
    const added = await people.loadMore();
    if (added > 0) setFocusIndex(before);
  }

  const organisationOptions = [
    { value: '', label: t('people.filter.allOrganisations') },
    ...(organisations.data?.items ?? []).map((o) => ({
      value: String(o.id),
      label: o.kind === 'municipality' ? o.name : `${o.name} (${t(organisationKindLabel(o.kind))})`,
    })),
  ];
  const kindOptions = [
    { value: '', label: t('people.filter.allRoles') },
    ...POSITION_KINDS.map((kind) => ({ value: kind, label: t(positionKindLabel(kind)) })),
  ];
  const quadrantOptions = [
    { value: '', label: t('people.filter.allQuadrants') },
    ...QUADRANTS.map((q) => ({ value: q, label: t(quadrantLabel(q)) })),
  ];

  const filtered = hasFilters(filters);
  let resultText = '';
  if (people.loaded && !people.loading) {
    resultText = people.hasMore
      ? t('people.countMore', { count: people.items.length })
      : t(people.items.length === 1 ? 'people.countOne' : 'people.count', {
          count: people.items.length,
        });
  }

  return (
    <>
      <PageHeading title={t('area.people')} />
      <WhoIsWhoNav />
      <Paragraph>{t('people.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>

      <ButtonGroup className="aantafel-actions">
        {canEdit ? (
          <Link
            to={`${base}/new`}
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
          >
            {t('people.add')}
          </Link>
        ) : null}
        <a
          href={exportPeople({ slug }, { format: 'csv', organisation_id: filters.organisation ?? undefined })}
          download
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
        >
          {t('people.exportCsv')}
        </a>
        <a
          href={exportPeople({ slug }, { format: 'xlsx', organisation_id: filters.organisation ?? undefined })}
          download
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
        >
          {t('people.exportXlsx')}
        </a>
      </ButtonGroup>
      <Paragraph className="aantafel-meta">
        {filters.organisation !== null ? t('people.exportHintOrganisation') : t('people.exportHint')}
      </Paragraph>

      <div role="search" className="aantafel-filters" aria-labelledby="people-filters-heading">
        <Heading2 id="people-filters-heading">{t('people.filter.title')}</Heading2>
        <div className="aantafel-filters__fields">
          <DebouncedTextField
            id="people-filter-q"
            label={t('people.filter.name')}
            type="search"
            value={filters.q}
            onCommit={(q) => update({ q })}
          />
          <SelectField
            id="people-filter-organisation"
            label={t('people.filter.organisation')}
            options={organisationOptions}
            value={filters.organisation === null ? '' : String(filters.organisation)}
            onChange={(event) =>
              update({ organisation: event.target.value ? Number(event.target.value) : null })
            }
          />
          <SelectField
            id="people-filter-kind"
            label={t('people.filter.role')}
            options={kindOptions}
            value={filters.kind ?? ''}
            onChange={(event) =>
              update({ kind: (event.target.value || null) as PeopleFilters['kind'] })
            }
          />
          <DebouncedTextField
            id="people-filter-party"
            label={t('people.filter.party')}
            value={filters.party}
            onCommit={(party) => update({ party })}
          />
          <DebouncedTextField
            id="people-filter-domain"
            label={t('people.filter.domain')}
            value={filters.domain}
            onCommit={(domain) => update({ domain })}
          />
          <SelectField
            id="people-filter-quadrant"
            label={t('people.filter.quadrant')}
            options={quadrantOptions}
            value={filters.quadrant ?? ''}
            onChange={(event) =>
              update({ quadrant: (event.target.value || null) as PeopleFilters['quadrant'] })
            }
          />
        </div>
        {filtered ? (
          <Button
            type="button"
            appearance="subtle-button"
            onClick={() => {
              update(EMPTY_FILTERS);
              document.getElementById('people-filter-q')?.focus();
            }}
          >
            {t('people.filter.clear')}
          </Button>
        ) : null}
      </div>

      {organisations.error ? <ErrorAlert error={organisations.error} /> : null}
      {people.error ? <ErrorAlert error={people.error} /> : null}
      <StatusMessage id="people-result-count">{resultText}</StatusMessage>
      <div aria-busy={people.loading || undefined}>
        {people.loading && !people.loaded ? <Loading /> : null}
        {people.loaded && people.items.length === 0 ? (
          <Paragraph>{filtered ? t('people.noneMatch') : t('people.none')}</Paragraph>
        ) : null}
        {people.items.length > 0 ? (
          <DataTable
            caption={t('people.tableCaption', { workspace: workspace.name })}
            captionHidden
            columns={[t('people.name'), t('people.currentPositions'), t('people.quadrant')]}
          >
            {people.items.map((person) => (
              <PersonRow
                key={person.id}
                person={person}
                positions={person.current_positions.map((p) => positionText(p, orgs))}
              />
            ))}
          </DataTable>
        ) : null}
        {people.hasMore ? (
          <Button
            type="button"
            appearance="secondary-action-button"
            busy={people.loadingMore}
            onClick={() => {
              if (!people.loadingMore) void loadMore();
            }}
          >
            {people.loadingMore ? t('common.loading') : t('people.loadMore')}
          </Button>
        ) : null}
      </div>
    </>
  );
}

function PersonRow({
  person,
  positions,
}: {
  person: PersonSummary;
  positions: string[];
}) {
  const { t } = useI18n();
  return (
    <TableRow>
      <TableHeaderCell scope="row">
        <PersonLink person={person} id={`person-link-${person.id}`} />
      </TableHeaderCell>
      <TableCell>
        {positions.length === 0 ? (
          <span className="aantafel-meta">{t('people.noCurrentPosition')}</span>
        ) : (
          <ul className="aantafel-plain-list">
            {positions.map((text, index) => (
              <li key={index}>{text}</li>
            ))}
          </ul>
        )}
      </TableCell>
      <TableCell>
        {person.quadrant ? (
          t(quadrantLabel(person.quadrant))
        ) : (
          <span className="aantafel-meta">{t('people.notAssessed')}</span>
        )}
      </TableCell>
    </TableRow>
  );
}

/**
 * A text filter that updates the list when typing pauses (and at once on Enter), so the list
 * does not reload on every key.
 */
function DebouncedTextField({
  id,
  label,
  value,
  onCommit,
  type = 'text',
}: {
  id: string;
  label: string;
  value: string;
  onCommit: (value: string) => void;
  type?: 'text' | 'search';
}) {
  const [draft, setDraft] = useState(value);
  const committed = useRef(value);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;

  // Follow outside changes (back button, "clear filters").
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setDraft(value);
    }
  }, [value]);

  useEffect(() => {
    if (draft.trim() === committed.current) return;
    const timer = window.setTimeout(() => {
      committed.current = draft.trim();
      commitRef.current(draft.trim());
    }, SEARCH_DELAY);
    return () => window.clearTimeout(timer);
  }, [draft]);

  return (
    <TextField
      id={id}
      label={label}
      type={type}
      autoComplete="off"
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          committed.current = draft.trim();
          onCommit(draft.trim());
        }
      }}
    />
  );
}
