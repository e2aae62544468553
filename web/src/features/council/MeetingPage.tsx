import { useEffect } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import {
  Alert,
  DataList,
  Heading2,
  Heading3,
  Paragraph,
} from '@utrecht/component-library-react';
import { ExternalLink } from 'lucide-react';
import { getCouncilMeeting, listCouncilTopicMatches } from '../../api/generated/council';
import { Fact } from '../../components/Fact';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { DataTable } from '../../components/DataTable';
import { useApiData } from '../../components/useApiData';
import { useRecordById } from '../../components/useRecordById';
import { useI18n } from '../../i18n/I18nProvider';
import { NotFoundContent } from '../shell/NotFoundPage';
import { useWorkspace } from '../shell/workspaceContext';
import type { CouncilAgendaItem, CouncilMeetingDetail, CouncilMotion } from './api';
import {
  agendaTopics,
  agendaTree,
  formatDay,
  meetingDayKey,
  meetingWhen,
  resultKey,
  safeUrl,
  votesByParty,
  type AgendaNode,
  type Context,
  type PartyVotes,
} from './council';
import { SourceNote, focusAfterRoute, hashId, useCouncilBase } from './common';
import { agendaItemAnchor, documentAnchor, motionAnchor } from './councilSearch';
import { useCouncilText } from './texts';

/**
 * One meeting of a followed council: when and where, the agenda as a numbered tree (headings as
 * group titles), the documents (links to the council's own site), and motions with their result,
 * tally, proposers and votes per party.
 */
export function MeetingPage() {
  const { meetingId: param } = useParams();
  const ct = useCouncilText();
  const { workspace } = useWorkspace();
  const base = useCouncilBase();
  const meeting = useRecordById(param, `council-meeting:${workspace.slug}`, (id, signal) =>
    getCouncilMeeting({ slug: workspace.slug, meeting_id: id }, { signal }),
  );
  const id = meeting.id;
  if (id === null) return <NotFoundContent />;
  const loaded = meeting.data && meeting.data.id === id ? meeting.data : null;
  if (!loaded && meeting.gone) {
    return <NotFoundContent />;
  }
  // The same h1 element while loading and after, so the focus that RouteFocus put on it stays.
  const title = loaded ? loaded.name || loaded.committee || ct('meeting.title') : ct('meeting.title');
  return (
    <div className="aantafel-council aantafel-council-detail">
      <PageHeading title={title} />
      <BackLink to={base} />
      {loaded ? (
        <MeetingView meeting={loaded} title={title} />
      ) : (
        <div aria-busy={meeting.loading || undefined}>
          {meeting.error && !meeting.loading ? <ErrorAlert error={meeting.error} /> : <Loading />}
        </div>
      )}
    </div>
  );
}

function BackLink({ to }: { to: string }) {
  const ct = useCouncilText();
  return (
    <Paragraph className="aantafel-back">
      <Link to={to} className="utrecht-link utrecht-link--html-a">
        {ct('meeting.back')}
      </Link>
    </Paragraph>
  );
}

/**
 * The part of the meeting a link points at ("#agenda-item-2", "#motion-12", "#document-7", as
 * "Zoeken in de raad" links): once the meeting is shown, it takes focus and comes into view. Two
 * frames later than the route's own focus on the h1 (RouteFocus), so it is not taken back.
 */
function useAnchorTarget(): string {
  const target = hashId(useLocation().hash);
  useEffect(() => (target ? focusAfterRoute(target) : undefined), [target]);
  return target;
}

/** The class of an element a link points at (a band, so it is found after the jump). */
function targetClass(base: string, id: string, target: string): string {
  return id === target ? `${base} aantafel-council-target` : base;
}

