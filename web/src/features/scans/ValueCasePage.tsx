import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import { VALUE_CASE_LIGHTS, type ValueCase, type ValueCaseLight } from '../../api/types';
import { addValueCase, deleteValueCase, getValueCase, replaceValueCase } from '../../api/generated/scans';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useRecordById } from '../../components/useRecordById';
import { LOCALES } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';
import { NotFoundContent } from '../shell/NotFoundPage';
import { useWorkspace } from '../shell/workspaceContext';
import { LightBadge, ScansNav, useCanEdit, useHandedOverStatus, useScansBase } from './common';
import {
  emptyAvoidedCost,
  emptyValueCaseForm,
  formToValueCase,
  liveFigures,
  MAX_AVOIDED_COSTS,
  parseAmount,
  sentLineIndexes,
  valueCaseToForm,
  type JudgementForm,
  type ReturnFigures,
  type ValueCaseForm,
} from './scans';
import { useScansText, type ScansKey } from './texts';

/** Euros, counts and shares in the UI language. */
export function useValueFormat() {
  const { language } = useI18n();
  const st = useScansText();
  return useMemo(() => {
    const locale = LOCALES[language];
    const euro0 = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
    const euro2 = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const none = st('common.none');
    return {
      euro: (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? none : euro0.format(v)),
      euroCents: (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? none : euro2.format(v)),
      count: (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? none : count.format(v)),
      percent: (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? none : percent.format(v)),
    };
  }, [language, st]);
}

export function NewValueCasePage() {
  return <ValueCaseEditor key="new" saved={null} />;
}

export function ValueCasePage() {
  const { valueCaseId } = useParams();
  const { workspace } = useWorkspace();
  const st = useScansText();
  const loaded = useRecordById(valueCaseId, `value-case:${workspace.slug}`, (id, signal) =>
    getValueCase({ slug: workspace.slug, value_case_id: id }, { signal }),
  );
  const id = loaded.id;
  if (id === null) return <NotFoundContent />;
  if (loaded.gone) return <NotFoundContent />;
  if (!loaded.data) {
    return (
      <>
        <PageHeading title={st('vc.title')} />
        <ScansNav />
        {loaded.error ? <ErrorAlert error={loaded.error} /> : <Loading />}
      </>
    );
  }
  return <ValueCaseEditor key={id} saved={loaded.data} />;
}

