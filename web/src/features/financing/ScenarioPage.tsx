import { useEffect, useEffectEvent, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Alert,
  Button,
  ButtonGroup,
  FormFieldDescription,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import { FINANCING_FORMS, FINANCING_UNITS, type FinancingForm, type SavedFinancingScenario } from '../../api/types';
import { listPlans } from '../../api/generated/calendar';
import {
  deleteFinancingScenario,
  exportFinancingScenario,
  getFinancingScenario,
  replaceFinancingScenario,
  saveFinancingScenario,
} from '../../api/generated/financing';
import { listOrganisations } from '../../api/generated/whoiswho';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useApiData } from '../../components/useApiData';
import { useRecordById } from '../../components/useRecordById';
import { useKeptHandedOverStatus } from '../../components/useHandedOverStatus';
import { useI18n } from '../../i18n/I18nProvider';
import { NotFoundContent } from '../shell/NotFoundPage';
import { useWorkspace } from '../shell/workspaceContext';
import { FinancingNav, useCanEdit, useFinancingBase } from './common';
import {
  FORM_FIELDS,
  MAX_VARIANTS,
  defaultScenarioForm,
  emptyVariant,
  fieldId,
  fieldOrder,
  formToSaved,
  formToScenario,
  mapServerFields,
  savedToForm,
  type ScenarioFormValues,
  type VariantFormValues,
} from './financing';
import { Results } from './Results';
import { useFinancingText, type FinancingKey } from './texts';
import { useSimulation } from './useSimulation';

type Errors = Record<string, string | undefined>;

function useDefaults() {
  const ft = useFinancingText();
  return useMemo(() => defaultScenarioForm({ effort: ft('default.effortName'), combined: ft('default.combinedName') }), [ft]);
}

export function NewScenarioPage() {
  const ft = useFinancingText();
  const defaults = useDefaults();
  const [initial] = useState(() => ({ ...defaults, name: ft('default.name') }));
  return (
    <>
      <PageHeading title={ft('new.title')} />
      <FinancingNav />
      <Paragraph>{ft('new.intro')}</Paragraph>
      <ScenarioEditor initial={initial} saved={null} />
    </>
  );
}

export function ScenarioPage() {
  const { scenarioId: param } = useParams();
  const ft = useFinancingText();
  const { workspace } = useWorkspace();
  const data = useRecordById(param, `financing-scenario:${workspace.slug}`, (id, signal) =>
    getFinancingScenario({ slug: workspace.slug, scenario_id: id }, { signal }),
  );
  const id = data.id;
  if (id === null) return <NotFoundContent />;
  if (!data.data || data.data.id !== id) {
    return (
      <>
        <PageHeading title={ft('edit.title')} />
        <FinancingNav />
        {data.error ? <ErrorAlert error={data.error} /> : <Loading />}
      </>
    );
  }
  return <SavedScenario key={data.data.id} saved={data.data} />;
}

/** A saved scenario; saving it again keeps the page (and the last results) as they are. */
function SavedScenario({ saved }: { saved: SavedFinancingScenario }) {
  const defaults = useDefaults();
  const [initial] = useState(() => savedToForm(saved, defaults));
  const [current, setCurrent] = useState(saved);
  return (
    <>
      <PageHeading title={current.name} />
      <FinancingNav />
      <ScenarioEditor initial={initial} saved={current} onReplaced={setCurrent} />
    </>
  );
}

/** Form text fields with the right id, error and value wiring. */
function useFieldHelpers(values: ScenarioFormValues, errors: Errors, set: (key: keyof ScenarioFormValues, value: string) => void) {
  return (key: keyof ScenarioFormValues & string, label: string, options: { description?: ReactNode; suffix?: string; inputMode?: 'numeric' | 'decimal' } = {}) => (
    <TextField
      id={fieldId(key)}
      label={options.suffix ? `${label} (${options.suffix})` : label}
      description={options.description}
      inputMode={options.inputMode ?? 'decimal'}
      autoComplete="off"
      value={values[key] as string}
      onChange={(event) => set(key, event.target.value)}
      error={errors[key]}
    />
  );
}

