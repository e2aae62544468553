import { useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { PLAN_STATUSES, POLICY_PHASES, type Plan, type PlanCreate } from '../../api/types';
import { addPlan, deletePlan, getCycle, getPlan, updatePlan } from '../../api/generated/calendar';
import { listOrganisations } from '../../api/generated/whoiswho';
import { CheckboxGroupField } from '../../components/CheckboxGroupField';
import { DeleteSection } from '../../components/DeleteSection';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldForm, type RecordFormProps } from '../../components/FieldForm';
import { translatedProblems } from '../../components/formErrors';
import { useRecordById } from '../../components/useRecordById';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { toggleValue } from '../../components/toggleValue';
import { useApiData } from '../../components/useApiData';
import { useFieldForm, useFormValues } from '../../components/useFieldForm';
import { useI18n } from '../../i18n/I18nProvider';
import { NotFoundContent } from '../shell/NotFoundPage';
import { useWorkspace } from '../shell/workspaceContext';
import { todayIso } from '../whoiswho/lists';
import {
  budgetYearOptions,
  checkPlanForm,
  emptyPlanForm,
  kadernotaVote,
  PLAN_FIELDS,
  planRequestBody,
  planStatusLabel,
  planToForm,
  policyPhaseLabel,
  proposedBudgetYear,
  type PlanFormValues,
} from './calendar';
import { CalendarNav, useCalendarBase, useCanEdit } from './common';

function thisYear(): number {
  return Number(todayIso().slice(0, 4));
}

/** When no municipality is chosen yet, the proposal looks at this many of the workspace's. */
const PROPOSAL_SAMPLE = 10;

/**
 * The budget year to propose for a new plan, from this year's kadernota vote in `organisationIds`
 * (GET …/cycle per municipality, remembered per id). Null until known. A municipality whose cycle
 * cannot be loaded is left out; the server still shows the plan's real timing afterwards.
 */
function useProposedBudgetYear(slug: string, organisationIds: readonly number[], today: string): number | null {
  const [votes, setVotes] = useState<ReadonlyMap<number, string | null>>(() => new Map());
  const year = Number(today.slice(0, 4));
  const key = [...organisationIds].sort((a, b) => a - b).join(',');

  useEffect(() => {
    const missing = key ? key.split(',').map(Number).filter((id) => !votes.has(id)) : [];
    if (missing.length === 0) return;
    const controller = new AbortController();
    void Promise.all(
      missing.map((id) =>
        getCycle({ slug, organisation_id: id }, { year }, { signal: controller.signal }).then(
          (cycle) => [id, kadernotaVote(cycle)] as const,
          () => [id, null] as const,
        ),
      ),
    ).then((found) => {
      if (controller.signal.aborted) return;
      setVotes((current) => new Map([...current, ...found]));
    });
    return () => controller.abort();
    // `votes` only grows: once the missing ones arrive, nothing is missing and this does nothing.
  }, [slug, year, key, votes]);

  if (!key) return null;
  const ids = key.split(',').map(Number);
  if (!ids.every((id) => votes.has(id))) return null;
  return proposedBudgetYear(today, ids.map((id) => votes.get(id)).filter((vote): vote is string => typeof vote === 'string'));
}

/** A new plan. */
export function NewPlanPage() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const base = useCalendarBase();
  const navigate = useNavigate();
  const canEdit = useCanEdit();
  const [initial] = useState(() => emptyPlanForm(thisYear()));

  return (
    <>
      <PageHeading title={t('plan.newTitle')} />
      <CalendarNav />
      {canEdit ? (
        <>
          <Paragraph>{t('plan.newIntro')}</Paragraph>
          <PlanForm
            formLabel={t('plan.newTitle')}
            initial={initial}
            proposeYear
            submitLabel={t('plan.addSubmit')}
            busyLabel={t('plan.adding')}
            cancelTo={base}
            onSubmit={async (body) => {
              const plan = await addPlan({ slug: workspace.slug }, body);
              navigate(`${base}/plans/${plan.id}`, {
                state: { status: t('plan.added', { title: plan.title }) },
              });
            }}
          />
        </>
      ) : (
        <Alert type="info">
          <Paragraph>{t('plan.viewerCannotEdit')}</Paragraph>
        </Alert>
      )}
    </>
  );
}

/** Change or delete an existing plan. */
export function EditPlanPage() {
  const { planId: param } = useParams();
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const detail = useRecordById(param, `plan:${workspace.slug}`, (id, signal) =>
    getPlan({ slug: workspace.slug, plan_id: id }, { signal }),
  );
  const id = detail.id;
  if (id === null) return <NotFoundContent />;
  if (!detail.data) {
    return (
      <>
        <PageHeading title={t('plan.editTitle')} />
        <CalendarNav />
        {detail.error ? <ErrorAlert error={detail.error} /> : <Loading />}
      </>
    );
  }
  return <EditPlanView key={detail.data.plan.id} plan={detail.data.plan} />;
}

