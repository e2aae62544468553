import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Alert,
  Button,
  DataList,
  Heading2,
  Heading3,
  Paragraph,
} from '@utrecht/component-library-react';
import { POLICY_PHASES, type Plan, type PlanSchedule } from '../../api/types';
import { getPlan, updatePlan } from '../../api/generated/calendar';
import { Fact } from '../../components/Fact';
import { Chart } from '../../components/Chart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { StatusMessage } from '../../components/StatusMessage';
import { useRecordById } from '../../components/useRecordById';
import { useKeptHandedOverStatus } from '../../components/useHandedOverStatus';
import { useI18n } from '../../i18n/I18nProvider';
import { SavedAdviceList } from '../advisor/SavedAdviceList';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { councilTimelineRows, PlanCouncilMeetings, useCouncilAgenda, type CouncilAgendaData } from '../council/CouncilAgenda';
import { useCouncilText } from '../council/texts';
import { NotFoundContent } from '../shell/NotFoundPage';
import { useWorkspace } from '../shell/workspaceContext';
import { todayIso } from '../whoiswho/lists';
import {
  dayDate,
  feasibleYearFix,
  planStatusLabel,
  policyPhaseLabel,
  timelineRows,
  timingExplanation,
  windowState,
} from './calendar';
import { CalendarNav, TimingBadge, useCalendarBase, useCanEdit } from './common';

/** One plan: its facts, and per municipality its timing and what to do when. */
export function PlanPage() {
  const { planId: param } = useParams();
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const handedOver = useKeptHandedOverStatus();
  const [status, setStatus] = useState(handedOver);
  const canEdit = useCanEdit();
  const detail = useRecordById(param, `plan:${workspace.slug}`, (id, signal) =>
    getPlan({ slug: workspace.slug, plan_id: id }, { signal }),
  );
  const id = detail.id;
  // The upcoming council meetings where the workspace's topics come up, for every municipality of
  // the plan at once (Raad, issue #26): in each municipality's timeline and below it.
  const council = useCouncilAgenda(null, {
    active: detail.data?.schedules.some((schedule) => schedule.organisation.municipality_code) === true,
  });


  if (id === null) return <NotFoundContent />;
  if (!detail.data) {
    return (
      <>
        <PageHeading title={t('plan.pageTitle')} />
        <CalendarNav />
        {detail.error ? <ErrorAlert error={detail.error} /> : <Loading />}
      </>
    );
  }
  const { plan, schedules } = detail.data;
  return (
    <>
      <PageHeading title={plan.title} />
      <CalendarNav />
      <StatusMessage>{status}</StatusMessage>
      <TooLateFix plan={plan} schedules={schedules} onMoved={async (year) => {
        await detail.reload();
        setStatus(t('plan.movedYear', { year }));
        // The button is gone with the problem: focus goes to the plan's facts, with the new year.
        requestAnimationFrame(() => document.getElementById('plan-facts-heading')?.focus());
      }} />
      <PlanFacts plan={plan} />
      {schedules.length === 0 ? <Paragraph>{t('plan.noSchedules')}</Paragraph> : null}
      {schedules.map((schedule) => (
        <ScheduleSection key={schedule.organisation.id} schedule={schedule} council={council} />
      ))}
      <SavedAdviceList planId={plan.id} />
      <DocumentsPanel recordKind="plan" recordId={plan.id} canWrite={canEdit} />
    </>
  );
}

/**
 * When the plan is too late for its budget year (in one or more municipalities), a one-click way
 * out: "Plan voor {year}" moves the budget year to the earliest year that is feasible everywhere.
 */
