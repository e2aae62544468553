/**
 * "In de raad" on a person's page in Wie is wie (decision 46): the names in the followed councils'
 * motions and votes that are linked to the person, how often they submitted a motion and voted
 * for or against, the same per topic of the workspace, and the motions on those topics. Counts and
 * links, no score. It loads on its own, so the rest of the person's page does not wait for it.
 */
import { Link } from 'react-router';
import { Heading2, Heading3, Heading4, Paragraph } from '@utrecht/component-library-react';
import { getPersonCouncil, listCouncilTopics, listCouncils } from '../../api/generated/council';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { DataTable } from '../../components/DataTable';
import { useApiData } from '../../components/useApiData';
import { LOCALES } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import type { CouncilFollow, PersonCouncil } from './api';
import { formatDay, resultKey, type Context } from './council';
import { councilPeopleId } from './CouncilPeople';
import { motionAnchor } from './councilSearch';
import { useCanEdit, useCouncilBase } from './common';
import { motionsOf, resultBadgeClass, rolesText, totalsText, type PersonMotion } from './people';
import { useCouncilText } from './texts';

export interface PersonCouncilProps {
  personId: number;
  personName: string;
  /** Whether the person holds or held a council position (raadslid, wethouder, …). */
  inCouncil: boolean;
  /** The municipalities of those positions: CBS code and the organisation's name. */
  municipalities: readonly { code: string; name: string }[];
  /** Changes when the person's positions change: a new position may link a name. */
  version: string;
}

export function PersonCouncilSection({ personId, personName, inCouncil, municipalities, version }: PersonCouncilProps) {
  const ct = useCouncilText();
  const { language } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const council = useApiData(`person-council:${slug}:${personId}:${version}`, (signal) =>
    getPersonCouncil({ slug, person_id: personId }, { signal }),
  );
  const linked = (council.data?.names.length ?? 0) > 0;
  // Only for someone in a council: the others have nothing to show here, and no empty section.
  const relevant = inCouncil || linked;
  const councils = useApiData(`councils:${slug}:${relevant}`, (signal) =>
    relevant ? listCouncils({ slug }, { signal }) : Promise.resolve(null),
  );
  const needTopics = linked && council.data?.records.length === 0;
  const topics = useApiData(`council-topics:${slug}:${needTopics}`, (signal) =>
    needTopics ? listCouncilTopics({ slug }, { signal }) : Promise.resolve(null),
  );

  if (!relevant) return null;
  // Raad is off on this installation: the person's page says nothing about councils.
  if (councils.data && !councils.data.enabled && !linked) return null;

  const context: Context = { language, ct, now: new Date() };
  let body;
  if (council.error) body = <ErrorAlert error={council.error} />;
  else if (!council.data || (!linked && !councils.data && !councils.error)) body = <Loading />;
  else if (!linked) body = <NotLinked personName={personName} follows={councils.data?.follows ?? []} municipalities={municipalities} />;
  else
    body = (
      <Linked
        data={council.data}
        personName={personName}
        follows={councils.data?.follows ?? []}
        hasTopics={topics.data ? topics.data.items.length > 0 : undefined}
        topicsError={topics.error}
        context={context}
      />
    );

  return (
    <section className="aantafel-section aantafel-person-council" aria-labelledby="person-council" aria-busy={council.loading || undefined}>
      <Heading2 id="person-council">{ct('person.title')}</Heading2>
      <Paragraph>{ct('person.intro', { name: personName })}</Paragraph>
      {body}
    </section>
  );
}

function NotLinked({
  personName,
  follows,
  municipalities,
}: {
  personName: string;
  follows: CouncilFollow[];
  municipalities: readonly { code: string; name: string }[];
}) {
  const ct = useCouncilText();
  const { language } = useI18n();
  const base = useCouncilBase();
  const canEdit = useCanEdit();
  const codes = new Set(municipalities.map((m) => m.code));
  const followed = follows.filter((f) => f.municipality_code !== null && codes.has(f.municipality_code));
  const target = followed[0] ?? (codes.size === 0 ? follows[0] : undefined);
  if (target) {
    return (
      <>
        <Paragraph>{ct('person.notLinked', { name: personName })}</Paragraph>
        <Paragraph>
          <Link to={`${base}#${councilPeopleId(target.source_key)}`} className="utrecht-link utrecht-link--html-a">
            {ct('person.toReview')}
          </Link>
        </Paragraph>
      </>
    );
  }
  const names = municipalities.map((m) => m.name);
  const municipality = names.length > 0 ? new Intl.ListFormat(LOCALES[language], { type: 'disjunction' }).format(names) : '…';
  return (
    <>
      <Paragraph>
        {ct(canEdit ? 'person.notFollowing' : 'person.notFollowingViewer', { municipality, name: personName })}
      </Paragraph>
      <Paragraph>
        <Link to={base} className="utrecht-link utrecht-link--html-a">
          {ct('person.toCouncil')}
        </Link>
      </Paragraph>
    </>
  );
}

