import { useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  Button,
  DataList,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import type { PersonDossier } from '../../api/types';
import { erasePerson, exportPerson, getPerson, listOrganisations } from '../../api/generated/whoiswho';
import { Fact } from '../../components/Fact';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { OpenInPlace, useOpenInPlace } from '../../components/OpenInPlace';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { StatusMessage } from '../../components/StatusMessage';
import { useApiData } from '../../components/useApiData';
import { idParam } from '../../components/idParam';
import { useKeptHandedOverStatus } from '../../components/useHandedOverStatus';
import { useI18n } from '../../i18n/I18nProvider';
import { NotFoundContent } from '../shell/NotFoundPage';
import { useWorkspace } from '../shell/workspaceContext';
import { PersonCouncilSection } from '../council/PersonCouncilSection';
import { COUNCIL_POSITION_KINDS } from '../council/people';
import { AssessmentsSection } from './AssessmentsSection';
import { FictionalBadge, organisationMap, useCanEdit, usePeopleBase, WhoIsWhoNav } from './common';
import { EditPersonForm } from './EditPersonForm';
import { PositionsSection } from './PositionsSection';

/** One person: public-role data (positions, assessments) apart from personal data. */
export function PersonPage() {
  const { t } = useI18n();
  const { personId: param } = useParams();
  const personId = idParam(param);
  if (personId === null) return <NotFoundContent />;
  return <PersonDossierPage key={personId} personId={personId} fallbackTitle={t('person.title')} />;
}

function PersonDossierPage({ personId, fallbackTitle }: { personId: number; fallbackTitle: string }) {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const base = usePeopleBase();
  const canEdit = useCanEdit();
  const navigate = useNavigate();
  const dossier = useApiData(`person:${slug}:${personId}`, (signal) =>
    getPerson({ slug, person_id: personId }, { signal }),
  );
  const organisations = useApiData(`organisations:${slug}`, (signal) =>
    listOrganisations({ slug }, { signal }),
  );
  const handedOver = useKeptHandedOverStatus();
  const [status, setStatus] = useState(handedOver);
  const [erasing, setErasing] = useState(false);
  const editing = useOpenInPlace();
  const personalHeadingRef = useRef<HTMLHeadingElement>(null);


  if (!dossier.data) {
    return (
      <>
        <PageHeading title={fallbackTitle} />
        <WhoIsWhoNav />
        {dossier.error ? <ErrorAlert error={dossier.error} /> : <Loading />}
      </>
    );
  }

  const { person, positions, assessments }: PersonDossier = dossier.data;
  const orgs = organisationMap(organisations.data?.items);

  async function changed(message: string) {
    await dossier.reload();
    setStatus(message);
  }

  async function erase() {
    await erasePerson({ slug, person_id: person.id });
    setErasing(false);
    navigate(base, { state: { status: t('person.erased', { name: person.name }) } });
  }

  const notSet = <span className="aantafel-meta">{t('person.notSet')}</span>;
  // Raad: the municipalities whose council the person sits (or sat) in, for "In de raad".
  const councilPositions = positions.filter((p) => COUNCIL_POSITION_KINDS.has(p.kind));
  const councilMunicipalities = new Map<string, string>();
  for (const position of councilPositions) {
    const organisation = orgs.get(position.organisation_id);
    if (organisation?.kind === 'municipality' && organisation.municipality_code) {
      councilMunicipalities.set(organisation.municipality_code, organisation.name);
    }
  }

  return (
    <>
      <PageHeading title={person.name}>
        {person.name}
        {person.fictional ? (
          <>
            {' '}
            <FictionalBadge />
          </>
        ) : null}
      </PageHeading>
      <WhoIsWhoNav />
      <StatusMessage>{status}</StatusMessage>
      {dossier.error ? <ErrorAlert error={dossier.error} /> : null}
      {organisations.error ? <ErrorAlert error={organisations.error} /> : null}

      <div className="aantafel-public">
        <Paragraph className="aantafel-meta">{t('person.publicHint')}</Paragraph>
        <PositionsSection
          slug={slug}
          personId={person.id}
          personName={person.name}
          positions={positions}
          organisations={organisations.data?.items ?? []}
          orgs={orgs}
          canEdit={canEdit}
          onChanged={changed}
        />
        <AssessmentsSection
          slug={slug}
          personId={person.id}
          personName={person.name}
          assessments={assessments}
          canEdit={canEdit}
          onChanged={changed}
        />
        <PersonCouncilSection
          personId={person.id}
          personName={person.name}
          inCouncil={councilPositions.length > 0}
          municipalities={[...councilMunicipalities].map(([code, name]) => ({ code, name }))}
          version={councilPositions.map((p) => `${p.id}:${p.organisation_id}:${p.party}:${p.started_on}`).join(',')}
        />
      </div>

      <section className="aantafel-personal" aria-labelledby="personal-heading">
        <Heading2 id="personal-heading" ref={personalHeadingRef} tabIndex={-1}>
          {t('person.personalData')}
        </Heading2>
        <Paragraph className="aantafel-personal__hint">{t('person.personalDataHint')}</Paragraph>
        <DataList className="aantafel-facts">
          <Fact label={t('person.email')}>{person.email || notSet}</Fact>
          <Fact label={t('person.phone')}>{person.phone || notSet}</Fact>
          <Fact label={t('person.notes')}>
            {person.notes ? <span className="aantafel-pre-line">{person.notes}</span> : notSet}
          </Fact>
        </DataList>
        {canEdit ? (
          <OpenInPlace state={editing} label={t('person.edit')} onOpen={() => setStatus('')}>
            <EditPersonForm
              slug={slug}
              person={person}
              onCancel={editing.cancel}
              onSaved={async (saved) => {
                await dossier.reload();
                editing.close();
                setStatus(t('person.saved', { name: saved.name }));
                personalHeadingRef.current?.focus();
              }}
            />
          </OpenInPlace>
        ) : null}
      </section>

      <section className="aantafel-section" aria-labelledby="privacy-heading">
        <Heading2 id="privacy-heading">{t('person.privacyTitle')}</Heading2>
        <Paragraph>{t('person.privacyIntro')}</Paragraph>
        <div className="aantafel-actions">
          <a
            href={exportPerson({ slug, person_id: person.id })}
            download
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          >
            {t('person.download')}
          </a>
          {canEdit ? (
            <Button
              type="button"
              appearance="secondary-action-button"
              hint="danger"
              onClick={() => setErasing(true)}
            >
              {t('person.erase')}
            </Button>
          ) : null}
        </div>
      </section>

      <ConfirmDialog
        open={erasing}
        title={t('person.eraseTitle', { name: person.name })}
        confirmLabel={t('person.eraseConfirm')}
        busyLabel={t('person.erasing')}
        onCancel={() => setErasing(false)}
        onConfirm={erase}
      >
        {t('person.eraseBody', { name: person.name })}
      </ConfirmDialog>
    </>
  );
}
