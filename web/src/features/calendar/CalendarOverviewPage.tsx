import { Link, useSearchParams } from 'react-router';
import {
  Heading2,
  Heading3,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { PlanDetail, UpcomingItem } from '../../api/types';
import { getPlan, listPlans, listUpcoming } from '../../api/generated/calendar';
import { listOrganisations } from '../../api/generated/whoiswho';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { useApiData } from '../../components/useApiData';
import { useKeptHandedOverStatus } from '../../components/useHandedOverStatus';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import { todayIso } from '../whoiswho/lists';
import {
  basisLabel,
  dayDate,
  groupByMonth,
  monthLabel,
  parseUpcomingDays,
  planStatusLabel,
  policyPhaseLabel,
  UPCOMING_DAYS,
  upcomingKey,
  upcomingLabel,
} from './calendar';
import { CalendarNav, TimingBadge, useCalendarBase, useCanEdit } from './common';

/** Beleidskalender home: what to do now, the plans with their timing, the municipalities' calendars. */
export function CalendarOverviewPage() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const status = useKeptHandedOverStatus();

  return (
    <>
      <PageHeading title={t('calendar.title')} />
      <CalendarNav />
      <Paragraph>{t('calendar.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      <ActNowSection slug={workspace.slug} />
      <PlansSection slug={workspace.slug} />
      <MunicipalitiesSection slug={workspace.slug} />
    </>
  );
}

function ActNowSection({ slug }: { slug: string }) {
  const { t, language } = useI18n();
  const [params, setParams] = useSearchParams();
  const days = parseUpcomingDays(params.get('days'));
  const upcoming = useApiData(`upcoming:${slug}:${days}`, (signal) => listUpcoming({ slug }, { days }, { signal }));
  const groups = groupByMonth(upcoming.data?.items ?? []);

  return (
    <section className="aantafel-section" aria-labelledby="act-now-heading">
      <Heading2 id="act-now-heading">{t('calendar.actNow.title')}</Heading2>
      <Paragraph>{t('calendar.actNow.intro')}</Paragraph>
      <SelectField
        id="act-now-days"
        label={t('calendar.actNow.period')}
        className="aantafel-inline-form"
        options={UPCOMING_DAYS.map((d) => ({ value: String(d), label: t('calendar.actNow.days', { days: d }) }))}
        value={String(days)}
        onChange={(event) => {
          const next = new URLSearchParams(params);
          next.set('days', event.target.value);
          setParams(next, { replace: true });
        }}
      />
      {upcoming.error ? <ErrorAlert error={upcoming.error} /> : null}
      <div aria-busy={upcoming.loading || undefined} aria-live="polite">
        {upcoming.loading && !upcoming.data ? <Loading /> : null}
        {upcoming.data && groups.length === 0 ? (
          <Paragraph>{t('calendar.actNow.none', { days })}</Paragraph>
        ) : null}
        {upcoming.data && groups.length > 0 ? (
          <Paragraph className="aantafel-meta">
            {t('calendar.actNow.count', { count: upcoming.data.items.length, days })}
          </Paragraph>
        ) : null}
      </div>
      {groups.map((group) => (
        <div key={group.month} className="aantafel-month">
          <Heading3>{monthLabel(language, group.month)}</Heading3>
          <ul className="aantafel-upcoming">
            {group.items.map((item) => (
              <UpcomingEntry key={upcomingKey(item)} item={item} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function UpcomingEntry({ item }: { item: UpcomingItem }) {
  const { t, formatDate } = useI18n();
  const base = useCalendarBase();
  const year = Number(item.date.slice(0, 4));
  const municipalityLink = (
    <Link
      to={`${base}/municipalities/${item.organisation.id}?year=${year}`}
      className="utrecht-link utrecht-link--html-a"
    >
      {item.organisation.name}
    </Link>
  );
  const day = (value: string) => <time dateTime={value}>{formatDate(dayDate(value))}</time>;

  let when;
  let kind;
  if (item.window) {
    const window = item.window;
    const moment = item.date === window.to && window.from !== window.to ? 'calendar.actNow.closes' : 'calendar.actNow.opens';
    when =
      window.from === window.to ? (
        day(window.from)
      ) : (
        <>
          {t(moment)} {day(item.date)} <span className="aantafel-meta">({t('calendar.period', { from: formatDate(dayDate(window.from)), to: formatDate(dayDate(window.to)) })})</span>
        </>
      );
    kind = (
      <>
        <span className="aantafel-badge aantafel-badge--muted">{t('calendar.kind.window')}</span>{' '}
        {item.plan ? (
          <Link to={`${base}/plans/${item.plan.id}`} className="utrecht-link utrecht-link--html-a">
            {t('calendar.actNow.forPlan', { title: item.plan.title })}
          </Link>
        ) : null}
      </>
    );
  } else {
    const event = item.event;
    when =
      event?.until && event.until !== event.date ? (
        <>
          {day(event.date)} {t('calendar.until')} {day(event.until)}
        </>
      ) : (
        day(item.date)
      );
    kind = event ? (
      <>
        <span className={event.basis === 'legal' ? 'aantafel-badge' : 'aantafel-badge aantafel-badge--muted'}>
          {t(basisLabel(event.basis))}
        </span>
        {event.actual ? (
          <>
            {' '}
            <span className="aantafel-badge aantafel-badge--ok">{t('calendar.actual')}</span>
          </>
        ) : null}
      </>
    ) : null;
  }

  return (
    <li className="aantafel-upcoming__item">
      <p className="aantafel-upcoming__what">
        <strong>{upcomingLabel(item)}</strong>
      </p>
      <p className="aantafel-upcoming__meta">
        {municipalityLink} · {when}
      </p>
      <p className="aantafel-upcoming__meta">{kind}</p>
    </li>
  );
}

/** Loads the plans and each plan's schedules, for the timing per municipality. */
async function loadPlansWithSchedules(slug: string, signal: AbortSignal): Promise<PlanDetail[]> {
  const { items } = await listPlans({ slug }, { signal });
  return Promise.all(items.map((plan) => getPlan({ slug, plan_id: plan.id }, { signal })));
}

function PlansSection({ slug }: { slug: string }) {
  const { t, formatNumber } = useI18n();
  const { workspace } = useWorkspace();
  const base = useCalendarBase();
  const canEdit = useCanEdit();
  const plans = useApiData(`plans:${slug}`, (signal) => loadPlansWithSchedules(slug, signal));
  const items = plans.data ?? [];

  return (
    <section className="aantafel-section" aria-labelledby="plans-heading">
      <Heading2 id="plans-heading">{t('calendar.plans.title')}</Heading2>
      <Paragraph>{t('calendar.plans.intro')}</Paragraph>
      {canEdit ? (
        <div className="aantafel-actions">
          <Link to={`${base}/plans/new`} className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action">
            {t('calendar.plans.add')}
          </Link>
        </div>
      ) : null}
      {plans.error ? <ErrorAlert error={plans.error} /> : null}
      <div aria-busy={plans.loading || undefined}>
        {plans.loading && !plans.data ? <Loading /> : null}
        {plans.data && items.length === 0 ? <Paragraph>{t('calendar.plans.none')}</Paragraph> : null}
        {items.length > 0 ? (
          <DataTable
            caption={t('calendar.plans.caption', { workspace: workspace.name })}
            captionHidden
            columns={[
              t('plan.title'),
              t('plan.budgetYear'),
              t('plan.status'),
              t('plan.phase'),
              t('calendar.plans.timing'),
            ]}
          >
            {items.map(({ plan, schedules }) => (
              <TableRow key={plan.id}>
                <TableHeaderCell scope="row">
                  <Link to={`${base}/plans/${plan.id}`} className="utrecht-link utrecht-link--html-a">
                    {plan.title}
                  </Link>
                </TableHeaderCell>
                <TableCell>{formatNumber(plan.budget_year, { useGrouping: false })}</TableCell>
                <TableCell>{t(planStatusLabel(plan.status))}</TableCell>
                <TableCell>{t(policyPhaseLabel(plan.phase))}</TableCell>
                <TableCell>
                  {schedules.length === 0 ? (
                    <span className="aantafel-meta">{t('calendar.plans.noMunicipalities')}</span>
                  ) : (
                    <ul className="aantafel-plain-list">
                      {schedules.map((schedule) => (
                        <li key={schedule.organisation.id}>
                          {schedule.organisation.name}: <TimingBadge schedule={schedule} />
                        </li>
                      ))}
                    </ul>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </DataTable>
        ) : null}
      </div>
    </section>
  );
}

function MunicipalitiesSection({ slug }: { slug: string }) {
  const { t } = useI18n();
  const base = useCalendarBase();
  const organisations = useApiData(`organisations:${slug}`, (signal) => listOrganisations({ slug }, { signal }));
  const municipalities = (organisations.data?.items ?? []).filter((o) => o.kind === 'municipality');
  const year = Number(todayIso().slice(0, 4));
  return (
    <section className="aantafel-section" aria-labelledby="municipality-calendars-heading">
      <Heading2 id="municipality-calendars-heading">{t('calendar.municipalities.title')}</Heading2>
      <Paragraph>{t('calendar.municipalities.intro')}</Paragraph>
      {organisations.error ? <ErrorAlert error={organisations.error} /> : null}
      {organisations.loading && !organisations.data ? <Loading /> : null}
      {organisations.data && municipalities.length === 0 ? (
        <Paragraph>
          {t('calendar.municipalities.none')}{' '}
          <Link to={`/w/${encodeURIComponent(slug)}/people/organisations`} className="utrecht-link utrecht-link--html-a">
            {t('calendar.municipalities.addLink')}
          </Link>
        </Paragraph>
      ) : null}
      {municipalities.length > 0 ? (
        <ul className="aantafel-inline-list">
          {municipalities.map((m) => (
            <li key={m.id}>
              <Link to={`${base}/municipalities/${m.id}?year=${year}`} className="utrecht-link utrecht-link--html-a">
                {t('calendar.municipalities.link', { name: m.name, year })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
