import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import type { CycleEvent, CycleYear, Organisation } from '../../api/types';
import { getCycle, setCycleDate } from '../../api/generated/calendar';
import { listOrganisations } from '../../api/generated/whoiswho';
import { Landmark } from 'lucide-react';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useApiData } from '../../components/useApiData';
import { idParam } from '../../components/idParam';
import { useI18n } from '../../i18n/I18nProvider';
import { meetingTitle, useCouncilAgenda } from '../council/CouncilAgenda';
import { meetingClock, meetingDayKey, topicFoundText, type AgendaMeeting } from '../council/council';
import { useCouncilBase } from '../council/common';
import { useCouncilText } from '../council/texts';
import { municipalityPageLinkText, municipalityPagePath } from '../municipality/links';
import { NotFoundContent } from '../shell/NotFoundPage';
import { useWorkspace } from '../shell/workspaceContext';
import { todayIso } from '../whoiswho/lists';
import { basisLabel, dayDate } from './calendar';
import { CalendarNav, useCalendarBase, useCanEdit } from './common';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** ?year=… within the years the API knows; anything else: this year. */
export function parseYear(value: string | null, thisYear: number): number {
  if (value && /^\d{4}$/.test(value)) {
    const year = Number(value);
    if (year >= MIN_YEAR && year <= MAX_YEAR) return year;
  }
  return thisYear;
}

export type CalendarRow = { kind: 'event'; day: string; event: CycleEvent } | { kind: 'council'; day: string; entry: AgendaMeeting };

/** The moments of the cycle and the council meetings by day; on the same day the cycle's moment first. */
export function calendarRows(events: readonly CycleEvent[], meetings: readonly AgendaMeeting[]): CalendarRow[] {
  const rows: CalendarRow[] = [
    ...events.map((event) => ({ kind: 'event' as const, day: event.date, event })),
    ...meetings.flatMap((entry) => {
      const day = meetingDayKey(entry.meeting);
      return day ? [{ kind: 'council' as const, day, entry }] : [];
    }),
  ];
  // Array.prototype.sort is stable: the cycle's order stays, meetings keep theirs.
  return rows.sort((a, b) => a.day.localeCompare(b.day) || (a.kind === b.kind ? 0 : a.kind === 'event' ? -1 : 1));
}

/** A municipality's policy and budget cycle in one year, with the actual dates the workspace entered. */
export function MunicipalityCalendarPage() {
  const { organisationId: param } = useParams();
  const id = idParam(param);
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const organisations = useApiData(`organisations:${workspace.slug}`, (signal) =>
    listOrganisations({ slug: workspace.slug }, { signal }),
  );
  if (id === null) return <NotFoundContent />;
  const organisation = organisations.data?.items.find((o) => o.id === id);
  if (!organisation || organisation.kind !== 'municipality') {
    if (organisations.data) return <NotFoundContent />;
    return (
      <>
        <PageHeading title={t('cycle.pageTitle')} />
        <CalendarNav />
        {organisations.error ? <ErrorAlert error={organisations.error} /> : <Loading />}
      </>
    );
  }
  return <MunicipalityCalendar key={organisation.id} organisation={organisation} />;
}