function ScenarioEditor({
  initial,
  saved,
  onReplaced,
}: {
  initial: ScenarioFormValues;
  saved: SavedFinancingScenario | null;
  onReplaced?: (saved: SavedFinancingScenario) => void;
}) {
  const ft = useFinancingText();
  const { formatDateTime, formatNumber } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const base = useFinancingBase();
  const navigate = useNavigate();
  const canEdit = useCanEdit();
  const handedOver = useKeptHandedOverStatus();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [generalError, setGeneralError] = useState<unknown>(null);
  const [status, setStatus] = useState(handedOver);
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const simulation = useSimulation(slug);
  const organisations = useApiData(`organisations:${slug}`, (signal) => listOrganisations({ slug }, { signal }));
  const plans = useApiData(`plans:${slug}`, (signal) => listPlans({ slug }, { signal }));
  const runButton = useRef<HTMLButtonElement>(null);

  const municipalities = (organisations.data?.items ?? [])
    .filter((o) => o.kind === 'municipality' && o.municipality_code)
    .sort((a, b) => a.name.localeCompare(b.name));
  if (saved?.municipality_code && !municipalities.some((m) => m.municipality_code === saved.municipality_code)) {
    municipalities.push({ id: -1, kind: 'municipality', name: saved.municipality_name ?? saved.municipality_code, municipality_code: saved.municipality_code });
  }

  const set = (key: keyof ScenarioFormValues, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const setVariant = (index: number, patch: Partial<VariantFormValues>) =>
    setValues((v) => ({ ...v, variants: v.variants.map((variant, i) => (i === index ? { ...variant, ...patch } : variant)) }));
  const field = useFieldHelpers(values, errors, set);
  const unitWord = ft(`unit.${values.unit}`);

  function showErrors(found: Errors) {
    setErrors(found);
    const first = fieldOrder(values).find((key) => found[key]);
    if (first) {
      // The element exists once React has rendered the errors.
      requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
    }
  }

  function localErrors(keys: Record<string, FinancingKey>): Errors {
    return Object.fromEntries(Object.entries(keys).map(([k, key]) => [k, ft(key)]));
  }

  function handleServerError(caught: unknown) {
    if (isApiError(caught) && Object.keys(caught.fields).length > 0) {
      const { fields, rest } = mapServerFields(caught.fields);
      showErrors(fields);
      setGeneralError(rest.length > 0 || Object.keys(fields).length === 0 ? caught : null);
    } else {
      setGeneralError(caught);
    }
  }

  async function run() {
    setGeneralError(null);
    setStatus('');
    const { scenario, errors: local } = formToScenario(values);
    if (Object.keys(local).length > 0) return showErrors(localErrors(local));
    setErrors({});
    await simulation.run(scenario);
  }

  // A saved scenario opens with its results: it is calculated again at once, with its own seed,
  // so the figures are the same as when it was saved. No need to press "Bereken".
  const openingRun = useRef(false);
  const runOnOpening = useEffectEvent(() => {
    if (!saved) return;
    const { scenario, errors: local } = formToScenario(initial);
    openingRun.current = true;
    void simulation.run(Object.keys(local).length === 0 ? scenario : saved.scenario);
  });
  // Once, on opening; a new run aborts an earlier one.
  useEffect(() => {
    runOnOpening();
  }, []);

  // Announce the end of a run; show problems at their fields.
  const simState = simulation.state;
  const announce = useEffectEvent((state: typeof simState) => {
    const opening = openingRun.current && state.status !== 'running' && state.status !== 'idle';
    if (opening) openingRun.current = false;
    if (state.status === 'done' && opening) {
      // Keep a message handed over by the previous page ("… is opgeslagen").
      setStatus((current) => current || ft('run.doneOnOpen'));
    } else if (state.status === 'done') setStatus(ft('run.done', { runs: formatNumber(state.summary.runs_done) }));
    else if (state.status === 'stopped') setStatus(ft('run.stopped'));
    else if (state.status === 'failed') {
      setStatus(ft('run.failed'));
      handleServerError(state.error);
    }
  });
  useEffect(() => {
    announce(simState);
  }, [simState]);

  async function save(asNew: boolean) {
    if (saving) return;
    setGeneralError(null);
    setStatus('');
    const { body, errors: local } = formToSaved(values);
    if (Object.keys(local).length > 0) return showErrors(localErrors(local));
    setErrors({});
    setSaving(true);
    try {
      if (saved && !asNew) {
        const result = await replaceFinancingScenario({ slug, scenario_id: saved.id }, body);
        onReplaced?.(result);
        setStatus(ft('save.saved', { name: result.name }));
      } else {
        const result = await saveFinancingScenario({ slug }, body);
        navigate(`${base}/${result.id}`, { state: { status: ft('save.saved', { name: result.name }) } });
      }
    } catch (caught) {
      handleServerError(caught);
    } finally {
      setSaving(false);
    }
  }

  const running = simState.status === 'running';
  const progress = simState.status === 'running' ? simState.progress : null;
  const percent = progress && progress.runs > 0 ? Math.min(100, Math.round((progress.runs_done / progress.runs) * 100)) : 0;
  const last = simulation.last;
  const currentScenario = JSON.stringify(formToScenario(values).scenario);
  const outdated = last !== null && JSON.stringify(last.scenario) !== currentScenario;
  const budgetValue = last ? last.scenario.budget : 0;

  return (
    <>
      <StatusMessage>{status}</StatusMessage>
      {saved ? (
        <Paragraph className="aantafel-meta">
          {ft('edit.meta', { date: formatDateTime(saved.updated_at) })}
          {saved.municipality_name ? ` · ${saved.municipality_name}` : ''}
          {saved.plan_title ? ` · ${ft('edit.plan', { title: saved.plan_title })}` : ''}
        </Paragraph>
      ) : null}
      {!canEdit ? (
        <Alert type="info">
          <Paragraph>{ft('viewerCannotSave')}</Paragraph>
        </Alert>
      ) : null}
      <form
        noValidate
        aria-label={ft('form.label')}
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        {generalError ? <ErrorAlert error={generalError} /> : null}

        <fieldset className="aantafel-card aantafel-financing-fieldset">
          <legend className="aantafel-financing-legend">{ft('section.about')}</legend>
          <TextField
            id={fieldId('name')}
            label={ft('field.name')}
            autoComplete="off"
            maxLength={200}
            value={values.name}
            onChange={(event) => set('name', event.target.value)}
            error={errors.name}
          />
          <TextAreaField
            id={fieldId('description')}
            label={ft('field.description')}
            rows={2}
            maxLength={4000}
            value={values.description}
            onChange={(event) => set('description', event.target.value)}
            error={errors.description}
          />
          <SelectField
            id={fieldId('municipality_code')}
            label={ft('field.municipality')}
            options={[
              { value: '', label: ft('field.noMunicipality') },
              ...municipalities.map((m) => ({ value: m.municipality_code ?? '', label: m.name })),
            ]}
            value={values.municipality_code}
            onChange={(event) => set('municipality_code', event.target.value)}
            error={errors.municipality_code}
          />
          {organisations.data && municipalities.length === 0 ? (
            <Paragraph className="aantafel-meta">{ft('field.noMunicipalities')}</Paragraph>
          ) : null}
          <SelectField
            id={fieldId('plan_id')}
            label={ft('field.plan')}
            options={[
              { value: '', label: ft('field.noPlan') },
              ...(plans.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.title })),
            ]}
            value={values.plan_id}
            onChange={(event) => set('plan_id', event.target.value)}
            error={errors.plan_id}
          />
        </fieldset>

        <fieldset className="aantafel-card aantafel-financing-fieldset">
          <legend className="aantafel-financing-legend">{ft('section.population')}</legend>
          <Paragraph>{ft('section.populationIntro')}</Paragraph>
          <RadioGroupField
            legend={ft('field.clientsKind')}
            name="clients_kind"
            options={[
              { value: 'poisson', label: ft('field.clientsKind.poisson') },
              { value: 'range', label: ft('field.clientsKind.range') },
            ]}
            value={values.clients_kind}
            onChange={(value) => set('clients_kind', value)}
          />
          {values.clients_kind === 'poisson' ? (
            field('clients_mean', ft('field.clientsMean'), { inputMode: 'numeric', description: ft('field.clientsMeanHint') })
          ) : (
            <div className="aantafel-financing-pair">
              {field('clients_min', ft('field.clientsMin'), { inputMode: 'numeric' })}
              {field('clients_max', ft('field.clientsMax'), { inputMode: 'numeric' })}
            </div>
          )}
          <SelectField
            id={fieldId('unit')}
            label={ft('field.unit')}
            options={FINANCING_UNITS.map((u) => ({ value: u, label: ft(`unit.${u}`) }))}
            value={values.unit}
            onChange={(event) => set('unit', event.target.value)}
            error={errors.unit}
          />
          <RadioGroupField
            legend={ft('field.intensityKind')}
            name="intensity_kind"
            options={[
              { value: 'lognormal', label: ft('field.intensityKind.lognormal') },
              { value: 'fixed', label: ft('field.intensityKind.fixed') },
            ]}
            value={values.intensity_kind}
            onChange={(value) => set('intensity_kind', value)}
          />
          {values.intensity_kind === 'lognormal' ? (
            <div className="aantafel-financing-pair">
              {field('intensity_median', ft('field.intensityMedian', { unit: unitWord }))}
              {field('intensity_p90', ft('field.intensityP90', { unit: unitWord }))}
            </div>
          ) : (
            field('intensity_units', ft('field.intensityUnits', { unit: unitWord }))
          )}
          <RadioGroupField
            legend={ft('field.resultKind')}
            name="result_kind"
            description={ft('field.resultKindHint')}
            options={[
              { value: 'beta', label: ft('field.resultKind.beta') },
              { value: 'range', label: ft('field.resultKind.range') },
            ]}
            value={values.result_kind}
            onChange={(value) => set('result_kind', value)}
          />
          {values.result_kind === 'beta' ? (
            <div className="aantafel-financing-pair">
              {field('result_mean', ft('field.resultMean'), { suffix: '%' })}
              {field('result_strength', ft('field.resultStrength'), { inputMode: 'numeric', description: ft('field.resultStrengthHint') })}
            </div>
          ) : (
            <div className="aantafel-financing-pair">
              {field('result_min', ft('field.resultMin'), { suffix: '%' })}
              {field('result_max', ft('field.resultMax'), { suffix: '%' })}
            </div>
          )}
        </fieldset>

        <fieldset className="aantafel-card aantafel-financing-fieldset">
          <legend className="aantafel-financing-legend">{ft('section.costs')}</legend>
          <div className="aantafel-financing-pair">
            {field('cost_per_unit', ft('field.costPerUnit', { unit: ft(`unitOne.${values.unit}`) }), { suffix: '€' })}
            {field('fixed_costs', ft('field.fixedCosts'), { suffix: '€', description: ft('field.fixedCostsHint') })}
          </div>
          {field('budget', ft('field.budget'), { suffix: '€', description: ft('field.budgetHint') })}
        </fieldset>

        <fieldset className="aantafel-card aantafel-financing-fieldset">
          <legend className="aantafel-financing-legend">{ft('section.variants')}</legend>
          <Paragraph>{ft('section.variantsIntro')}</Paragraph>
          {errors.variants ? <Paragraph className="utrecht-form-field-error-message">{errors.variants}</Paragraph> : null}
          {values.variants.map((variant, index) => (
            <VariantFields
              key={index}
              index={index}
              variant={variant}
              errors={errors}
              unitWord={ft(`unitOne.${values.unit}`)}
              canRemove={values.variants.length > 1}
              onChange={(patch) => setVariant(index, patch)}
              onRemove={() => {
                setValues((v) => ({ ...v, variants: v.variants.filter((_, i) => i !== index) }));
                setStatus(ft('variant.removed', { name: variant.name || String(index + 1) }));
              }}
            />
          ))}
          {values.variants.length < MAX_VARIANTS ? (
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={() => {
                const n = values.variants.length;
                setValues((v) => ({ ...v, variants: [...v.variants, emptyVariant('task_based', ft('default.variantName', { number: n + 1 }))] }));
                setStatus(ft('variant.added', { number: n + 1 }));
                requestAnimationFrame(() => document.getElementById(fieldId(`variants.${n}.name`))?.focus());
              }}
            >
              {ft('variant.add')}
            </Button>
          ) : (
            <Paragraph className="aantafel-meta">{ft('variant.max')}</Paragraph>
          )}
        </fieldset>

        <details className="aantafel-card aantafel-financing-advanced">
          <summary>{ft('section.advanced')}</summary>
          <Paragraph>{ft('section.advancedIntro')}</Paragraph>
          <div className="aantafel-financing-pair">
            {field('runs', ft('field.runs'), { inputMode: 'numeric', description: ft('field.runsHint') })}
            {field('seed', ft('field.seed'), { inputMode: 'numeric', description: ft('field.seedHint') })}
          </div>
        </details>

        <section className="aantafel-financing-run" aria-labelledby="financing-run-heading">
          <Heading2 id="financing-run-heading">{ft('run.title')}</Heading2>
          <ButtonGroup>
            <Button ref={runButton} type="submit" appearance="primary-action-button" disabled={running}>
              {ft('run.button')}
            </Button>
            {running ? (
              <Button type="button" appearance="secondary-action-button" onClick={simulation.stop}>
                {ft('run.stop')}
              </Button>
            ) : null}
          </ButtonGroup>
          {running ? (
            <div className="aantafel-financing-progress">
              <div
                role="progressbar"
                aria-label={ft('run.progressLabel')}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent}
                aria-valuetext={progress ? ft('run.progressText', { done: formatNumber(progress.runs_done), runs: formatNumber(progress.runs), percent }) : ft('run.starting')}
                className="aantafel-financing-progress__track"
              >
                <div className="aantafel-financing-progress__fill" data-percent={Math.round(percent / 5) * 5} />
              </div>
              <Paragraph className="aantafel-meta" aria-hidden="true">
                {progress ? ft('run.progressText', { done: formatNumber(progress.runs_done), runs: formatNumber(progress.runs), percent }) : ft('run.starting')}
              </Paragraph>
            </div>
          ) : null}
        </section>

        {canEdit ? (
          <section className="aantafel-card" aria-labelledby="financing-save-heading">
            <Heading2 id="financing-save-heading">{ft('save.title')}</Heading2>
            <ButtonGroup>
              <Button type="button" appearance="secondary-action-button" busy={saving} onClick={() => void save(false)}>
                {saved ? ft('save.button') : ft('save.buttonNew')}
              </Button>
              {saved ? (
                <Button type="button" appearance="secondary-action-button" busy={saving} onClick={() => void save(true)}>
                  {ft('save.asNew')}
                </Button>
              ) : null}
              {saved ? (
                <Button type="button" appearance="secondary-action-button" hint="danger" onClick={() => setDeleting(true)}>
                  {ft('delete.button')}
                </Button>
              ) : null}
            </ButtonGroup>
          </section>
        ) : null}
      </form>

      {saved && canEdit ? (
        <ConfirmDialog
          open={deleting}
          title={ft('delete.title', { name: saved.name })}
          confirmLabel={ft('delete.confirm')}
          onCancel={() => setDeleting(false)}
          onConfirm={async () => {
            await deleteFinancingScenario({ slug, scenario_id: saved.id });
            setDeleting(false);
            navigate(base, { state: { status: ft('delete.done', { name: saved.name }) } });
          }}
        >
          {ft('delete.body')}
        </ConfirmDialog>
      ) : null}

      {saved ? (
        <section className="aantafel-card" aria-labelledby="financing-export-heading">
          <Heading2 id="financing-export-heading">{ft('export.title')}</Heading2>
          <Paragraph>{ft('export.intro')}</Paragraph>
          <ul className="aantafel-financing-exports">
            <li>
              <a className="utrecht-link utrecht-link--html-a" href={exportFinancingScenario({ slug, scenario_id: saved.id }, { format: 'csv' })} download>
                {ft('export.csv')}
              </a>
            </li>
            <li>
              <a className="utrecht-link utrecht-link--html-a" href={exportFinancingScenario({ slug, scenario_id: saved.id }, { format: 'xlsx' })} download>
                {ft('export.xlsx')}
              </a>
            </li>
            <li>
              <a className="utrecht-link utrecht-link--html-a" href={exportFinancingScenario({ slug, scenario_id: saved.id }, { format: 'svg', output: 'margin' })} download>
                {ft('export.svg')}
              </a>
            </li>
            <li>
              <Link className="utrecht-link utrecht-link--html-a" to={`${base}/${saved.id}/print`}>
                {ft('export.print')}
              </Link>
            </li>
          </ul>
        </section>
      ) : null}

      {last ? (
        <section aria-labelledby="financing-results-heading" className="aantafel-financing-results-section">
          <Heading2 id="financing-results-heading">{ft('results.title')}</Heading2>
          {outdated ? (
            <Alert type="warning">
              <Paragraph>{ft('results.outdated')}</Paragraph>
            </Alert>
          ) : null}
          <Results summary={last.summary} budget={budgetValue} pngName={`${fileName(values.name || ft('default.name'))}.png`} />
        </section>
      ) : null}
    </>
  );
}