function MeetingView({ meeting, title }: { meeting: CouncilMeetingDetail; title: string }) {
  const ct = useCouncilText();
  const { language } = useI18n();
  const context: Context = { language, ct, now: new Date() };
  const target = useAnchorTarget();
  return (
    <>
      {meeting.cancelled ? (
        <Alert type="warning">
          <Paragraph>{ct('meeting.cancelled')}</Paragraph>
        </Alert>
      ) : null}
      <section className="aantafel-section" aria-labelledby="meeting-facts">
        <Heading2 id="meeting-facts" className="aantafel-visually-hidden">
          {ct('meeting.facts')}
        </Heading2>
        <DataList className="aantafel-facts">
          <Fact label={ct('meeting.when')}>
            <time dateTime={meetingDayKey(meeting)}>{meetingWhen(meeting, context, { year: 'always', noTimeNote: true })}</time>
          </Fact>
          <Fact label={ct('meeting.where')}>{meeting.location || ct('meeting.unknown')}</Fact>
          <Fact label={ct('meeting.council')}>{meeting.council}</Fact>
          {meeting.committee && meeting.committee !== title ? (
            <Fact label={ct('meeting.committee')}>{meeting.committee}</Fact>
          ) : null}
          {meeting.classification ? (
            <Fact label={ct('meeting.kind')}>{meeting.classification}</Fact>
          ) : null}
        </DataList>
      </section>
      <AgendaSection meeting={meeting} target={target} />
      <DocumentsSection meeting={meeting} context={context} target={target} />
      <MotionsSection meeting={meeting} context={context} target={target} />
      <SourceNote />
    </>
  );
}

/** A link to a document on the council's own site (same tab), and that it goes there. */
function SourceLink({ name, url, type }: { name: string; url: string; type?: string }) {
  const ct = useCouncilText();
  const href = safeUrl(url);
  const details = [type, ct('documents.where')].filter(Boolean).join(', ');
  if (!href) return <span>{name}</span>;
  return (
    <>
      <a className="utrecht-link aantafel-council__doc-link" href={href} rel="noopener noreferrer">
        {name}
        <Icon icon={ExternalLink} className="aantafel-council__external" />
      </a>{' '}
      <span className="aantafel-meta">({details})</span>
    </>
  );
}

/** Where things are in the agenda: its place in the list, as the server counts (search links). */
interface AgendaPlaces {
  positions: Map<CouncilAgendaItem, number>;
  target: string;
}

function AgendaSection({ meeting, target }: { meeting: CouncilMeetingDetail; target: string }) {
  const ct = useCouncilText();
  const tree = agendaTree(meeting.agenda);
  const places: AgendaPlaces = { positions: new Map(meeting.agenda.map((item, index) => [item, index])), target };
  const { workspace } = useWorkspace();
  const day = meetingDayKey(meeting);
  // The workspace's topics on this meeting's day: agenda items whose title holds one are marked.
  const matches = useApiData(`council-meeting-topics:${workspace.slug}:${meeting.id}:${day ?? ''}`, (signal) =>
    day
      ? listCouncilTopicMatches({ slug: workspace.slug }, { from: day, to: day, source_key: meeting.source_key }, { signal })
      : Promise.resolve({ items: [] }),
  );
  const topics = agendaTopics(matches.data?.items ?? [], meeting.id);
  return (
    <section className="aantafel-section" aria-labelledby="meeting-agenda">
      <Heading2 id="meeting-agenda">{ct('agenda.title')}</Heading2>
      {tree.length === 0 ? <Paragraph>{ct('agenda.empty')}</Paragraph> : <AgendaList nodes={tree} level={0} topics={topics} places={places} />}
    </section>
  );
}

function AgendaList({
  nodes,
  level,
  topics,
  places,
}: {
  nodes: AgendaNode[];
  level: number;
  topics: Map<string, string[]>;
  places: AgendaPlaces;
}) {
  return (
    <ol className={level === 0 ? 'aantafel-agenda' : 'aantafel-agenda aantafel-agenda--nested'}>
      {nodes.map((node, index) => (
        <AgendaEntry key={index} node={node} level={level} topics={topics} places={places} />
      ))}
    </ol>
  );
}