function TooLateFix({
  plan,
  schedules,
  onMoved,
}: {
  plan: Plan;
  schedules: readonly PlanSchedule[];
  onMoved: (year: number) => Promise<void>;
}) {
  const { t, formatNumber } = useI18n();
  const { workspace } = useWorkspace();
  const canEdit = useCanEdit();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const year = feasibleYearFix(plan.budget_year, schedules);
  if (year === null || !canEdit) return null;
  const shown = (value: number) => formatNumber(value, { useGrouping: false });

  async function move(target: number) {
    setBusy(true);
    setError(null);
    try {
      await updatePlan({ slug: workspace.slug, plan_id: plan.id }, { budget_year: target });
      await onMoved(target);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Alert type="warning">
      <Heading2>{t('plan.tooLateTitle', { year: shown(plan.budget_year) })}</Heading2>
      <Paragraph>{t('plan.tooLateBody', { year: shown(plan.budget_year), earliest: shown(year) })}</Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      <Button
        type="button"
        appearance="primary-action-button"
        busy={busy}
        aria-disabled={busy || undefined}
        onClick={() => {
          if (!busy) void move(year);
        }}
      >
        {busy ? t('plan.planForBusy') : t('plan.planFor', { year: shown(year) })}
      </Button>
    </Alert>
  );
}

function PlanFacts({ plan }: { plan: Plan }) {
  const { t, formatNumber } = useI18n();
  const base = useCalendarBase();
  const canEdit = useCanEdit();
  const notSet = <span className="aantafel-meta">{t('plan.notSet')}</span>;
  const phaseNumber = POLICY_PHASES.indexOf(plan.phase) + 1;
  return (
    <section className="aantafel-section" aria-labelledby="plan-facts-heading">
      <Heading2 id="plan-facts-heading" tabIndex={-1}>
        {t('plan.factsTitle')}
      </Heading2>
      <DataList className="aantafel-facts">
        <Fact label={t('plan.coreMessage')} valueClassName="aantafel-pre-line">{plan.core_message || notSet}</Fact>
        <Fact label={t('plan.description')} valueClassName="aantafel-pre-line">{plan.description || notSet}</Fact>
        <Fact label={t('plan.domain')}>{plan.domain || notSet}</Fact>
        <Fact label={t('plan.budgetYear')}>{formatNumber(plan.budget_year, { useGrouping: false })}</Fact>
        <Fact label={t('plan.budgetNeededShort')}>
          {plan.budget_needed === null
            ? notSet
            : t('plan.perYear', {
                amount: formatNumber(plan.budget_needed, { style: 'currency', currency: 'EUR', maximumFractionDigits: 2, minimumFractionDigits: 0 }),
              })}
        </Fact>
        <Fact label={t('plan.status')}>{t(planStatusLabel(plan.status))}</Fact>
        <Fact label={t('plan.phase')}>
          {t('plan.phaseValue', { phase: t(policyPhaseLabel(plan.phase)), n: phaseNumber })}
        </Fact>
      </DataList>
      {canEdit ? (
        <div className="aantafel-actions">
          <Link
            to={`${base}/plans/${plan.id}/edit`}
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          >
            {t('plan.edit')}
          </Link>
        </div>
      ) : null}
    </section>
  );
}

function ScheduleSection({ schedule, council }: { schedule: PlanSchedule; council: CouncilAgendaData }) {
  const { t, formatDate, language } = useI18n();
  const ct = useCouncilText();
  const base = useCalendarBase();
  const name = schedule.organisation.name;
  const code = schedule.organisation.municipality_code;
  const today = todayIso();
  const rows = timelineRows(schedule);
  const meetings = code ? (council.agenda?.matched ?? []).filter((entry) => entry.meeting.municipality_code === code) : [];
  // The council meetings are one-day rows of the same timeline ("Raadsvergadering: …").
  const chartRows = [...rows, ...councilTimelineRows(meetings, { ct, language })].sort(
    (a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
  );
  const explanation = timingExplanation(schedule);
  const kadernotaYear = schedule.budget_year - 1;
  const headingId = `schedule-${schedule.organisation.id}-heading`;
  const stateLabel = { future: 'plan.window.future', open: 'plan.window.open', past: 'plan.window.past' } as const;

  return (
    <section className="aantafel-section aantafel-schedule" aria-labelledby={headingId}>
      <Heading2 id={headingId}>{name}</Heading2>
      <Paragraph>
        <strong>{t('plan.timingLabel')}</strong> <TimingBadge schedule={schedule} />
      </Paragraph>
      <Paragraph>{t(explanation.key, explanation.vars)}</Paragraph>
      {schedule.election_year ? (
        <Alert type="info">
          <Paragraph>{t('plan.electionYear', { year: kadernotaYear, name })}</Paragraph>
        </Alert>
      ) : null}
      <Chart
        kind="timeline"
        title={t('plan.timelineTitle', { name, year: schedule.budget_year })}
        rowLabel={t('plan.timelineStep')}
        fromLabel={t('plan.timelineFrom')}
        toLabel={t('plan.timelineTo')}
        detailLabels={[t('plan.timelineWhy')]}
        rows={chartRows}
        today={today}
        pastLabel={t('plan.timelinePast')}
        emptyText={t('plan.noWindows')}
      />
      <Heading3>{t('plan.whatWhenTitle', { name })}</Heading3>
      {rows.length === 0 ? <Paragraph>{t('plan.noWindows')}</Paragraph> : null}
      <ol className="aantafel-steps">
        {schedule.windows
          .slice()
          .sort((a, b) => a.from.localeCompare(b.from))
          .map((window) => {
            const state = windowState(window, today);
            return (
              <li key={window.id} className={`aantafel-steps__item aantafel-steps__item--${state}`}>
                <p className="aantafel-steps__what">
                  <strong>{window.label}</strong>{' '}
                  <span className={state === 'open' ? 'aantafel-badge aantafel-badge--ok' : 'aantafel-badge aantafel-badge--muted'}>
                    {t(stateLabel[state])}
                  </span>
                </p>
                <p className="aantafel-steps__when">
                  {window.from === window.to ? (
                    <time dateTime={window.from}>{formatDate(dayDate(window.from))}</time>
                  ) : (
                    t('calendar.period', { from: formatDate(dayDate(window.from)), to: formatDate(dayDate(window.to)) })
                  )}
                </p>
                <p className="aantafel-steps__why">{window.explain}</p>
              </li>
            );
          })}
      </ol>
      <PlanCouncilMeetings
        data={council}
        code={code}
        name={name}
        headingId={`schedule-${schedule.organisation.id}-council`}
      />
      <Paragraph>
        <Link
          to={`${base}/municipalities/${schedule.organisation.id}?year=${kadernotaYear}`}
          className="utrecht-link utrecht-link--html-a"
        >
          {t('plan.cycleLink', { name, year: kadernotaYear })}
        </Link>
      </Paragraph>
    </section>
  );
}