function fileName(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'bekostiging';
}

function VariantFields({
  index,
  variant,
  errors,
  unitWord,
  canRemove,
  onChange,
  onRemove,
}: {
  index: number;
  variant: VariantFormValues;
  errors: Errors;
  unitWord: string;
  canRemove: boolean;
  onChange: (patch: Partial<VariantFormValues>) => void;
  onRemove: () => void;
}) {
  const ft = useFinancingText();
  const at = `variants.${index}.`;
  const explainId = `${fieldId(`${at}form`)}-explain`;
  const fields = FORM_FIELDS[variant.form];
  const money = (name: keyof VariantFormValues & string, label: string, description?: string) => (
    <TextField
      key={name}
      id={fieldId(at + name)}
      label={`${label} (€)`}
      description={description}
      inputMode="decimal"
      autoComplete="off"
      value={variant[name] as string}
      onChange={(event) => onChange({ [name]: event.target.value })}
      error={errors[at + name]}
    />
  );
  const checkbox = (name: 'pay_for_result' | 'incentive', label: string) => (
    <div key={name} className="aantafel-radio aantafel-financing-check">
      <input
        type="checkbox"
        id={fieldId(at + name)}
        className="aantafel-radio__input"
        checked={variant[name]}
        onChange={(event) => onChange({ [name]: event.target.checked })}
      />
      <label htmlFor={fieldId(at + name)} className="aantafel-radio__label">
        {label}
      </label>
    </div>
  );
  return (
    <fieldset className="aantafel-financing-variant">
      <legend className="aantafel-financing-legend aantafel-financing-legend--small">
        {ft('variant.legend', { number: index + 1, name: variant.name })}
      </legend>
      <div className="aantafel-financing-pair">
        <TextField
          id={fieldId(`${at}name`)}
          label={ft('variant.name')}
          autoComplete="off"
          maxLength={100}
          value={variant.name}
          onChange={(event) => onChange({ name: event.target.value })}
          error={errors[`${at}name`]}
        />
        <SelectField
          id={fieldId(`${at}form`)}
          label={ft('variant.form')}
          options={FINANCING_FORMS.map((f) => ({ value: f, label: ft(`form.${f}`) }))}
          value={variant.form}
          onChange={(event) => onChange({ form: event.target.value as FinancingForm })}
          error={errors[`${at}form`]}
          aria-describedby={explainId}
        />
      </div>
      <div className="aantafel-financing-explain" id={explainId}>
        <FormFieldDescription>{ft(`explain.${variant.form}`)}</FormFieldDescription>
      </div>
      <div className="aantafel-financing-pair">
        {fields.map((name) => {
          switch (name) {
            case 'price_per_unit':
              return money(name, ft('variant.pricePerUnit', { unit: unitWord }));
            case 'price_per_client':
              return money(name, ft('variant.pricePerClient'));
            case 'pay_for_result':
              return checkbox(name, ft('variant.payForResult'));
            case 'price_per_result':
              return variant.pay_for_result ? money(name, ft('variant.pricePerResult')) : null;
            case 'lump_sum':
              return money(name, ft('variant.lumpSum'));
            case 'fixed_part':
              return money(name, ft('variant.fixedPart'));
            case 'floor':
              return money(name, ft('variant.floor'), ft('variant.floorHint'));
            case 'cap':
              return money(name, ft('variant.cap'), ft('variant.capHint'));
            case 'incentive':
              return checkbox(name, ft('variant.incentive'));
            case 'target_share':
              return variant.incentive ? (
                <TextField
                  key={name}
                  id={fieldId(at + name)}
                  label={`${ft('variant.targetShare')} (%)`}
                  inputMode="decimal"
                  autoComplete="off"
                  value={variant.target_share}
                  onChange={(event) => onChange({ target_share: event.target.value })}
                  error={errors[at + name]}
                />
              ) : null;
            case 'bonus_per_result':
              return variant.incentive ? money(name, ft('variant.bonus')) : null;
            case 'malus_per_result':
              return variant.incentive ? money(name, ft('variant.malus')) : null;
            default:
              return null;
          }
        })}
      </div>
      {canRemove ? (
        <Button type="button" appearance="subtle-button" onClick={onRemove}>
          {ft('variant.remove', { name: variant.name || String(index + 1) })}
        </Button>
      ) : null}
    </fieldset>
  );
}