function AgendaEntry({
  node,
  level,
  topics,
  places,
}: {
  node: AgendaNode;
  level: number;
  topics: Map<string, string[]>;
  places: AgendaPlaces;
}) {
  const ct = useCouncilText();
  const { item, children } = node;
  const position = places.positions.get(item);
  const id = position === undefined ? undefined : agendaItemAnchor(position);
  const found = topics.get(item.title);
  const label = (
    <>
      {item.number ? (
        <>
          <span className="aantafel-agenda__number">{item.number}</span>{' '}
        </>
      ) : null}
      {/* One flexible column for the title and its topic label, so the label wraps with the text. */}
      <span className="aantafel-agenda__text">
        <span className="aantafel-agenda__title">{item.title}</span>
        {found ? (
          <>
            {' '}
            <span className="aantafel-badge aantafel-agenda__topic">{ct('agenda.topic', { names: found.join(', ') })}</span>
          </>
        ) : null}
      </span>
    </>
  );
  return (
    <li
      id={id}
      tabIndex={id ? -1 : undefined}
      className={targetClass(
        item.heading ? 'aantafel-agenda__item aantafel-agenda__item--heading aantafel-focus-target' : 'aantafel-agenda__item aantafel-focus-target',
        id ?? '',
        places.target,
      )}
    >
      {item.heading ? (
        level === 0 ? (
          <Heading3 className="aantafel-agenda__heading">{label}</Heading3>
        ) : (
          <h4 className="utrecht-heading-4 aantafel-agenda__heading">{label}</h4>
        )
      ) : (
        <p className="aantafel-agenda__line">{label}</p>
      )}
      {item.description ? <p className="aantafel-agenda__description">{item.description}</p> : null}
      {item.documents.length > 0 ? (
        <ul className="aantafel-agenda__documents" aria-label={ct('agenda.documents')}>
          {item.documents.map((doc, i) => (
            <li key={`${doc.entity_id}-${i}`}>
              <SourceLink name={doc.name} url={doc.url} />
            </li>
          ))}
        </ul>
      ) : null}
      {children.length > 0 ? <AgendaList nodes={children} level={level + 1} topics={topics} places={places} /> : null}
    </li>
  );
}

function documentType(contentType: string, ct: ReturnType<typeof useCouncilText>): string | undefined {
  if (/pdf/i.test(contentType)) return ct('documents.pdf');
  return undefined;
}