function EditPlanView({ plan }: { plan: Plan }) {
  const { t, language } = useI18n();
  const { workspace } = useWorkspace();
  const base = useCalendarBase();
  const navigate = useNavigate();
  const canEdit = useCanEdit();
  const [initial] = useState(() => planToForm(plan, language));
  const planPath = `${base}/plans/${plan.id}`;

  return (
    <>
      <PageHeading title={t('plan.editTitleOf', { title: plan.title })} />
      <CalendarNav />
      {canEdit ? (
        <>
          <PlanForm
            formLabel={t('plan.editTitle')}
            initial={initial}
            currentYear={plan.budget_year}
            submitLabel={t('common.save')}
            busyLabel={t('common.saving')}
            cancelTo={planPath}
            onSubmit={async (body) => {
              const saved = await updatePlan({ slug: workspace.slug, plan_id: plan.id }, body);
              navigate(planPath, { state: { status: t('plan.saved', { title: saved.title }) } });
            }}
          />
          <DeleteSection
            headingId="delete-plan-heading"
            heading={t('plan.deleteTitle')}
            intro={t('plan.deleteIntro')}
            buttonLabel={t('plan.delete')}
            dialogTitle={t('plan.deleteConfirmTitle', { title: plan.title })}
            confirmLabel={t('plan.deleteConfirm')}
            busyLabel={t('common.deleting')}
            body={t('plan.deleteBody')}
            onDelete={async () => {
              await deletePlan({ slug: workspace.slug, plan_id: plan.id });
              navigate(base, { state: { status: t('plan.deleted', { title: plan.title }) } });
            }}
          />
        </>
      ) : (
        <Alert type="info">
          <Paragraph>{t('plan.viewerCannotEdit')}</Paragraph>
        </Alert>
      )}
    </>
  );
}