function fieldId(name: string): string {
  return `vc-${name.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;
}

const FIELD_ORDER = [
  'title',
  'initiative',
  'period',
  'clients_reached',
  'clients_activated',
  'participation_notes',
  'initiative_costs',
];

function ValueCaseEditor({ saved: initial }: { saved: ValueCase | null }) {
  const st = useScansText();
  const { language, formatDateTime } = useI18n();
  const { workspace } = useWorkspace();
  const base = useScansBase();
  const canEdit = useCanEdit();
  const navigate = useNavigate();
  const handedOver = useHandedOverStatus();
  const fmt = useValueFormat();
  const locale = LOCALES[language];
  const [saved, setSaved] = useState<ValueCase | null>(initial);
  const [form, setForm] = useState<ValueCaseForm>(() => (initial ? valueCaseToForm(initial, locale) : emptyValueCaseForm()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [announce, setAnnounce] = useState('');
  const [deleting, setDeleting] = useState(false);
  const addLineRef = useRef<HTMLButtonElement>(null);
  const live = liveFigures(form);

  const set = <K extends keyof ValueCaseForm>(key: K, value: ValueCaseForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const setLine = (index: number, key: keyof ValueCaseForm['avoided_costs'][number], value: string) =>
    setForm((f) => ({
      ...f,
      avoided_costs: f.avoided_costs.map((line, i) => (i === index ? { ...line, [key]: value } : line)),
    }));

  function focusFirst(found: Record<string, string>) {
    const names = Object.keys(found);
    if (names.length === 0) return;
    const first = FIELD_ORDER.find((n) => found[n]) ?? names[0];
    if (first) document.getElementById(fieldId(first))?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const { body, errors: local } = formToValueCase(form);
    if (!body) {
      const texts: Record<string, string> = {};
      for (const [name, key] of Object.entries(local)) texts[name] = st(`error.${key}` as ScansKey);
      setErrors(texts);
      focusFirst(texts);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const result = saved
        ? await replaceValueCase({ slug: workspace.slug, value_case_id: saved.id }, body)
        : await addValueCase({ slug: workspace.slug }, body);
      if (!saved) {
        navigate(`${base}/value-cases/${result.id}`, { state: { status: st('vc.saved', { title: result.title }) } });
        return;
      }
      setSaved(result);
      setStatus(st('vc.saved', { title: result.title }));
    } catch (caught) {
      if (isApiError(caught) && Object.keys(caught.fields).length > 0) {
        // The server names cost lines by the lines sent; the form may have empty lines in between.
        const sent = sentLineIndexes(form);
        const texts: Record<string, string> = {};
        for (const [name, message] of Object.entries(caught.fields)) {
          const mapped = name.replace(/^avoided_costs\[(\d+)\]/, (_, i: string) => `avoided_costs[${sent[Number(i)] ?? i}]`);
          texts[mapped] = message;
        }
        setErrors(texts);
        setError(new Error(st('error.form')));
        focusFirst(texts);
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  }

  const title = saved ? st('vc.editTitle', { title: saved.title }) : st('vc.newTitle');
  const readOnly = !canEdit;
  return (
    <>
      <PageHeading title={title} />
      <ScansNav />
      <StatusMessage>{status || handedOver}</StatusMessage>
      {saved ? (
        <Paragraph className="aantafel-meta">
          {st('vc.updated')}: {formatDateTime(saved.updated_at)} ·{' '}
          <Link to={`${base}/value-cases/${saved.id}/print`} className="utrecht-link utrecht-link--html-a">
            {st('vc.print')}
          </Link>
        </Paragraph>
      ) : null}
      {readOnly ? <Paragraph>{st('viewerReadOnly')}</Paragraph> : null}
      <Paragraph>{st('vc.intro')}</Paragraph>
      <form noValidate onSubmit={(event) => void submit(event)} aria-busy={busy || undefined} aria-label={st('vc.formLabel')}>
        <fieldset disabled={readOnly} className="aantafel-scan-vc">
          <section className="aantafel-section" aria-labelledby="vc-about-heading">
            <Heading2 id="vc-about-heading">{st('vc.about')}</Heading2>
            <TextField id={fieldId('title')} label={st('vc.field.title')} value={form.title} maxLength={200} required error={errors.title} onChange={(e) => set('title', e.target.value)} />
            <TextAreaField id={fieldId('initiative')} label={st('vc.field.initiative')} value={form.initiative} maxLength={4000} rows={3} error={errors.initiative} onChange={(e) => set('initiative', e.target.value)} />
            <TextField id={fieldId('period')} label={st('vc.field.period')} description={st('vc.field.periodHint')} value={form.period} maxLength={200} error={errors.period} onChange={(e) => set('period', e.target.value)} />
          </section>

          <section className="aantafel-section aantafel-scan-side" aria-labelledby="vc-participation-heading">
            <Heading2 id="vc-participation-heading">{st('side.participation')}</Heading2>
            <Paragraph>{st('side.participationQuestion')}</Paragraph>
            <div className="aantafel-scan-pair">
              <TextField id={fieldId('clients_reached')} label={st('vc.field.clientsReached')} inputMode="numeric" value={form.clients_reached} error={errors.clients_reached} onChange={(e) => set('clients_reached', e.target.value)} />
              <TextField id={fieldId('clients_activated')} label={st('vc.field.clientsActivated')} inputMode="numeric" value={form.clients_activated} error={errors.clients_activated} onChange={(e) => set('clients_activated', e.target.value)} />
            </div>
            <Paragraph aria-live="polite">{st('vc.activation', { value: fmt.percent(live.activation_share) })}</Paragraph>
            <TextAreaField id={fieldId('participation_notes')} label={st('vc.field.participationNotes')} value={form.participation_notes} maxLength={4000} rows={3} error={errors.participation_notes} onChange={(e) => set('participation_notes', e.target.value)} />
            <Judgement side="participation" value={form.participation} onChange={(j) => set('participation', j)} />
          </section>

          <section className="aantafel-section aantafel-scan-side" aria-labelledby="vc-return-heading">
            <Heading2 id="vc-return-heading">{st('side.return')}</Heading2>
            <Paragraph>{st('side.returnQuestion')}</Paragraph>
            <TextField id={fieldId('initiative_costs')} label={st('vc.field.initiativeCosts')} inputMode="decimal" value={form.initiative_costs} error={errors.initiative_costs} onChange={(e) => set('initiative_costs', e.target.value)} />
            <Heading3>{st('vc.lines')}</Heading3>
            <Paragraph>{st('vc.linesIntro')}</Paragraph>
            {form.avoided_costs.map((line, index) => {
              const p = `avoided_costs[${index}].`;
              const number = index + 1;
              return (
                <fieldset key={index} className="aantafel-card aantafel-scan-line">
                  <legend className="aantafel-scan-line__legend">{st('vc.line', { number })}</legend>
                  <TextField id={fieldId(`${p}label`)} label={st('vc.line.label')} value={line.label} maxLength={200} error={errors[`${p}label`]} onChange={(e) => setLine(index, 'label', e.target.value)} />
                  <div className="aantafel-scan-pair">
                    <TextField id={fieldId(`${p}unit_cost`)} label={st('vc.line.unitCost')} inputMode="decimal" value={line.unit_cost} error={errors[`${p}unit_cost`]} onChange={(e) => setLine(index, 'unit_cost', e.target.value)} />
                    <TextField id={fieldId(`${p}events`)} label={st('vc.line.events')} inputMode="decimal" value={line.events} error={errors[`${p}events`]} onChange={(e) => setLine(index, 'events', e.target.value)} />
                    <TextField id={fieldId(`${p}attribution`)} label={st('vc.line.attribution')} description={st('vc.line.attributionHint')} inputMode="decimal" value={line.attribution} error={errors[`${p}attribution`]} onChange={(e) => setLine(index, 'attribution', e.target.value)} />
                  </div>
                  <TextAreaField id={fieldId(`${p}assumption`)} label={st('vc.line.assumption')} value={line.assumption} maxLength={4000} rows={2} error={errors[`${p}assumption`]} onChange={(e) => setLine(index, 'assumption', e.target.value)} />
                  <Paragraph className="aantafel-scan-line__total">
                    {st('vc.line.total', { value: fmt.euro(live.line_totals[index]) })}{' '}
                    {live.break_even_events[index] != null
                      ? st('vc.line.breakEven', { value: fmt.count(live.break_even_events[index]) })
                      : null}
                  </Paragraph>
                  {!readOnly && form.avoided_costs.length > 1 ? (
                    <Button
                      type="button"
                      appearance="subtle-button"
                      onClick={() => {
                        setForm((f) => ({ ...f, avoided_costs: f.avoided_costs.filter((_, i) => i !== index) }));
                        setErrors({});
                        setAnnounce(st('vc.line.removed', { number }));
                        addLineRef.current?.focus();
                      }}
                    >
                      {st('vc.line.remove', { number })}
                    </Button>
                  ) : null}
                </fieldset>
              );
            })}
            {!readOnly ? (
              <ButtonGroup>
                <Button
                  ref={addLineRef}
                  type="button"
                  appearance="secondary-action-button"
                  disabled={form.avoided_costs.length >= MAX_AVOIDED_COSTS}
                  onClick={() => {
                    const next = form.avoided_costs.length;
                    setForm((f) => ({ ...f, avoided_costs: [...f.avoided_costs, emptyAvoidedCost()] }));
                    setAnnounce(st('vc.line.added', { number: next + 1 }));
                    window.setTimeout(() => document.getElementById(fieldId(`avoided_costs[${next}].label`))?.focus(), 0);
                  }}
                >
                  {st('vc.line.add')}
                </Button>
              </ButtonGroup>
            ) : null}
            {form.avoided_costs.length >= MAX_AVOIDED_COSTS ? <Paragraph>{st('vc.line.max')}</Paragraph> : null}
            <StatusMessage>{announce}</StatusMessage>
            <Figures figures={live} costs={liveCosts(form.initiative_costs)} labels={form.avoided_costs.map((l) => l.label)} note={st('figures.live')} id="vc-figures-live" />
            <TextAreaField id={fieldId('social_value')} label={st('vc.field.socialValue')} value={form.social_value} maxLength={4000} rows={3} error={errors.social_value} onChange={(e) => set('social_value', e.target.value)} />
            <Judgement side="return" value={form.return} onChange={(j) => set('return', j)} />
          </section>

          <section className="aantafel-section aantafel-scan-side" aria-labelledby="vc-legitimacy-heading">
            <Heading2 id="vc-legitimacy-heading">{st('side.legitimacy')}</Heading2>
            <Paragraph>{st('side.legitimacyQuestion')}</Paragraph>
            <TextAreaField id={fieldId('beneficiaries')} label={st('vc.field.beneficiaries')} value={form.beneficiaries} maxLength={4000} rows={3} error={errors.beneficiaries} onChange={(e) => set('beneficiaries', e.target.value)} />
            <TextAreaField id={fieldId('equal_access')} label={st('vc.field.equalAccess')} value={form.equal_access} maxLength={4000} rows={3} error={errors.equal_access} onChange={(e) => set('equal_access', e.target.value)} />
            <TextAreaField id={fieldId('fairness')} label={st('vc.field.fairness')} value={form.fairness} maxLength={4000} rows={3} error={errors.fairness} onChange={(e) => set('fairness', e.target.value)} />
            <Judgement side="legitimacy" value={form.legitimacy} onChange={(j) => set('legitimacy', j)} />
          </section>
        </fieldset>
        {error ? <ErrorAlert error={error} /> : null}
        {!readOnly ? (
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={busy}>
              {busy ? st('common.saving') : st('vc.save')}
            </Button>
            {saved ? (
              <Button type="button" appearance="secondary-action-button" hint="danger" onClick={() => setDeleting(true)}>
                {st('vc.delete')}
              </Button>
            ) : null}
          </ButtonGroup>
        ) : null}
      </form>
      {saved ? (
        <section className="aantafel-section" aria-labelledby="vc-saved-heading">
          <Heading2 id="vc-saved-heading">{st('vc.triangle')}</Heading2>
          <ul className="aantafel-scan-lights">
            <li><LightBadge light={saved.participation?.light} side={st('side.participation')} /></li>
            <li><LightBadge light={saved.return?.light} side={st('side.return')} /></li>
            <li><LightBadge light={saved.legitimacy?.light} side={st('side.legitimacy')} /></li>
          </ul>
          <Figures
            figures={saved.figures}
            costs={saved.initiative_costs ?? 0}
            labels={(saved.avoided_costs ?? []).map((l) => l.label)}
            note={st('figures.saved')}
            id="vc-figures-saved"
          />
        </section>
      ) : null}
      {saved ? (
        <ConfirmDialog
          open={deleting}
          title={st('vc.deleteTitle', { title: saved.title })}
          confirmLabel={st('delete.confirm')}
          busyLabel={st('common.deleting')}
          onCancel={() => setDeleting(false)}
          onConfirm={async () => {
            await deleteValueCase({ slug: workspace.slug, value_case_id: saved.id });
            setDeleting(false);
            navigate(`${base}/value-cases`, { state: { status: st('vc.deleted', { title: saved.title }) } });
          }}
        >
          {st('vc.deleteBody')}
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function liveCosts(text: string): number {
  return parseAmount(text) ?? 0;
}

function Judgement({
  side,
  value,
  onChange,
}: {
  side: 'participation' | 'return' | 'legitimacy';
  value: JudgementForm;
  onChange: (j: JudgementForm) => void;
}) {
  const st = useScansText();
  const sideName = st(`side.${side}` as ScansKey);
  return (
    <div className="aantafel-scan-judgement">
      <RadioGroupField
        legend={st('vc.light', { side: sideName })}
        name={`vc-${side}-light`}
        options={VALUE_CASE_LIGHTS.map((l: ValueCaseLight) => ({ value: l, label: st(`light.${l}` as ScansKey) }))}
        value={value.light}
        onChange={(light) => onChange({ ...value, light: light as ValueCaseLight })}
      />
      <p className="aantafel-scan-judgement__now">
        <LightBadge light={value.light} side={sideName} />
      </p>
      <TextAreaField
        id={`vc-${side}-evidence`}
        label={st('vc.evidence')}
        value={value.evidence}
        maxLength={4000}
        rows={3}
        onChange={(e) => onChange({ ...value, evidence: e.target.value })}
      />
    </div>
  );
}

/** The return in figures: totals, net, return per euro and break-even per line. */
export function Figures({
  figures,
  costs,
  labels,
  note,
  id,
}: {
  figures: ReturnFigures;
  costs: number;
  labels: string[];
  note: string;
  id: string;
}) {
  const st = useScansText();
  const fmt = useValueFormat();
  const breakEven = figures.break_even_events
    .map((value, index) => ({ value, label: labels[index] || st('vc.line', { number: index + 1 }) }))
    .filter((x): x is { value: number; label: string } => x.value !== null);
  return (
    <div className="aantafel-card aantafel-scan-figures" aria-labelledby={`${id}-heading`} role="group">
      <Heading3 id={`${id}-heading`}>{st('figures.title')}</Heading3>
      <Paragraph className="aantafel-meta">{note}</Paragraph>
      <dl className="aantafel-scan-facts" data-testid={id}>
        <div>
          <dt>{st('figures.avoided')}</dt>
          <dd>{fmt.euro(figures.avoided_total)}</dd>
        </div>
        <div>
          <dt>{st('figures.costs')}</dt>
          <dd>{fmt.euro(costs)}</dd>
        </div>
        <div>
          <dt>{st('figures.net')}</dt>
          <dd>{fmt.euro(figures.net)}</dd>
        </div>
        <div>
          <dt>{st('figures.perEuro')}</dt>
          <dd>
            {figures.return_per_euro === null
              ? st('common.none')
              : st('figures.perEuroValue', { value: fmt.euroCents(figures.return_per_euro) })}
          </dd>
        </div>
        {breakEven.length > 0 ? (
          <div>
            <dt>{st('figures.breakEven')}</dt>
            <dd>
              <ul className="aantafel-scan-plain-list">
                {breakEven.map((b, index) => (
                  <li key={index}>{st('figures.breakEvenValue', { label: b.label, value: fmt.count(b.value) })}</li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