function DocumentsSection({ meeting, context, target }: { meeting: CouncilMeetingDetail; context: Context; target: string }) {
  const { ct, language, now } = context;
  return (
    <section className="aantafel-section" aria-labelledby="meeting-documents">
      <Heading2 id="meeting-documents">{ct('documents.title')}</Heading2>
      {meeting.documents.length === 0 ? (
        <Paragraph>{ct('documents.empty')}</Paragraph>
      ) : (
        <>
          <Paragraph>{ct('documents.intro')}</Paragraph>
          <ul className="aantafel-council__documents">
            {meeting.documents.map((doc) => (
              <li
                key={doc.id}
                id={documentAnchor(doc.id)}
                tabIndex={-1}
                className={targetClass('aantafel-focus-target', documentAnchor(doc.id), target)}
              >
                <SourceLink name={doc.name} url={doc.url} type={documentType(doc.content_type, ct)} />
                {doc.classification || doc.modified_at ? (
                  <span className="aantafel-council__doc-meta aantafel-meta">
                    {[
                      doc.classification || null,
                      doc.modified_at ? ct('documents.modified', { date: formatDay(language, doc.modified_at, now, { year: 'always' }) }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function MotionsSection({ meeting, context, target }: { meeting: CouncilMeetingDetail; context: Context; target: string }) {
  const { ct } = context;
  return (
    <section className="aantafel-section" aria-labelledby="meeting-motions">
      <Heading2 id="meeting-motions">{ct('motions.title')}</Heading2>
      {meeting.motions.length === 0 ? (
        <Paragraph>{ct('motions.empty')}</Paragraph>
      ) : (
        <ul className="aantafel-cards aantafel-council__motions">
          {meeting.motions.map((motion) => (
            <li key={motion.id} className={targetClass('aantafel-cards__item', motionAnchor(motion.id), target)}>
              <Motion motion={motion} context={context} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const RESULT_CLASS: Record<string, string> = {
  aangenomen: 'aantafel-badge aantafel-badge--ok',
  verworpen: 'aantafel-badge aantafel-badge--alert',
};

function Motion({ motion, context }: { motion: CouncilMotion; context: Context }) {
  const { ct, language } = context;
  const parties = votesByParty(motion.votes, language);
  const total = motion.in_favour !== null && motion.against !== null ? motion.in_favour + motion.against : null;
  const headingId = motionAnchor(motion.id);
  return (
    <article aria-labelledby={headingId}>
      <Heading3 id={headingId} tabIndex={-1} className="aantafel-cards__title aantafel-focus-target">
        {motion.name}
      </Heading3>
      <p className="aantafel-council__result">
        <span className={RESULT_CLASS[motion.result ?? ''] ?? 'aantafel-badge aantafel-badge--muted'}>{ct(resultKey(motion.result))}</span>{' '}
        {motion.in_favour !== null && motion.against !== null ? (
          <span>{ct('motion.tally', { for: motion.in_favour, against: motion.against })}</span>
        ) : (
          <span>{ct('motion.noTally')}</span>
        )}
      </p>
      {motion.result === null && motion.status ? <p className="aantafel-meta">{motion.status}</p> : null}
      {motion.proposers.length > 0 ? <p>{ct('motion.proposers', { names: motion.proposers.join(', ') })}</p> : null}
      {parties.length === 0 ? (
        <p className="aantafel-meta">{ct('motion.noVotes')}</p>
      ) : (
        <PartyTable motion={motion} parties={parties} total={total} context={context} />
      )}
    </article>
  );
}

function PartyTable({
  motion,
  parties,
  total,
  context,
}: {
  motion: CouncilMotion;
  parties: PartyVotes[];
  total: number | null;
  context: Context;
}) {
  const { ct } = context;
  const partyName = (p: PartyVotes) => p.party || ct('motion.noParty');
  return (
    <>
      <DataTable
        caption={ct('motion.byParty')}
        className="aantafel-council__parties"
        columns={[ct('motion.party'), { label: ct('motion.for'), numeric: true }, { label: ct('motion.against'), numeric: true }]}
      >
        {parties.map((p) => (
          <tr key={p.party} className="utrecht-table__row">
            <th scope="row" className="utrecht-table__header-cell">
              {partyName(p)}
              {p.stand === 'split' ? <span className="aantafel-meta"> ({ct('motion.votedSplit')})</span> : null}
            </th>
            <td className="utrecht-table__cell aantafel-number">{p.for}</td>
            <td className="utrecht-table__cell aantafel-number">{p.against}</td>
          </tr>
        ))}
      </DataTable>
      {total !== null && motion.votes.length < total ? (
        <p className="aantafel-meta">{ct('motion.partial', { count: motion.votes.length, total })}</p>
      ) : null}
      <details className="aantafel-council__voters">
        <summary>
          {motion.votes.length === 1 ? ct('motion.voters1') : ct('motion.voters', { count: motion.votes.length })}
        </summary>
        <dl className="aantafel-council__voter-list">
          {parties.map((p) => (
            <div key={p.party} className="aantafel-council__voter-party">
              <dt>{partyName(p)}</dt>
              {p.votersFor.length > 0 ? (
                <dd>
                  {ct('motion.votersFor')}: {p.votersFor.join('; ')}
                </dd>
              ) : null}
              {p.votersAgainst.length > 0 ? (
                <dd>
                  {ct('motion.votersAgainst')}: {p.votersAgainst.join('; ')}
                </dd>
              ) : null}
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}