function Linked({
  data,
  personName,
  follows,
  hasTopics,
  topicsError,
  context,
}: {
  data: PersonCouncil;
  personName: string;
  follows: CouncilFollow[];
  /** Whether the workspace has topics; asked only when no motion is on one (undefined otherwise). */
  hasTopics: boolean | undefined;
  topicsError: unknown;
  context: Context;
}) {
  const { ct, language } = context;
  const base = useCouncilBase();
  const labels = new Map(follows.map((f) => [f.source_key, f.source?.label ?? f.source_key]));
  const councilOf = (sourceKey: string) => ct('councilOf', { name: labels.get(sourceKey) ?? sourceKey });
  const motions = motionsOf(data.records);

  let records;
  if (motions.length > 0) {
    records = (
      <>
        <Paragraph>{ct('person.recordsIntro')}</Paragraph>
        <ul className="aantafel-council-meetings" aria-label={ct('person.recordsList', { name: personName })}>
          {motions.map((motion) => (
            <MotionItem key={motion.key} motion={motion} personName={personName} councilOf={councilOf} context={context} />
          ))}
        </ul>
        {data.more_records ? <Paragraph className="aantafel-meta">{ct('person.more')}</Paragraph> : null}
      </>
    );
  } else if (topicsError) {
    records = <ErrorAlert error={topicsError} />;
  } else if (hasTopics === undefined) {
    records = <Loading />;
  } else {
    records = (
      <>
        <Paragraph>{hasTopics ? ct('person.noRecords', { name: personName }) : ct('person.noTopics', { name: personName })}</Paragraph>
        <Paragraph>
          <Link to={`${base}#council-topics`} className="utrecht-link utrecht-link--html-a">
            {ct('person.toTopics')}
          </Link>
        </Paragraph>
      </>
    );
  }

  return (
    <>
      <Paragraph className="aantafel-person-council__lead">{ct('person.names', { name: personName })}</Paragraph>
      <ul className="aantafel-person-council__names" aria-label={ct('person.namesList', { name: personName })}>
        {data.names.map((link) => (
          <li key={`${link.source_key}|${link.name_key}`}>
            {link.party
              ? ct('person.nameLine', { name: link.name, party: link.party, council: councilOf(link.source_key) })
              : ct('person.nameLineNoParty', { name: link.name, council: councilOf(link.source_key) })}{' '}
            <span className="aantafel-meta">({ct(link.state === 'confirmed' ? 'person.how.confirmed' : 'person.how.certain')})</span>
          </li>
        ))}
      </ul>
      <Paragraph>{totalsText(data, ct, language)}</Paragraph>
      {data.topics.length > 0 ? (
        <DataTable
          caption={ct('person.topicsCaption')}
          className="aantafel-person-council__topics"
          columns={[
            ct('person.topic'),
            { label: ct('person.colSubmitted'), numeric: true },
            { label: ct('person.colFor'), numeric: true },
            { label: ct('person.colAgainst'), numeric: true },
          ]}
        >
          {data.topics.map((topic) => (
            <tr key={topic.topic_id} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">{topic.topic_name}</th>
              <td className="utrecht-table__cell aantafel-number">{topic.submitted}</td>
              <td className="utrecht-table__cell aantafel-number">{topic.voted_for}</td>
              <td className="utrecht-table__cell aantafel-number">{topic.voted_against}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <Heading3>{ct('person.recordsTitle')}</Heading3>
      {records}
    </>
  );
}

function MotionItem({
  motion,
  personName,
  councilOf,
  context,
}: {
  motion: PersonMotion;
  personName: string;
  councilOf: (sourceKey: string) => string;
  context: Context;
}) {
  const { ct, language, now } = context;
  const base = useCouncilBase();
  const result = motion.result || null;
  return (
    <li className="aantafel-council-meeting aantafel-person-council__motion">
      <Heading4 className="aantafel-council-meeting__title">
        {motion.meeting_id !== null ? (
          <Link to={`${base}/meetings/${motion.meeting_id}#${motionAnchor(motion.motion_id)}`} className="utrecht-link utrecht-link--html-a">
            {motion.title}
          </Link>
        ) : (
          motion.title
        )}
      </Heading4>
      <p className="aantafel-person-council__line">
        {motion.date ? (
          <time dateTime={motion.date}>{formatDay(language, motion.date, now, { year: 'always' })}</time>
        ) : (
          <span>{ct('person.noDate')}</span>
        )}
        <span className="aantafel-meta"> · {councilOf(motion.source_key)}</span>{' '}
        <span className={resultBadgeClass(result)}>{ct(resultKey(result))}</span>
      </p>
      <p className="aantafel-person-council__line">
        <strong>{ct('person.roleLine', { name: personName, roles: rolesText(motion.roles, ct, language) })}</strong>
      </p>
      <p className="aantafel-meta aantafel-person-council__line">{ct('person.topics', { names: motion.topics.join(', ') })}</p>
      {motion.meeting_id === null ? <p className="aantafel-meta aantafel-person-council__line">{ct('person.noMeeting')}</p> : null}
    </li>
  );
}