function MunicipalityCalendar({ organisation }: { organisation: Organisation }) {
  const { t, formatDate, language } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const base = useCalendarBase();
  const canEdit = useCanEdit();
  const [params] = useSearchParams();
  const thisYear = Number(todayIso().slice(0, 4));
  const year = parseYear(params.get('year'), thisYear);
  const cycle = useApiData(`cycle:${slug}:${organisation.id}:${year}`, (signal) =>
    getCycle({ slug, organisation_id: organisation.id }, { year }, { signal }),
  );
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState<CycleEvent | null>(null);
  const tableHeadingRef = useRef<HTMLHeadingElement>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const here = `${base}/municipalities/${organisation.id}`;
  const events = cycle.data?.year === year ? cycle.data.events : [];
  // Upcoming council meetings (next 60 days) where the workspace's topics come up, among the
  // moments of their year: they are dated and link to the meeting, with a label of their own.
  const code = organisation.municipality_code;
  const council = useCouncilAgenda(code, { active: code !== null && year >= thisYear && year <= thisYear + 1 });
  const meetings = (council.agenda?.matched ?? []).filter((entry) => meetingDayKey(entry.meeting)?.startsWith(`${year}-`));
  const rows = calendarRows(events, meetings);

  // A different year closes the form.
  useEffect(() => setEditing(null), [year]);

  const day = (value: string) => <time dateTime={value}>{formatDate(dayDate(value))}</time>;

  return (
    <>
      <PageHeading title={t('cycle.title', { name: organisation.name, year })} />
      <CalendarNav />
      <Paragraph>{t('cycle.intro')}</Paragraph>
      <Paragraph>
        <Link to={municipalityPagePath(slug, organisation.id)} className="utrecht-link utrecht-link--html-a">
          {municipalityPageLinkText(language, organisation.name)}
        </Link>
      </Paragraph>
      <nav aria-label={t('cycle.yearNav')} className="aantafel-actions">
        {year > MIN_YEAR ? (
          <Link to={`${here}?year=${year - 1}`} className="utrecht-link utrecht-link--html-a">
            {t('cycle.previousYear', { year: year - 1 })}
          </Link>
        ) : null}
        {year !== thisYear ? (
          <Link to={`${here}?year=${thisYear}`} className="utrecht-link utrecht-link--html-a">
            {t('cycle.thisYear', { year: thisYear })}
          </Link>
        ) : null}
        {year < MAX_YEAR ? (
          <Link to={`${here}?year=${year + 1}`} className="utrecht-link utrecht-link--html-a">
            {t('cycle.nextYear', { year: year + 1 })}
          </Link>
        ) : null}
      </nav>
      <StatusMessage>{status}</StatusMessage>
      <section className="aantafel-section" aria-labelledby="cycle-events-heading">
        <Heading2 id="cycle-events-heading" ref={tableHeadingRef} tabIndex={-1}>
          {t('cycle.eventsTitle', { year })}
        </Heading2>
        {cycle.error ? <ErrorAlert error={cycle.error} /> : null}
        {council.error ? <ErrorAlert error={council.error} /> : null}
        {meetings.length > 0 ? <CouncilSoon meetings={meetings} /> : null}
        <div aria-busy={cycle.loading || undefined}>
          {cycle.loading && events.length === 0 ? <Loading /> : null}
          {cycle.data && rows.length === 0 && !cycle.loading ? <Paragraph>{t('cycle.none')}</Paragraph> : null}
          {rows.length > 0 ? (
            <DataTable
              caption={t('cycle.caption', { name: organisation.name, year })}
              captionHidden
              columns={[
                t('cycle.when'),
                t('cycle.event'),
                t('cycle.basis'),
                t('cycle.source'),
                canEdit && t('common.actions'),
              ]}
            >
              {rows.map((row) => {
                if (row.kind === 'council') {
                  return <CouncilRow key={`council-${row.entry.meeting.id}`} entry={row.entry} canEdit={canEdit} />;
                }
                const { event } = row;
                return (
                  <TableRow key={event.id}>
                    <TableCell>
                      {event.until && event.until !== event.date ? (
                        <>
                          {day(event.date)} {t('calendar.until')} {day(event.until)}
                        </>
                      ) : (
                        day(event.date)
                      )}
                      <span className="aantafel-cell-note">
                        {event.actual ? (
                          <span className="aantafel-badge aantafel-badge--ok">{t('calendar.actual')}</span>
                        ) : (
                          t('cycle.defaultDate')
                        )}
                      </span>
                    </TableCell>
                    <TableHeaderCell scope="row">
                      {event.label}
                      <span className="aantafel-cell-note">{event.explain}</span>
                    </TableHeaderCell>
                    <TableCell>
                      <span className={event.basis === 'legal' ? 'aantafel-badge' : 'aantafel-badge aantafel-badge--muted'}>
                        {t(basisLabel(event.basis))}
                      </span>
                    </TableCell>
                    <TableCell className="aantafel-cell-source">
                      {event.source ? (
                        <>
                          {event.source.title}
                          {event.source.publisher ? (
                            <span className="aantafel-cell-note">
                              {event.source.publisher}
                              {event.source.year ? `, ${event.source.year}` : ''}
                            </span>
                          ) : null}
                        </>
                      ) : (
                        <span className="aantafel-meta">–</span>
                      )}
                    </TableCell>
                    {canEdit ? (
                      <TableCell>
                        <Button
                          type="button"
                          appearance="subtle-button"
                          ref={(element: HTMLButtonElement | null) => {
                            if (element) editButtons.current.set(event.id, element);
                            else editButtons.current.delete(event.id);
                          }}
                          aria-expanded={editing?.id === event.id}
                          aria-controls={editing?.id === event.id ? 'cycle-date-form' : undefined}
                          onClick={() => setEditing(editing?.id === event.id ? null : event)}
                        >
                          {t('cycle.setDate')}
                          <span className="aantafel-visually-hidden"> {event.label}</span>
                        </Button>
                      </TableCell>
                    ) : null}
                  </TableRow>
                );
              })}
            </DataTable>
          ) : null}
        </div>
      </section>
      {canEdit && editing ? (
        <ActualDateForm
          key={`${editing.id}:${year}`}
          slug={slug}
          organisationId={organisation.id}
          year={year}
          event={editing}
          onCancel={() => {
            const button = editButtons.current.get(editing.id);
            setEditing(null);
            button?.focus();
          }}
          onSaved={async (message) => {
            setEditing(null);
            await cycle.reload();
            setStatus(message);
            tableHeadingRef.current?.focus();
          }}
        />
      ) : null}
      <MergerSection
        slug={slug}
        organisation={organisation}
        cycle={cycle.data}
        canEdit={canEdit}
        onSaved={async (message) => {
          await cycle.reload();
          setStatus(message);
        }}
      />
    </>
  );
}

