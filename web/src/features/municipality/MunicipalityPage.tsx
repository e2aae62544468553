import { useCallback, useMemo, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import {
  DataList,
  Heading2,
  Heading3,
  Paragraph,
} from '@utrecht/component-library-react';
import { Check, CircleAlert, CircleDot, X, type LucideIcon } from 'lucide-react';
import { getMunicipalityDossier } from '../../api/generated/overview';
import { getCoverage } from '../../api/generated/social-map';
import { getMunicipality, listOrganisations } from '../../api/generated/whoiswho';
import { Fact } from '../../components/Fact';
import { getDistrictMap } from '../../components/map/mapApi';
import { hasNeighbourhoods } from '../../components/map/objects';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { useApiData } from '../../components/useApiData';
import { useRecordById } from '../../components/useRecordById';
import { DataTable } from '../../components/DataTable';
import { useI18n } from '../../i18n/I18nProvider';
import { appLink, localDay } from '../overview/overview';
import { useRelationsText } from '../relations/texts';
import { NotFoundContent } from '../shell/NotFoundPage';
import { useCanEdit, useWorkspace } from '../shell/workspaceContext';
import { positionKindLabel, quadrantLabel } from '../whoiswho/labels';
import { CoverageMap } from '../social-map/CoverageMap';
import { MunicipalityCouncilAgenda } from '../council/CouncilAgenda';
import { useCouncilText } from '../council/texts';
import {
  healthClass,
  isCouncilEmpty,
  isSocialMapEmpty,
  npsText,
  paths,
  seatsInOrder,
  type HealthStatus,
  type MunicipalityDossier,
} from './municipality';
import { useMunicipalityText } from './texts';
import './municipality.css';

/**
 * The municipality page ("gemeentepagina"): everything the workspace knows about one
 * municipality in one answer (GET …/organisations/{id}/dossier), in the order a Monday-morning
 * reader needs it: who is who now → the council's agenda (Raad, its own requests) → our
 * relationship → agreements → the right moment → what clients say → services and coverage →
 * scans and financing. Every section says what to do when it is empty and links to the module
 * where that is done.
 */
export function MunicipalityPage() {
  const { organisationId: param } = useParams();
  const mt = useMunicipalityText();
  const { language } = useI18n();
  const { workspace } = useWorkspace();
  // The server writes reasons, labels and explanations in the request's language: reload on a switch.
  const dossier = useRecordById(param, `dossier:${workspace.slug}:${language}`, (id, signal) =>
    getMunicipalityDossier({ slug: workspace.slug, organisation_id: id }, { signal }),
  );
  const id = dossier.id;
  if (id === null) return <NotFoundContent />;
  if (!dossier.data || dossier.data.organisation.id !== id) {
    if (dossier.gone) return <NotFoundContent />;
    return (
      <>
        <PageHeading title={mt('pageTitle')} />
        <div aria-busy={dossier.loading || undefined}>
          {dossier.error && !dossier.loading ? <ErrorAlert error={dossier.error} /> : <Loading />}
        </div>
      </>
    );
  }
  return <DossierView dossier={dossier.data} />;
}

/** A link to a module page, below /w/{slug}/ (same rule as the "Nu doen" links). */
function AppLink({ to, children }: { to: string; children: ReactNode }) {
  const { workspace } = useWorkspace();
  return (
    <Link to={appLink(workspace.slug, to)} className="utrecht-link utrecht-link--html-a">
      {children}
    </Link>
  );
}

/** One headed region of the page. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="aantafel-section aantafel-dossier__section" aria-labelledby={id}>
      <Heading2 id={id}>{title}</Heading2>
      {children}
    </section>
  );
}

/** Links at the end of a section, to where its subject is handled. */
function SectionLinks({ children }: { children: ReactNode }) {
  return <div className="aantafel-actions aantafel-dossier__links">{children}</div>;
}

/** A section's list, or the sentence that says it is empty. `children` makes each item's <li>. */
function DossierList<T>({
  items,
  empty,
  children,
}: {
  items: readonly T[];
  empty: string;
  children: (item: T) => ReactNode;
}) {
  if (items.length === 0) return <Paragraph>{empty}</Paragraph>;
  return <ul className="aantafel-dossier__list">{items.map(children)}</ul>;
}

/** One item of a section's list: a link to it, and a line about it. */
function DossierItem({ to, title, children }: { to: string; title: string; children: ReactNode }) {
  return (
    <li>
      <AppLink to={to}>{title}</AppLink>
      <p className="aantafel-dossier__detail">{children}</p>
    </li>
  );
}

/** Decorative icon beside the status word (never the only carrier of meaning). */
const HEALTH_ICON: Record<HealthStatus, LucideIcon> = {
  good: Check,
  attention: CircleAlert,
  action: X,
};

/** Good / needs attention / action needed: an icon and the word, never colour alone. */
export function HealthStatusBadge({ status }: { status: HealthStatus }) {
  const mt = useMunicipalityText();
  return (
    <span className={healthClass(status)} data-health={status}>
      <Icon icon={HEALTH_ICON[status]} className="aantafel-dossier__icon" strokeWidth={2.5} />{' '}
      {mt(`health.${status}`)}
    </span>
  );
}

function Reasons({ reasons }: { reasons: MunicipalityDossier['health']['reasons'] }) {
  if (reasons.length === 0) return null;
  return (
    <ul className="aantafel-dossier__reasons">
      {reasons.map((r) => (
        <li key={r.code}>{r.text}</li>
      ))}
    </ul>
  );
}

/** A 'YYYY-MM-DD' day in words: "7 december 2026". */
function useDayText() {
  const { formatDate } = useI18n();
  return (value: string) => formatDate(localDay(value));
}

/** A 'YYYY-MM-DD' day in a <time> element. */
function useDay() {
  const { formatDate } = useI18n();
  return (value: string) => <time dateTime={value}>{formatDate(localDay(value))}</time>;
}

function DossierView({ dossier }: { dossier: MunicipalityDossier }) {
  const mt = useMunicipalityText();
  const { organisation } = dossier;
  return (
    <div className="aantafel-dossier">
      <PageHeading title={organisation.name} />
      <Paragraph>{mt('intro')}</Paragraph>
      {organisation.kind !== 'municipality' ? <Paragraph>{mt('notMunicipality')}</Paragraph> : null}
      <FactsSection dossier={dossier} />
      <CouncilSection dossier={dossier} />
      <CouncilAgendaSection dossier={dossier} />
      <RelationSection dossier={dossier} />
      <AgreementsSection dossier={dossier} />
      <CycleSection dossier={dossier} />
      <FeedbackSection dossier={dossier} />
      <SocialMapSection dossier={dossier} />
      <ScansSection dossier={dossier} />
    </div>
  );
}

function FactsSection({ dossier }: { dossier: MunicipalityDossier }) {
  const mt = useMunicipalityText();
  const { formatNumber } = useI18n();
  const m = dossier.municipality;
  const text = useDayText();
  // What the workspace imported from the Overheidsalmanak; inhabitants fill in where CBS has none.
  const facts = dossier.organisation.facts;
  const population = m?.population ?? facts?.inhabitants ?? null;
  const value = (v: string | number | null) =>
    v === null || v === '' ? mt('facts.unknown') : typeof v === 'number' ? formatNumber(v) : v;
  return (
    <Section id="dossier-facts" title={mt('facts.title', { name: dossier.organisation.name })}>
      {m ? (
        <DataList className="aantafel-facts">
          <Fact label={mt('facts.code')}>{m.code}</Fact>
          <Fact label={mt('facts.province')}>{value(m.province)}</Fact>
          <Fact label={mt('facts.population')}>{value(population)}</Fact>
          <Fact label={mt('facts.careOffice')}>{value(m.care_office_region)}</Fact>
          <Fact label={mt('facts.youthRegion')}>{value(m.youth_region)}</Fact>
          {facts?.total_seats != null ? (
            <Fact label={mt('facts.seats')}>{formatNumber(facts.total_seats)}</Fact>
          ) : null}
          {facts?.website ? (
            <Fact label={mt('facts.website')}>
              <a className="utrecht-link" href={facts.website} rel="noopener noreferrer">
                {facts.website}
              </a>
            </Fact>
          ) : null}
        </DataList>
      ) : (
        <Paragraph>{mt('facts.none')}</Paragraph>
      )}
      {m?.ended_on ? <Paragraph>{mt('facts.ended', { date: text(m.ended_on) })}</Paragraph> : null}
      <Reorganisation
        intro={(date) => mt('facts.formedFrom', { name: dossier.organisation.name, date })}
        list={dossier.reorganisation.predecessors}
      />
      <Reorganisation
        intro={(date) => mt('facts.mergedInto', { name: dossier.organisation.name, date })}
        list={dossier.reorganisation.successors}
      />
      {m ? <DistrictsMap code={m.code} name={dossier.organisation.name} /> : null}
    </Section>
  );
}

/**
 * The municipalities this one came from or went into, each linked to the workspace's own page
 * for it (its contacts, plans and agreements stay there under its own name).
 */
function Reorganisation({
  intro,
  list,
}: {
  intro: (date: string) => string;
  list: MunicipalityDossier['reorganisation']['predecessors'];
}) {
  const mt = useMunicipalityText();
  const text = useDayText();
  const first = list[0];
  if (!first) return null;
  return (
    <>
      <Paragraph>{intro(text(first.effective_on))}</Paragraph>
      <ul className="aantafel-dossier__reorganisation">
        {list.map((l) => (
          <li key={l.code}>
            {l.organisation_id !== null ? (
              <AppLink to={`municipalities/${l.organisation_id}`}>{l.name}</AppLink>
            ) : (
              <>
                {l.name} <span className="aantafel-meta">{mt('facts.notFollowed')}</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The municipality's districts on a map, coloured by the number of providers on the Sociale kaart
 * (the same map as there, so with the choice "Wijken" / "Buurten" when the operator imported
 * neighbourhoods); an area opens the Sociale kaart at that area.
 */
function DistrictsMap({ code, name }: { code: string; name: string }) {
  const mt = useMunicipalityText();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const detail = useApiData(`municipality:${code}`, (signal) => getMunicipality({ code }, { signal }));
  const topology = useApiData(`district-map:${code}`, (signal) => getDistrictMap(code, signal));
  const coverage = useApiData(`coverage:${slug}:${code}`, (signal) => getCoverage({ slug }, { municipality_code: code }, { signal }));
  const organisations = useApiData(`organisations:${slug}`, (signal) => listOrganisations({ slug }, { signal }));
  // Memoized: the map is projected again when they change.
  const names = useMemo(
    () => new Map((organisations.data?.items ?? []).map((o) => [o.id, o.name])),
    [organisations.data],
  );
  const hrefFor = useCallback(
    (district: string) => appLink(slug, `social-map?gemeente=${encodeURIComponent(code)}&wijk=${encodeURIComponent(district)}`),
    [slug, code],
  );
  const withNeighbourhoods = hasNeighbourhoods(topology.data);
  return (
    <>
      <Heading3>{mt(withNeighbourhoods ? 'facts.neighbourhoods' : 'facts.districts')}</Heading3>
      <Paragraph>{mt(withNeighbourhoods ? 'facts.neighbourhoodsIntro' : 'facts.districtsIntro')}</Paragraph>
      {detail.error ? <ErrorAlert error={detail.error} /> : null}
      {coverage.error ? <ErrorAlert error={coverage.error} /> : null}
      {coverage.data && detail.data ? (
        <CoverageMap
          id="municipality-districts"
          coverage={coverage.data}
          districts={detail.data.districts}
          municipalityName={name}
          topology={topology.data}
          topologyError={topology.error || undefined}
          providerNames={names}
          hrefFor={hrefFor}
        />
      ) : !detail.error && !coverage.error ? (
        <Loading />
      ) : null}
    </>
  );
}

function CouncilSection({ dossier }: { dossier: MunicipalityDossier }) {
  const mt = useMunicipalityText();
  const { t, formatNumber } = useI18n();
  const text = useDayText();
  const { organisation, council } = dossier;
  const { seats, total } = seatsInOrder(council.seats);
  const empty = isCouncilEmpty(council);
  return (
    <Section id="dossier-council" title={mt('council.title')}>
      {empty ? (
        <Paragraph>{mt('council.empty')}</Paragraph>
      ) : (
        <>
          <Paragraph>
            {council.term
              ? council.term.election_date
                ? mt('council.termElection', {
                    date: text(council.term.installation_date),
                    election: text(council.term.election_date),
                  })
                : mt('council.term', { date: text(council.term.installation_date) })
              : mt('council.noTerm')}
          </Paragraph>
          <Heading3>{mt('council.college')}</Heading3>
          {council.college.length === 0 ? (
            <Paragraph>{mt('council.collegeEmpty')}</Paragraph>
          ) : (
            <ul className="aantafel-dossier__list">
              {council.college.map(({ person, positions }) => (
                <li key={person.id}>
                  <AppLink to={paths.person(person.id)}>{person.name}</AppLink>
                  {person.fictional ? <span className="aantafel-meta"> {mt('council.fictional')}</span> : null}
                  {positions.map((position) => (
                    <p key={position.id} className="aantafel-dossier__detail">
                      {position.title || t(positionKindLabel(position.kind))}
                      {position.party ? ` · ${position.party}` : ''}
                      {position.portfolios.length > 0
                        ? ` · ${mt('council.portfolios', { list: position.portfolios.join(', ') })}`
                        : ''}
                    </p>
                  ))}
                </li>
              ))}
            </ul>
          )}
          <Heading3>{mt('council.seats')}</Heading3>
          {seats.length === 0 ? (
            <Paragraph>{mt('council.seatsEmpty')}</Paragraph>
          ) : (
            <DataTable
              caption={mt('council.seatsCaption', { total: formatNumber(total) })}
              className="aantafel-table--narrow aantafel-dossier__seats"
              columns={[mt('council.party'), mt('council.seatCount')]}
            >
              {seats.map((s) => (
                <tr key={s.party} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__cell">{s.party}</th>
                  <td className="utrecht-table__cell">
                    <span className="aantafel-dossier__bar-cell">
                      <span aria-hidden="true" className="aantafel-dossier__track">
                        <span
                          className="aantafel-dossier__bar"
                          style={{ inlineSize: `${total > 0 ? (s.seats / total) * 100 : 0}%` }}
                        />
                      </span>
                      <span>
                        {s.seats === 1 ? mt('council.seatsValue1') : mt('council.seatsValue', { count: formatNumber(s.seats) })}
                      </span>
                    </span>
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          {council.not_yet_met.length > 0 ? (
            <>
              <Heading3>{mt('council.notYetMet')}</Heading3>
              <Paragraph>{mt('council.notYetMetIntro')}</Paragraph>
              <ul className="aantafel-dossier__list">
                {council.not_yet_met.map((person) => (
                  <li key={person.id}>
                    <AppLink to={paths.person(person.id)}>{person.name}</AppLink>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
      <SectionLinks>
        <AppLink to={paths.whoIsWho(organisation.id)}>{mt('council.link', { name: organisation.name })}</AppLink>
      </SectionLinks>
    </Section>
  );
}

/**
 * "Op de agenda van de raad": the upcoming meetings of the councils the workspace follows for this
 * municipality, those where its topics come up first (Raad, issue #26). Only for a municipality.
 */
function CouncilAgendaSection({ dossier }: { dossier: MunicipalityDossier }) {
  const ct = useCouncilText();
  const { organisation } = dossier;
  const code = dossier.municipality?.code ?? organisation.municipality_code;
  if (organisation.kind !== 'municipality' || !code) return null;
  return (
    <Section id="dossier-council-agenda" title={ct('municipality.title')}>
      <MunicipalityCouncilAgenda key={code} code={code} name={organisation.name} />
    </Section>
  );
}

function RelationSection({ dossier }: { dossier: MunicipalityDossier }) {
  const mt = useMunicipalityText();
  const rt = useRelationsText();
  const { t, formatDate } = useI18n();
  const canEdit = useCanEdit();
  const { organisation, health, people, last_contacts: contacts } = dossier;
  return (
    <Section id="dossier-relation" title={mt('relation.title')}>
      <Heading3>{mt('relation.status')}</Heading3>
      <Paragraph>
        <HealthStatusBadge status={health.status} />{' '}
        {health.last_contact ? mt('relation.lastContact', { date: formatDate(health.last_contact) }) : mt('relation.noContact')}
      </Paragraph>
      <Reasons reasons={health.reasons} />
      <Heading3>{mt('relation.people')}</Heading3>
      {people.length === 0 ? (
        <Paragraph>{mt('relation.peopleEmpty')}</Paragraph>
      ) : (
        <DataTable
          caption={mt('relation.peopleCaption', { name: organisation.name })}
          captionHidden
          columns={[mt('relation.person'), mt('relation.health'), mt('relation.quadrant'), mt('relation.reasons')]}
        >
          {people.map((p) => (
            <tr key={p.person.id} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__cell">
                <AppLink to={paths.person(p.person.id)}>{p.person.name}</AppLink>
                {p.person.fictional ? <span className="aantafel-meta"> {mt('council.fictional')}</span> : null}
              </th>
              <td className="utrecht-table__cell">
                <HealthStatusBadge status={p.health.status} />
              </td>
              <td className="utrecht-table__cell">
                {p.quadrant ? t(quadrantLabel(p.quadrant)) : mt('relation.noQuadrant')}
              </td>
              <td className="utrecht-table__cell">
                <Reasons reasons={p.health.reasons} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Heading3>{mt('relation.contacts')}</Heading3>
      <DossierList items={contacts} empty={mt('relation.contactsEmpty')}>
        {(c) => (
          <li key={c.id}>
            <span className="aantafel-meta">
              <time dateTime={c.occurred_at}>{formatDate(c.occurred_at)}</time> · {rt(`kind.${c.kind}`)}
            </span>
            {': '}
            <AppLink to={paths.interaction(c.id)}>{c.subject}</AppLink>
          </li>
        )}
      </DossierList>
      <SectionLinks>
        <AppLink to={paths.health(organisation.id)}>{mt('relation.link', { name: organisation.name })}</AppLink>
        {canEdit ? (
          <AppLink to={paths.newInteraction(organisation.id)}>{mt('relation.logContact', { name: organisation.name })}</AppLink>
        ) : null}
      </SectionLinks>
    </Section>
  );
}

function AgreementsSection({ dossier }: { dossier: MunicipalityDossier }) {
  const mt = useMunicipalityText();
  const rt = useRelationsText();
  const text = useDayText();
  const canEdit = useCanEdit();
  const { organisation, agreements } = dossier;
  return (
    <Section id="dossier-agreements" title={mt('agreements.title')}>
      {agreements.open.length === 0 ? (
        <Paragraph>{mt('agreements.empty')}</Paragraph>
      ) : (
        <>
          <Paragraph>
            {mt('agreements.counts', {
              open: agreements.open_count,
              overdue: agreements.overdue_count,
              fulfilled: agreements.fulfilled_count,
            })}
          </Paragraph>
          <ul className="aantafel-dossier__list">
            {agreements.open.map((a) => (
              <DossierItem key={a.id} to={paths.agreement(a.id)} title={a.title}>
                {rt(`status.${a.status}`)} ·{' '}
                {a.due_on ? mt('agreements.due', { date: text(a.due_on) }) : mt('agreements.noDue')}
                {a.overdue ? (
                  <>
                    {' '}
                    <span className="aantafel-badge aantafel-badge--alert">
                      <span aria-hidden="true">!</span> {mt('agreements.overdue')}
                    </span>
                  </>
                ) : null}
              </DossierItem>
            ))}
          </ul>
        </>
      )}
      <SectionLinks>
        <AppLink to={paths.agreements()}>{mt('agreements.link')}</AppLink>
        {canEdit ? <AppLink to={paths.newAgreement(organisation.id)}>{mt('agreements.new')}</AppLink> : null}
      </SectionLinks>
    </Section>
  );
}

function CycleSection({ dossier }: { dossier: MunicipalityDossier }) {
  const mt = useMunicipalityText();
  const day = useDay();
  const text = useDayText();
  const canEdit = useCanEdit();
  const { organisation, cycle } = dossier;
  return (
    <Section id="dossier-cycle" title={mt('cycle.title')}>
      <Heading3>{mt('cycle.windows')}</Heading3>
      {cycle.windows.length === 0 ? (
        <>
          <Paragraph>{mt('cycle.windowsEmpty')}</Paragraph>
          {canEdit ? (
            <SectionLinks>
              <AppLink to={paths.newPlan()}>{mt('cycle.newPlan')}</AppLink>
            </SectionLinks>
          ) : null}
        </>
      ) : (
        <ul className="aantafel-dossier__list">
          {cycle.windows.map(({ plan, open, window }) => (
            <li key={`${plan.id}:${window.id}`} data-open={open || undefined}>
              <AppLink to={paths.plan(plan.id)}>{`${plan.title}: ${window.label}`}</AppLink>
              <p className="aantafel-dossier__detail">
                {open ? (
                  <span className="aantafel-badge aantafel-badge--ok">
                    <Icon icon={CircleDot} /> {mt('cycle.windowOpen', { date: text(window.to) })}
                  </span>
                ) : (
                  mt('cycle.windowAhead', { from: text(window.from), to: text(window.to) })
                )}
              </p>
              <p className="aantafel-dossier__detail">{window.explain}</p>
            </li>
          ))}
        </ul>
      )}
      <Heading3>{mt('cycle.events')}</Heading3>
      <DossierList items={cycle.events} empty={mt('cycle.eventsEmpty')}>
        {(event) => (
          <li key={event.id}>
            <span className="aantafel-meta">
              {day(event.date)}
              {event.until ? ` ${mt('cycle.until', { date: text(event.until) })}` : ''}
            </span>
            {': '}
            <strong>{event.label}</strong>
            <p className="aantafel-dossier__detail">{event.explain}</p>
          </li>
        )}
      </DossierList>
      {organisation.kind === 'municipality' ? (
        <SectionLinks>
          <AppLink to={paths.calendar(organisation.id)}>{mt('cycle.link', { name: organisation.name })}</AppLink>
        </SectionLinks>
      ) : null}
    </Section>
  );
}

function FeedbackSection({ dossier }: { dossier: MunicipalityDossier }) {
  const mt = useMunicipalityText();
  const { feedback } = dossier;
  if (!feedback) {
    return (
      <Section id="dossier-feedback" title={mt('feedback.title')}>
        <Paragraph>{mt('feedback.notApplicable')}</Paragraph>
      </Section>
    );
  }
  const noAnswers = (feedback.nps_last_year?.n ?? 0) === 0 && (feedback.nps_last_30_days?.n ?? 0) === 0;
  return (
    <Section id="dossier-feedback" title={mt('feedback.title')}>
      {feedback.surveys.length === 0 && noAnswers ? (
        <Paragraph>{mt('feedback.empty')}</Paragraph>
      ) : (
        <>
          <DataList className="aantafel-facts">
            <Fact label={mt('feedback.lastYear')}>
              <span data-testid="nps-last-year">{npsText(mt, feedback.nps_last_year)}</span>
            </Fact>
            <Fact label={mt('feedback.last30')}>
              <span data-testid="nps-last-30-days">{npsText(mt, feedback.nps_last_30_days)}</span>
            </Fact>
          </DataList>
          <Heading3>{mt('feedback.surveys')}</Heading3>
          <DossierList items={feedback.surveys} empty={mt('feedback.empty')}>
            {(s) => (
              <li key={s.id}>
                {s.name}
                {s.team ? ` · ${s.team}` : ''} ({s.active ? mt('feedback.active') : mt('feedback.inactive')})
              </li>
            )}
          </DossierList>
        </>
      )}
      <SectionLinks>
        <AppLink to={paths.feedback()}>{mt('feedback.link')}</AppLink>
        <AppLink to={paths.surveys()}>{mt('feedback.surveysLink')}</AppLink>
      </SectionLinks>
    </Section>
  );
}

function SocialMapSection({ dossier }: { dossier: MunicipalityDossier }) {
  const mt = useMunicipalityText();
  const { formatNumber } = useI18n();
  const { organisation, social_map: map } = dossier;
  const code = dossier.municipality?.code ?? organisation.municipality_code;
  if (!map || !code) {
    return (
      <Section id="dossier-social" title={mt('social.title')}>
        <Paragraph>{mt('social.noCode')}</Paragraph>
      </Section>
    );
  }
  const n = (value: number) => formatNumber(value);
  return (
    <Section id="dossier-social" title={mt('social.title')}>
      {isSocialMapEmpty(map) ? (
        <Paragraph>{mt('social.empty')}</Paragraph>
      ) : (
        <>
          <ul className="aantafel-dossier__list">
            <li>
              {mt('social.services', { services: n(map.services), providers: n(map.providers), published: n(map.published_services) })}
            </li>
            <li>{mt('social.areas', { areas: n(map.areas) })}</li>
            <li>{mt('social.gaps', { gaps: n(map.gaps), cells: n(map.cells) })}</li>
            <li>{mt('social.single', { single: n(map.single) })}</li>
          </ul>
          {map.consortia.length > 0 ? (
            <>
              <Heading3>{mt('social.consortia')}</Heading3>
              <ul className="aantafel-dossier__list">
                {map.consortia.map((c) => (
                  <li key={c.id}>
                    <AppLink to={paths.consortium(c.id)}>{c.name}</AppLink>{' '}
                    <span className="aantafel-meta">({mt('social.members', { count: n(c.members) })})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
      <SectionLinks>
        <AppLink to={paths.socialMap(code)}>{mt('social.link', { name: organisation.name })}</AppLink>
        <AppLink to={paths.services(code)}>{mt('social.servicesLink', { name: organisation.name })}</AppLink>
      </SectionLinks>
    </Section>
  );
}

function ScansSection({ dossier }: { dossier: MunicipalityDossier }) {
  const mt = useMunicipalityText();
  const { formatDate } = useI18n();
  const { scans, scenarios } = dossier;
  return (
    <Section id="dossier-scans" title={mt('scans.title')}>
      <Heading3>{mt('scans.scans')}</Heading3>
      <DossierList items={scans} empty={mt('scans.empty')}>
        {(s) => (
          <DossierItem key={s.id} to={paths.scan(s.id)} title={s.title}>
            {s.collaboration} · {s.status === 'open' ? mt('scans.open') : mt('scans.closed')} ·{' '}
            {mt('scans.answered', { answered: s.answered, invited: s.invited })}
          </DossierItem>
        )}
      </DossierList>
      <SectionLinks>
        <AppLink to={paths.scans()}>{mt('scans.link')}</AppLink>
      </SectionLinks>
      <Heading3>{mt('scenarios.title')}</Heading3>
      <DossierList items={scenarios} empty={mt('scenarios.empty')}>
        {(s) => (
          <DossierItem key={s.id} to={paths.scenario(s.id)} title={s.name}>
            {s.plan_title ? `${mt('scenarios.plan', { plan: s.plan_title })} · ` : ''}
            {mt('scenarios.updated', { date: formatDate(s.updated_at) })}
          </DossierItem>
        )}
      </DossierList>
      <SectionLinks>
        <AppLink to={paths.scenarios()}>{mt('scenarios.link')}</AppLink>
      </SectionLinks>
    </Section>
  );
}
