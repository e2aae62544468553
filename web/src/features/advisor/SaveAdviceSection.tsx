import { useState, type FormEvent } from 'react';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { saveAdvice } from '../../api/generated/advisor';
import { listPlans } from '../../api/generated/calendar';
import { listOrganisations } from '../../api/generated/whoiswho';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextAreaField } from '../../components/TextAreaField';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import type { AdvisorAnswers } from './advisor';
import { hasTarget, saveAdviceBody, type SaveAdviceForm } from './workspaceKnowledge';

/** "Advies bewaren": keep this advice with a plan and/or a municipality, with a note. Not for viewers. */
export function SaveAdviceSection({ answers }: { answers: AdvisorAnswers }) {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const plans = useApiData(`plans:${slug}`, (signal) => listPlans({ slug }, { signal }));
  const organisations = useApiData(`organisations:${slug}`, (signal) => listOrganisations({ slug }, { signal }));
  const [form, setForm] = useState<SaveAdviceForm>({ planId: answers.planId, organisationId: '', note: '' });
  const [fieldErrors, setFieldErrors] = useState<{ plan?: string; organisation?: string; note?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [savedPlanId, setSavedPlanId] = useState<number | null>(null);
  const focusPlan = () => document.getElementById(fixedPlan ? 'advice-save-municipality' : 'advice-save-plan')?.focus();
  const fixedPlan = answers.planId !== '';
  const planTitle = (id: string) => plans.data?.items.find((plan) => String(plan.id) === id)?.title ?? id;
  const municipalities = (organisations.data?.items ?? []).filter((o) => o.kind === 'municipality');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setStatus('');
    if (!hasTarget(form)) {
      setFieldErrors({ plan: t('advisor.save.targetRequired') });
      focusPlan();
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      const saved = await saveAdvice({ slug }, saveAdviceBody(answers, form));
      setSavedPlanId(saved.plan_id);
      setForm((current) => ({ ...current, note: '' }));
      setStatus(t('advisor.save.saved'));
    } catch (caught) {
      if (isApiError(caught) && (caught.fields.plan_id || caught.fields.organisation_id || caught.fields.note)) {
        setFieldErrors({
          plan: caught.fields.plan_id,
          organisation: caught.fields.organisation_id,
          note: caught.fields.note,
        });
        if (caught.fields.plan_id) focusPlan();
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="aantafel-section aantafel-no-print" aria-labelledby="advice-save-heading">
      <form noValidate onSubmit={(event) => void submit(event)} aria-busy={busy || undefined}>
        <Heading2 id="advice-save-heading">{t('advisor.save.title')}</Heading2>
        <Paragraph>{t('advisor.save.intro')}</Paragraph>
        {error ? <ErrorAlert error={error} /> : null}
        {plans.error ? <ErrorAlert error={plans.error} /> : null}
        {fixedPlan ? (
          <Paragraph>{t('advisor.save.withPlan', { title: planTitle(answers.planId) })}</Paragraph>
        ) : (
          <SelectField
            id="advice-save-plan"
            label={t('advisor.save.plan')}
            value={form.planId}
            error={fieldErrors.plan}
            onChange={(event) => setForm({ ...form, planId: event.target.value })}
            options={[
              { value: '', label: t('advisor.save.noPlan') },
              ...(plans.data?.items ?? []).map((plan) => ({ value: String(plan.id), label: plan.title })),
            ]}
          />
        )}
        <SelectField
          id="advice-save-municipality"
          label={t('advisor.save.municipality')}
          value={form.organisationId}
          error={fieldErrors.organisation}
          onChange={(event) => setForm({ ...form, organisationId: event.target.value })}
          options={[
            { value: '', label: t('advisor.save.noMunicipality') },
            ...municipalities.map((o) => ({ value: String(o.id), label: o.name })),
          ]}
        />
        <TextAreaField
          id="advice-save-note"
          label={t('advisor.save.note')}
          description={t('advisor.save.noteHint')}
          maxLength={4000}
          rows={3}
          value={form.note}
          error={fieldErrors.note}
          onChange={(event) => setForm({ ...form, note: event.target.value })}
        />
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {busy ? t('common.saving') : t('advisor.save.submit')}
        </Button>
      </form>
      <StatusMessage>
        {status ? (
          <>
            {status}
            {savedPlanId !== null ? (
              <>
                {' '}
                <Link
                  to={`/w/${encodeURIComponent(slug)}/policy-calendar/plans/${savedPlanId}`}
                  className="utrecht-link utrecht-link--html-a"
                >
                  {t('advisor.save.toPlan')}
                </Link>
              </>
            ) : null}
          </>
        ) : null}
      </StatusMessage>
    </section>
  );
}