/**
 * A council meeting: a link to its page, "cancelled" when it is, and the workspace's topics found in
 * it, in words (the list of coming meetings and the row in the year's list).
 */
function MeetingWithTopics({ meeting, topics }: Pick<AgendaMeeting, 'meeting' | 'topics'>) {
  const ct = useCouncilText();
  const { language } = useI18n();
  const base = useCouncilBase();
  return (
    <>
      <Link to={`${base}/meetings/${meeting.id}`} className="utrecht-link utrecht-link--html-a">
        {meetingTitle(meeting, ct)}
      </Link>
      {meeting.cancelled ? (
        <>
          {' '}
          <span className="aantafel-badge aantafel-badge--alert">{ct('meetings.cancelled')}</span>
        </>
      ) : null}
      {topics.map((topic) => (
        <span key={topic.id} className="aantafel-cell-note">
          {topicFoundText(topic, { ct, language })}
        </span>
      ))}
    </>
  );
}

/**
 * The council meetings with the workspace's topics at a glance, above the year's long list (where
 * they stand too, with the label "Raadsvergadering"): day, link to the meeting, topics in words.
 */
function CouncilSoon({ meetings }: { meetings: readonly AgendaMeeting[] }) {
  const ct = useCouncilText();
  const { formatDate } = useI18n();
  return (
    <div className="aantafel-council-soon">
      <Heading3 id="cycle-council-heading">{ct('calendar.soon')}</Heading3>
      <ul className="aantafel-council-soon__list" aria-labelledby="cycle-council-heading">
        {meetings.map(({ meeting, topics }) => {
          const day = meetingDayKey(meeting) ?? '';
          return (
            <li key={meeting.id}>
              <time dateTime={day}>{formatDate(dayDate(day))}</time>
              {': '}
              <MeetingWithTopics meeting={meeting} topics={topics} />
            </li>
          );
        })}
      </ul>
      <Paragraph className="aantafel-meta">{ct('calendar.note')}</Paragraph>
    </div>
  );
}

/**
 * A council meeting with the workspace's topics as a row among the moments of the cycle: its day
 * (and time), a link to the meeting with the topics in words, the label "Raadsvergadering" and
 * Open Besluitvorming as the source. Nothing to change here (the date is the council's).
 */
function CouncilRow({ entry, canEdit }: { entry: AgendaMeeting; canEdit: boolean }) {
  const ct = useCouncilText();
  const { formatDate, language } = useI18n();
  const { meeting } = entry;
  const day = meetingDayKey(meeting) ?? '';
  const clock = meetingClock(meeting, { language, ct });
  return (
    <TableRow className="aantafel-row--council">
      <TableCell>
        <time dateTime={day}>{formatDate(dayDate(day))}</time>
        {clock ? <span className="aantafel-cell-note">{clock}</span> : null}
      </TableCell>
      <TableHeaderCell scope="row">
        <MeetingWithTopics meeting={meeting} topics={entry.topics} />
      </TableHeaderCell>
      <TableCell>
        <span className="aantafel-badge aantafel-badge--council">
          <Icon icon={Landmark} />
          {ct('calendar.kind')}
        </span>
      </TableCell>
      <TableCell className="aantafel-cell-source">
        {ct('obs.label')}
        <span className="aantafel-cell-note">{ct('councilOf', { name: meeting.council })}</span>
      </TableCell>
      {canEdit ? <TableCell /> : null}
    </TableRow>
  );
}

