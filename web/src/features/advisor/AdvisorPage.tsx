import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  Button,
  ButtonGroup,
  FormFieldDescription,
  Paragraph,
} from '@utrecht/component-library-react';
import { listPlans } from '../../api/generated/calendar';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import {
  answersFromQuery,
  answersToQuery,
  ASSETS,
  assetLabel,
  checkAnswers,
  GOALS,
  goalLabel,
  LEVELS,
  levelLabel,
  PHASES,
  phaseHint,
  phaseLabel,
  QUESTIONS,
  queryString,
  SIZES,
  sizeLabel,
  type AdvisorAnswers,
  type AnswerProblems,
  type Asset,
  type Question,
} from './advisor';
import { AdvisorNav, useAdvisorBase, useWideScreen } from './common';

/**
 * The questionnaire: all questions on one page on wide screens, one question per screen with
 * Vorige/Volgende on narrow ones. The answers live in the URL query, so the page can be
 * bookmarked and "Antwoorden aanpassen" on the advice comes back with them.
 */
export function AdvisorPage() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const base = useAdvisorBase();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const [answers, setAnswers] = useState<AdvisorAnswers>(() => answersFromQuery(searchParams));
  const [problems, setProblems] = useState<AnswerProblems>({});
  const [step, setStep] = useState(0);
  const [stepMoved, setStepMoved] = useState(false);
  const wide = useWideScreen();
  const progressRef = useRef<HTMLParagraphElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const plans = useApiData(`plans:${workspace.slug}`, (signal) => listPlans({ slug: workspace.slug }, { signal }));

  // After Vorige/Volgende, focus goes to "Vraag n van 6", just before the new question.
  useEffect(() => {
    if (stepMoved) progressRef.current?.focus();
  }, [step, stepMoved]);

  function update(next: AdvisorAnswers) {
    setAnswers(next);
    setSearchParams(answersToQuery(next), { replace: true });
    // A problem disappears as soon as it is solved; new ones only show on the next check.
    const still = checkAnswers(next);
    setProblems((current) => {
      const kept: AnswerProblems = {};
      for (const [question, key] of Object.entries(current) as [Question, AnswerProblems[Question]][]) {
        if (key && still[question] === key) kept[question] = key;
      }
      return kept;
    });
  }

  const set = <K extends keyof AdvisorAnswers>(name: K, value: AdvisorAnswers[K]) =>
    update({ ...answers, [name]: value });

  function focusQuestion(question: Question) {
    // Give React a moment to show the question (and its error) first.
    window.setTimeout(() => {
      const container = formRef.current?.querySelector<HTMLElement>(`[data-question="${question}"]`);
      if (!container) return;
      const target =
        (question === 'size' && answers.size === 'count'
          ? container.querySelector<HTMLElement>('#advisor-employees')
          : null) ??
        container.querySelector<HTMLElement>('input:checked') ??
        container.querySelector<HTMLElement>('input, select');
      target?.focus();
    }, 0);
  }

  function goTo(index: number) {
    setStep(index);
    setStepMoved(true);
  }

  function nextStep() {
    const question = QUESTIONS[step];
    if (!question) return;
    const problem = checkAnswers(answers)[question];
    if (problem) {
      setProblems({ [question]: problem });
      focusQuestion(question);
      return;
    }
    setProblems({});
    goTo(step + 1);
  }

  function showAdvice() {
    const found = checkAnswers(answers);
    const first = QUESTIONS.find((question) => found[question]);
    if (first) {
      setProblems(found);
      if (!wide) setStep(QUESTIONS.indexOf(first));
      focusQuestion(first);
      return;
    }
    navigate(`${base}/result${queryString(answers)}`);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!wide && step < QUESTIONS.length - 1) nextStep();
    else showAdvice();
  }

  const planOptions = [
    { value: '', label: t('advisor.plan.none') },
    ...(plans.data?.items ?? []).map((plan) => ({ value: String(plan.id), label: plan.title })),
  ];
  // A plan in the link that is not (or no longer) in the list still shows as chosen.
  if (answers.planId && plans.data && !planOptions.some((o) => o.value === answers.planId)) {
    planOptions.push({ value: answers.planId, label: t('advisor.result.planValue', { id: answers.planId }) });
  }

  const questions: Record<Question, ReactNode> = {
    size: (
      <>
        <RadioGroupField
          legend={t('advisor.q.size')}
          description={t('advisor.q.sizeHint')}
          name="size"
          options={[...SIZES, 'count' as const].map((size) => ({ value: size, label: t(sizeLabel(size)) }))}
          value={answers.size}
          onChange={(value) => set('size', value as AdvisorAnswers['size'])}
          error={answers.size === 'count' ? undefined : problems.size ? t(problems.size) : undefined}
        />
        {answers.size === 'count' ? (
          <TextField
            id="advisor-employees"
            label={t('advisor.employees')}
            description={t('advisor.employeesHint')}
            inputMode="numeric"
            autoComplete="off"
            maxLength={9}
            value={answers.employees}
            onChange={(event) => set('employees', event.target.value)}
            error={problems.size ? t(problems.size) : undefined}
          />
        ) : null}
      </>
    ),
    plan: (
      <fieldset className="aantafel-radio-group">
        <legend className="aantafel-radio-group__legend">{t('advisor.q.plan')}</legend>
        <FormFieldDescription>{t('advisor.q.planHint')}</FormFieldDescription>
        {plans.error ? <ErrorAlert error={plans.error} /> : null}
        {plans.loading && !plans.data ? <Loading /> : null}
        <SelectField
          id="advisor-plan"
          label={t('advisor.result.plan')}
          options={planOptions}
          value={answers.planId}
          onChange={(event) => set('planId', event.target.value)}
        />
      </fieldset>
    ),
    phase: (
      <RadioGroupField
        legend={t('advisor.q.phase')}
        description={t('advisor.q.phaseHint')}
        name="phase"
        options={[
          ...PHASES.map((phase) => ({
            value: phase,
            label: t('advisor.phase.option', { phase: t(phaseLabel(phase)), hint: t(phaseHint(phase)) }),
          })),
          ...(answers.planId ? [{ value: '', label: t('advisor.phase.fromPlan') }] : []),
        ]}
        value={answers.phase}
        onChange={(value) => set('phase', value as AdvisorAnswers['phase'])}
        error={problems.phase ? t(problems.phase) : undefined}
      />
    ),
    level: (
      <RadioGroupField
        legend={t('advisor.q.level')}
        name="level"
        options={LEVELS.map((level) => ({ value: level, label: t(levelLabel(level)) }))}
        value={answers.level}
        onChange={(value) => set('level', value as AdvisorAnswers['level'])}
        error={problems.level ? t(problems.level) : undefined}
      />
    ),
    goal: (
      <RadioGroupField
        legend={t('advisor.q.goal')}
        name="goal"
        options={GOALS.map((goal) => ({ value: goal, label: t(goalLabel(goal)) }))}
        value={answers.goal}
        onChange={(value) => set('goal', value as AdvisorAnswers['goal'])}
        error={problems.goal ? t(problems.goal) : undefined}
      />
    ),
    assets: (
      <AssetsField
        value={answers.assets}
        onChange={(assets) => set('assets', assets)}
      />
    ),
  };

  const last = step === QUESTIONS.length - 1;
  const shown = wide ? QUESTIONS : QUESTIONS.slice(step, step + 1);

  return (
    <>
      <PageHeading title={t('area.advisor')} />
      <AdvisorNav />
      <Paragraph>{t('advisor.intro')}</Paragraph>
      <form ref={formRef} noValidate onSubmit={submit} aria-label={t('advisor.formLabel')} className="aantafel-questionnaire">
        {!wide ? (
          <p ref={progressRef} tabIndex={-1} className="aantafel-questionnaire__progress">
            {t('advisor.progress', { current: step + 1, total: QUESTIONS.length })}
          </p>
        ) : null}
        {shown.map((question) => (
          <div key={question} data-question={question} className="aantafel-questionnaire__question">
            {questions[question]}
          </div>
        ))}
        <ButtonGroup>
          {!wide && step > 0 ? (
            <Button type="button" appearance="secondary-action-button" onClick={() => goTo(step - 1)}>
              {t('advisor.previous')}
            </Button>
          ) : null}
          {!wide && !last ? (
            <Button type="submit" appearance="primary-action-button">
              {t('advisor.next')}
            </Button>
          ) : (
            <Button type="submit" appearance="primary-action-button">
              {t('advisor.submit')}
            </Button>
          )}
          {wide ? (
            <Link to={`${base}/knowledge`} className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--subtle">
              {t('advisor.nav.knowledge')}
            </Link>
          ) : null}
        </ButtonGroup>
      </form>
    </>
  );
}

/** "Wat heb je al?": checkboxes in a fieldset. */
function AssetsField({ value, onChange }: { value: readonly Asset[]; onChange: (assets: Asset[]) => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <fieldset className="aantafel-radio-group" aria-describedby={`${id}-hint`}>
      <legend className="aantafel-radio-group__legend">{t('advisor.q.assets')}</legend>
      <FormFieldDescription id={`${id}-hint`}>{t('advisor.q.assetsHint')}</FormFieldDescription>
      <div className="aantafel-radio-group__options">
        {ASSETS.map((asset) => {
          const optionId = `${id}-${asset}`;
          return (
            <div key={asset} className="aantafel-radio">
              <input
                type="checkbox"
                id={optionId}
                name="has"
                value={asset}
                checked={value.includes(asset)}
                onChange={(event) =>
                  onChange(
                    event.target.checked
                      ? ASSETS.filter((a) => a === asset || value.includes(a))
                      : value.filter((a) => a !== asset),
                  )
                }
                className="aantafel-radio__input"
              />
              <label htmlFor={optionId} className="aantafel-radio__label">
                {t(assetLabel(asset))}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
