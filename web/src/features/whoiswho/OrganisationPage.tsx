import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import type { Organisation } from '../../api/types';
import { exportPeople, listCouncilTerms, listOrganisations, listPeople } from '../../api/generated/whoiswho';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { StatusMessage } from '../../components/StatusMessage';
import { useApiData } from '../../components/useApiData';
import { idParam } from '../../components/idParam';
import { useI18n } from '../../i18n/I18nProvider';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { municipalityPageLinkText, municipalityPagePath } from '../municipality/links';
import { NotFoundContent } from '../shell/NotFoundPage';
import { useWorkspace } from '../shell/workspaceContext';
import { useCanEdit, usePeopleBase, WhoIsWhoNav } from './common';
import { ElectionForm } from './ElectionForm';
import { FieldOfForcesView } from './FieldOfForcesView';
import { groupFieldOfForces } from './fieldOfForces';
import { organisationKindLabel } from './labels';
import { PowerInterestGrid } from './PowerInterestGrid';
import { SeatsSection } from './SeatsSection';

/** Most people one page of the organisation shows; more is unusual for one municipality. */
const MAX_PEOPLE = 500;

/** One municipality (or other organisation): grid, field of forces, seats, election. */
export function OrganisationPage() {
  const { organisationId: param } = useParams();
  const id = idParam(param);
  const { workspace } = useWorkspace();
  const { t } = useI18n();
  const organisations = useApiData(`organisations:${workspace.slug}`, (signal) =>
    listOrganisations({ slug: workspace.slug }, { signal }),
  );
  if (id === null) return <NotFoundContent />;
  const organisation = organisations.data?.items.find((o) => o.id === id);
  if (!organisation) {
    if (organisations.data) return <NotFoundContent />;
    return (
      <>
        <PageHeading title={t('organisation.title')} />
        <WhoIsWhoNav />
        {organisations.error ? <ErrorAlert error={organisations.error} /> : <Loading />}
      </>
    );
  }
  return <OrganisationView key={organisation.id} organisation={organisation} />;
}

function OrganisationView({ organisation }: { organisation: Organisation }) {
  const { t, language } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const base = usePeopleBase();
  const canEdit = useCanEdit();
  const isMunicipality = organisation.kind === 'municipality';
  const people = useApiData(`org-people:${slug}:${organisation.id}`, (signal) =>
    listPeople({ slug }, { organisation_id: organisation.id, limit: MAX_PEOPLE }, { signal }),
  );
  const terms = useApiData(`terms:${slug}:${organisation.id}:${isMunicipality}`, (signal) =>
    isMunicipality
      ? listCouncilTerms({ slug, organisation_id: organisation.id }, { signal })
      : Promise.resolve({ items: [], seats: [], not_yet_met: [] }),
  );
  const [status, setStatus] = useState('');
  const forcesHeadingRef = useRef<HTMLHeadingElement>(null);
  const items = people.data?.items ?? [];
  const seats = terms.data?.seats ?? [];
  const forces = groupFieldOfForces(items, organisation.id, seats);

  return (
    <>
      <PageHeading title={organisation.name} />
      <WhoIsWhoNav />
      <Paragraph>
        {t(organisationKindLabel(organisation.kind))}
        {organisation.municipality_code ? ` · ${t('organisation.codeValue', { code: organisation.municipality_code })}` : ''}
      </Paragraph>
      <div className="aantafel-actions">
        {isMunicipality ? (
          <Link to={municipalityPagePath(slug, organisation.id)} className="utrecht-link utrecht-link--html-a">
            {municipalityPageLinkText(language, organisation.name)}
          </Link>
        ) : null}
        <Link
          to={`${base}?organisation=${organisation.id}`}
          className="utrecht-link utrecht-link--html-a"
        >
          {t('organisation.peopleLink', { name: organisation.name })}
        </Link>
        <Link
          to={`/w/${encodeURIComponent(slug)}/interactions/organisations/${organisation.id}`}
          className="utrecht-link utrecht-link--html-a"
        >
          {t('organisation.relationshipLink', { name: organisation.name })}
        </Link>
        <a href={exportPeople({ slug }, { format: 'csv', organisation_id: organisation.id })} download className="utrecht-link utrecht-link--html-a">
          {t('organisation.exportCsv')}
        </a>
        <a href={exportPeople({ slug }, { format: 'xlsx', organisation_id: organisation.id })} download className="utrecht-link utrecht-link--html-a">
          {t('organisation.exportXlsx')}
        </a>
      </div>
      <StatusMessage>{status}</StatusMessage>
      {people.error ? <ErrorAlert error={people.error} /> : null}
      {people.loading && !people.data ? <Loading /> : null}
      {people.data ? (
        <>
          {people.data.has_more ? (
            <Paragraph className="aantafel-meta">{t('organisation.truncated', { count: MAX_PEOPLE })}</Paragraph>
          ) : null}
          <PowerInterestGrid people={items} organisationName={organisation.name} />
          <section className="aantafel-section" aria-labelledby="forces-heading">
            <Heading2 id="forces-heading" ref={forcesHeadingRef} tabIndex={-1}>
              {t('forces.title')}
            </Heading2>
            <Paragraph>{t('forces.intro')}</Paragraph>
            <FieldOfForcesView forces={forces} isMunicipality={isMunicipality} />
          </section>
        </>
      ) : null}
      {isMunicipality ? (
        <SeatsSection terms={terms.data} error={terms.error} loading={terms.loading} />
      ) : null}
      <DocumentsPanel recordKind="organisation" recordId={organisation.id} canWrite={canEdit} />
      {/* Mounted once the seats are known, because the form starts from them. */}
      {isMunicipality && canEdit && (terms.data || terms.error) ? (
        <ElectionForm
          slug={slug}
          organisation={organisation}
          currentSeats={seats}
          onApplied={async (result) => {
            await Promise.all([people.reload(), terms.reload()]);
            setStatus(
              t('election.appliedStatus', {
                ended: result.ended.length,
                notMet: result.not_yet_met.length,
              }),
            );
          }}
        />
      ) : null}
    </>
  );
}