/** Enter the real date of one event, or go back to the rule's default. */
function ActualDateForm({
  slug,
  organisationId,
  year,
  event,
  onCancel,
  onSaved,
}: {
  slug: string;
  organisationId: number;
  year: number;
  event: CycleEvent;
  onCancel: () => void;
  onSaved: (message: string) => Promise<void>;
}) {
  const { t, formatDate } = useI18n();
  const [date, setDate] = useState(event.date);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'save' | 'reset' | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  async function send(value: string, which: 'save' | 'reset') {
    if (busy) return;
    setError(null);
    if (which === 'save' && (!value || !value.startsWith(`${year}-`))) {
      setFieldError(t('cycle.dateInYear', { year }));
      inputRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    setBusy(which);
    try {
      await setCycleDate({ slug, organisation_id: organisationId }, { event: event.id, year, date: value });
      await onSaved(
        which === 'save'
          ? t('cycle.saved', { label: event.label, date: formatDate(dayDate(value)) })
          : t('cycle.resetDone', { label: event.label }),
      );
    } catch (caught) {
      if (isApiError(caught) && caught.fields.date) {
        setFieldError(caught.fields.date);
        inputRef.current?.focus();
      } else {
        setError(caught);
      }
      setBusy(null);
    }
  }

  return (
    <form
      id="cycle-date-form"
      className="aantafel-card"
      noValidate
      aria-labelledby="cycle-date-heading"
      aria-busy={busy !== null || undefined}
      onSubmit={(formEvent: FormEvent<HTMLFormElement>) => {
        formEvent.preventDefault();
        void send(date, 'save');
      }}
    >
      <Heading2 id="cycle-date-heading">{t('cycle.formTitle', { label: event.label })}</Heading2>
      <Paragraph>{t('cycle.formIntro')}</Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      <TextField
        id="cycle-date"
        type="date"
        label={t('cycle.actualDate')}
        description={t('cycle.actualDateHint', { year })}
        min={`${year}-01-01`}
        max={`${year}-12-31`}
        required
        value={date}
        onChange={(changeEvent) => setDate(changeEvent.target.value)}
        error={fieldError}
        inputRef={inputRef}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy === 'save'}>
          {busy === 'save' ? t('common.saving') : t('cycle.save')}
        </Button>
        {event.actual ? (
          <Button
            type="button"
            appearance="secondary-action-button"
            busy={busy === 'reset'}
            onClick={() => void send('', 'reset')}
          >
            {t('cycle.reset')}
          </Button>
        ) : null}
        <Button type="button" appearance="subtle-button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** When a municipality merges on 1 January, its council is elected in the November before. */
function MergerSection({
  slug,
  organisation,
  cycle,
  canEdit,
  onSaved,
}: {
  slug: string;
  organisation: Organisation;
  cycle: CycleYear | undefined;
  canEdit: boolean;
  onSaved: (message: string) => Promise<void>;
}) {
  const { t, formatDate } = useI18n();
  const thisYear = Number(todayIso().slice(0, 4));
  const current = cycle?.merged_on ?? '';
  const [value, setValue] = useState(current);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => setValue(current), [current]);

  const years = Array.from({ length: 7 }, (_, index) => thisYear + index);
  const options = [
    { value: '', label: t('merger.none') },
    ...(current && !years.some((y) => `${y}-01-01` === current)
      ? [{ value: current, label: formatDate(dayDate(current)) }]
      : []),
    ...years.map((y) => ({ value: `${y}-01-01`, label: formatDate(dayDate(`${y}-01-01`)) })),
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setFieldError(undefined);
    setBusy(true);
    try {
      await setCycleDate({ slug, organisation_id: organisation.id }, { merged_on: value });
      await onSaved(
        value
          ? t('merger.saved', { name: organisation.name, date: formatDate(dayDate(value)) })
          : t('merger.cleared', { name: organisation.name }),
      );
    } catch (caught) {
      if (isApiError(caught) && caught.fields.merged_on) {
        setFieldError(caught.fields.merged_on);
        document.getElementById('merger-date')?.focus();
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="aantafel-card" aria-labelledby="merger-heading">
      <Heading2 id="merger-heading">{t('merger.title')}</Heading2>
      <Paragraph>{t('merger.intro')}</Paragraph>
      <Paragraph>
        {current
          ? t('merger.current', { name: organisation.name, date: formatDate(dayDate(current)) })
          : t('merger.noneSet', { name: organisation.name })}
      </Paragraph>
      {canEdit ? (
        <form
          noValidate
          aria-labelledby="merger-heading"
          aria-busy={busy || undefined}
          className="aantafel-inline-form aantafel-inline-form--bottom"
          onSubmit={(event) => void submit(event)}
        >
          {error ? <ErrorAlert error={error} /> : null}
          <SelectField
            id="merger-date"
            label={t('merger.date')}
            options={options}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            error={fieldError}
          />
          <Button type="submit" appearance="secondary-action-button" busy={busy}>
            {busy ? t('common.saving') : t('merger.save')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
