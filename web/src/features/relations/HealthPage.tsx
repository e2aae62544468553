import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { INTERACTION_KINDS, type Organisation, type TimelineItem } from '../../api/types';
import { getRelationshipHealth, getTimeline } from '../../api/generated/relations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { useApiData } from '../../components/useApiData';
import { useRecordById } from '../../components/useRecordById';
import { DataTable } from '../../components/DataTable';
import { useI18n } from '../../i18n/I18nProvider';
import { municipalityPageLinkText, municipalityPagePath } from '../municipality/links';
import { NotFoundContent } from '../shell/NotFoundPage';
import { useWorkspace } from '../shell/workspaceContext';
import { positionKindLabel } from '../whoiswho/labels';
import { HealthBadge, RelationsNav, useCanEdit, useRelationsBase } from './common';
import { worstFirst } from './relations';
import { useRelationsText } from './texts';

/** Relationship health of one municipality: status with reasons, people worst first, timeline. */
export function HealthPage() {
  const { organisationId: param } = useParams();
  const rt = useRelationsText();
  const { workspace } = useWorkspace();
  const report = useRecordById(param, `health:${workspace.slug}`, (id, signal) =>
    getRelationshipHealth({ slug: workspace.slug, organisation_id: id }, { signal }),
  );
  const id = report.id;
  if (id === null) return <NotFoundContent />;
  if (!report.data) {
    return (
      <>
        <PageHeading title={rt('health.pageTitle')} />
        <RelationsNav />
        {report.error ? <ErrorAlert error={report.error} /> : <Loading />}
      </>
    );
  }
  const { organisation, health, people } = report.data;
  return <HealthView organisation={organisation} health={health} people={people} />;
}

type Report = Awaited<ReturnType<typeof getRelationshipHealth>>;

function Reasons({ reasons }: { reasons: Report['health']['reasons'] }) {
  if (reasons.length === 0) return null;
  return (
    <ul className="aantafel-relations-reasons">
      {reasons.map((r) => (
        <li key={r.code}>{r.text}</li>
      ))}
    </ul>
  );
}

function HealthView({ organisation, health, people }: { organisation: Organisation; health: Report['health']; people: Report['people'] }) {
  const rt = useRelationsText();
  const { formatDateTime, language } = useI18n();
  const { workspace } = useWorkspace();
  const base = useRelationsBase();
  const canEdit = useCanEdit();
  const sorted = worstFirst(people);
  return (
    <>
      <PageHeading title={rt('health.title', { name: organisation.name })} />
      <RelationsNav />
      <div className="aantafel-actions">
        {organisation.kind === 'municipality' ? (
          <Link to={municipalityPagePath(workspace.slug, organisation.id)} className="utrecht-link utrecht-link--html-a">
            {municipalityPageLinkText(language, organisation.name)}
          </Link>
        ) : null}
        {canEdit ? (
          <Link to={`${base}/new?organisation=${organisation.id}`} className="utrecht-link utrecht-link--html-a">
            {rt('health.logInteraction', { name: organisation.name })}
          </Link>
        ) : null}
      </div>
      <section className="aantafel-card" aria-labelledby="health-heading">
        <Heading2 id="health-heading">{rt('health.status')}</Heading2>
        <Paragraph>
          <HealthBadge status={health.status} />{' '}
          {health.last_contact
            ? rt('health.lastContact', { date: formatDateTime(health.last_contact) })
            : rt('health.noContact')}
        </Paragraph>
        <Reasons reasons={health.reasons} />
      </section>
      <section className="aantafel-section" aria-labelledby="health-people-heading">
        <Heading2 id="health-people-heading">{rt('health.people')}</Heading2>
        {sorted.length === 0 ? <Paragraph>{rt('health.noPeople')}</Paragraph> : null}
        {sorted.length > 0 ? (
          <DataTable
            caption={rt('health.peopleCaption', { name: organisation.name })}
            columns={[rt('health.person'), rt('health.status'), rt('health.reasons')]}
          >
            {sorted.map((p) => (
              <tr key={p.person.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__cell">
                  <Link to={`${base.replace(/\/interactions$/, '')}/people/${p.person.id}`} className="utrecht-link utrecht-link--html-a">
                    {p.person.name}
                  </Link>
                  {p.person.fictional ? <span className="aantafel-meta"> {rt('health.fictional')}</span> : null}
                </th>
                <td className="utrecht-table__cell">
                  <HealthBadge status={p.health.status} />
                </td>
                <td className="utrecht-table__cell">
                  <Reasons reasons={p.health.reasons} />
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>
      <Timeline organisationId={organisation.id} />
    </>
  );
}

function timelineTitle(item: TimelineItem): string {
  if (item.interaction) return item.interaction.subject;
  // The spec leaves `agreement` untyped (an API gap); the server sends the agreement.
  const agreement = item.agreement as { title?: unknown } | undefined;
  return typeof agreement?.title === 'string' ? agreement.title : '';
}

function Timeline({ organisationId }: { organisationId: number }) {
  const rt = useRelationsText();
  const { t, formatDateTime } = useI18n();
  const { workspace } = useWorkspace();
  const base = useRelationsBase();
  const [kind, setKind] = useState('');
  const timeline = useApiData(`timeline:${workspace.slug}:${organisationId}`, (signal) =>
    getTimeline({ slug: workspace.slug }, { organisation_id: organisationId }, { signal }),
  );
  const items = (timeline.data?.items ?? []).filter((item) =>
    kind === '' ? true : kind === 'agreements' ? item.kind.startsWith('agreement') : item.interaction?.kind === kind,
  );
  return (
    <section className="aantafel-section" aria-labelledby="timeline-heading">
      <Heading2 id="timeline-heading">{rt('health.timeline')}</Heading2>
      <div className="aantafel-filters">
        <SelectField
          id="timeline-kind"
          label={rt('health.timelineFilter')}
          options={[
            { value: '', label: rt('health.timelineAll') },
            ...INTERACTION_KINDS.map((k) => ({ value: k, label: rt(`kind.${k}`) })),
            { value: 'agreements', label: rt('agreements.title') },
          ]}
          value={kind}
          onChange={(event) => setKind(event.target.value)}
        />
      </div>
      {timeline.error ? <ErrorAlert error={timeline.error} /> : null}
      {timeline.loading && !timeline.data ? <Loading /> : null}
      {timeline.data && items.length === 0 ? <Paragraph>{rt('health.timelineEmpty')}</Paragraph> : null}
      {items.length > 0 ? (
        <ol className="aantafel-relations-timeline" aria-labelledby="timeline-heading">
          {items.map((item, index) => {
            let what: string;
            if (item.kind === 'interaction' && item.interaction) what = rt(`kind.${item.interaction.kind}`);
            else if (item.kind === 'agreement_status' && item.status)
              what = rt('timeline.agreement_status', { status: rt(`status.${item.status}`) });
            else what = rt(`timeline.${item.kind}`);
            const title =
              item.position !== undefined
                ? item.position.title || t(positionKindLabel(item.position.kind))
                : timelineTitle(item);
            return (
              <li key={`${item.at}-${index}`} className="aantafel-relations-timeline__item">
                <span className="aantafel-meta">{formatDateTime(item.at)}</span> · {what}
                {title ? ': ' : ''}
                {item.interaction ? (
                  <Link to={`${base}/${item.interaction.id}`} className="utrecht-link utrecht-link--html-a">
                    {title}
                  </Link>
                ) : (
                  title
                )}
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