/** The plan's fields; checks them, shows problems at the fields and sends the body. */
function PlanForm({
  formLabel,
  initial,
  proposeYear = false,
  currentYear,
  submitLabel,
  busyLabel,
  cancelTo,
  onSubmit,
}: Omit<RecordFormProps<PlanFormValues, PlanCreate>, 'onCancel'> & {
  /** Propose the earliest budget year that is not too late (new plans), until the person picks one. */
  proposeYear?: boolean;
  currentYear?: number;
  submitLabel: string;
  busyLabel: string;
}) {
  const { t, language, formatNumber } = useI18n();
  const { workspace } = useWorkspace();
  const { values, setValues, set } = useFormValues<PlanFormValues>(initial);
  const organisations = useApiData(`organisations:${workspace.slug}`, (signal) =>
    listOrganisations({ slug: workspace.slug }, { signal }),
  );
  const municipalities = (organisations.data?.items ?? []).filter((o) => o.kind === 'municipality');
  const firstPhaseRef = useRef<HTMLInputElement>(null);
  const firstMunicipalityRef = useRef<HTMLInputElement>(null);
  const municipalitiesId = useId();
  const [yearPicked, setYearPicked] = useState(false);
  const [addingElsewhere, setAddingElsewhere] = useState(false);
  const [today] = useState(todayIso);
  // The chosen municipalities decide; before any is chosen, a sample of the workspace's.
  const proposalIds =
    !proposeYear || !organisations.data
      ? []
      : values.organisation_ids.length > 0
        ? values.organisation_ids
        : municipalities.slice(0, PROPOSAL_SAMPLE).map((m) => m.id);
  const latest = useProposedBudgetYear(workspace.slug, proposalIds, today);
  // The last known proposal stays while a newly chosen municipality's cycle loads (no flicker).
  const [proposed, setProposed] = useState<number | null>(null);

  useEffect(() => {
    if (latest === null) return;
    setProposed(latest);
    if (!yearPicked) setValues((v) => ({ ...v, budget_year: String(latest) }));
  }, [latest, yearPicked, setValues]);

  const form = useFieldForm(PLAN_FIELDS, (name) => {
    if (name === 'phase') return firstPhaseRef.current?.focus();
    if (name === 'organisation_ids') {
      const first = firstMunicipalityRef.current ?? document.getElementById('plan-add-municipality');
      return first?.focus();
    }
    document.getElementById(`plan-${name.replace(/_/g, '-')}`)?.focus();
  });
  const { fieldErrors } = form;

  return (
    <FieldForm
      label={formLabel}
      form={form}
      onSubmit={(event) =>
        void form.submit(event, {
          check: () => translatedProblems(checkPlanForm(values, language), t),
          send: () => onSubmit(planRequestBody(values, language)),
          leaves: true,
        })
      }
      actions={{ submitLabel, busyLabel, cancelTo }}
    >
      <TextField
        id="plan-title"
        label={t('plan.title')}
        required
        autoComplete="off"
        maxLength={200}
        value={values.title}
        onChange={(event) => set('title', event.target.value)}
        error={fieldErrors.title}
      />
      <TextAreaField
        id="plan-core-message"
        label={t('plan.coreMessage')}
        description={t('plan.coreMessageHint')}
        rows={3}
        maxLength={2000}
        value={values.core_message}
        onChange={(event) => set('core_message', event.target.value)}
        error={fieldErrors.core_message}
      />
      <TextAreaField
        id="plan-description"
        label={t('plan.description')}
        rows={5}
        maxLength={10000}
        value={values.description}
        onChange={(event) => set('description', event.target.value)}
        error={fieldErrors.description}
      />
      <TextField
        id="plan-domain"
        label={t('plan.domain')}
        description={t('plan.domainHint')}
        autoComplete="off"
        maxLength={200}
        value={values.domain}
        onChange={(event) => set('domain', event.target.value)}
        error={fieldErrors.domain}
      />
      <SelectField
        id="plan-budget-year"
        label={t('plan.budgetYear')}
        options={budgetYearOptions(thisYear(), currentYear).map((year) => ({
          value: String(year),
          label: formatNumber(year, { useGrouping: false }),
        }))}
        value={values.budget_year}
        onChange={(event) => {
          setYearPicked(true);
          set('budget_year', event.target.value);
        }}
        description={
          proposed !== null
            ? t(values.organisation_ids.length > 0 ? 'plan.budgetYearProposed' : 'plan.budgetYearProposedAny', {
                year: formatNumber(proposed, { useGrouping: false }),
              })
            : undefined
        }
        error={fieldErrors.budget_year}
      />
      <TextField
        id="plan-budget-needed"
        label={t('plan.budgetNeeded')}
        description={t('plan.budgetNeededHint')}
        inputMode="decimal"
        autoComplete="off"
        maxLength={20}
        value={values.budget_needed}
        onChange={(event) => set('budget_needed', event.target.value)}
        error={fieldErrors.budget_needed}
      />
      <SelectField
        id="plan-status"
        label={t('plan.status')}
        options={PLAN_STATUSES.map((s) => ({ value: s, label: t(planStatusLabel(s)) }))}
        value={values.status}
        onChange={(event) => set('status', event.target.value as PlanFormValues['status'])}
        error={fieldErrors.status}
      />
      <RadioGroupField
        legend={t('plan.phase')}
        description={t('plan.phaseHint')}
        name="phase"
        options={POLICY_PHASES.map((p) => ({ value: p, label: t(policyPhaseLabel(p)) }))}
        value={values.phase}
        onChange={(value) => set('phase', value as PlanFormValues['phase'])}
        error={fieldErrors.phase}
        firstRef={firstPhaseRef}
      />
      <CheckboxGroupField
        idBase={municipalitiesId}
        legend={t('plan.municipalities')}
        description={t('plan.municipalitiesHint')}
        error={fieldErrors.organisation_ids}
        name="organisation_ids"
        options={municipalities.map((m) => ({
          value: m.id,
          id: `plan-municipality-${m.id}`,
          label: (
            <>
              {m.name}
              {m.municipality_code ? <span className="aantafel-meta"> ({m.municipality_code})</span> : null}
            </>
          ),
        }))}
        selected={values.organisation_ids}
        onToggle={(id, checked) =>
          setValues((v) => ({ ...v, organisation_ids: toggleValue(v.organisation_ids, id, checked) }))
        }
        firstRef={firstMunicipalityRef}
        after={
          <Paragraph>
            {/* A new tab keeps what was typed here; the list reloads when the user comes back. */}
            <Link
              id="plan-add-municipality"
              to={`/w/${encodeURIComponent(workspace.slug)}/people/organisations`}
              className="utrecht-link utrecht-link--html-a"
              target="_blank"
              rel="noopener noreferrer"
              onClick={() => {
                setAddingElsewhere(true);
                window.addEventListener('focus', () => void organisations.reload(), { once: true });
              }}
            >
              {t('plan.addMunicipalityLink')}
            </Link>
            {addingElsewhere ? (
              <>
                {' '}
                <Button
                  type="button"
                  appearance="subtle-button"
                  busy={organisations.loading}
                  onClick={() => void organisations.reload()}
                >
                  {t('plan.reloadMunicipalities')}
                </Button>
              </>
            ) : null}
          </Paragraph>
        }
      >
        {organisations.error ? <ErrorAlert error={organisations.error} /> : null}
        {organisations.loading && !organisations.data ? <Loading /> : null}
        {organisations.data && municipalities.length === 0 ? (
          <Paragraph>{t('plan.noMunicipalities')}</Paragraph>
        ) : null}
      </CheckboxGroupField>
    </FieldForm>
  );
}
