import { useRef, useState, type FormEvent, type Ref } from 'react';
import { useNavigate } from 'react-router';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import type { ScanTemplate } from '../../api/types';
import { createScan, listScanTemplates } from '../../api/generated/scans';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/TextField';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import { ScansNav, useCanEdit, useScansBase } from './common';
import { textIn } from './scans';
import { useScansText } from './texts';

type Field = 'template_id' | 'title' | 'collaboration';

/** Start a scan: choose a questionnaire (with its intro and source), a name and the collaboration. */
export function NewScanPage() {
  const st = useScansText();
  const { language } = useI18n();
  const { workspace } = useWorkspace();
  const base = useScansBase();
  const canEdit = useCanEdit();
  const navigate = useNavigate();
  const templates = useApiData(`scan-templates:${workspace.slug}`, (signal) =>
    listScanTemplates({ slug: workspace.slug }, { signal }),
  );
  const [templateId, setTemplateId] = useState('');
  const [title, setTitle] = useState('');
  const [collaboration, setCollaboration] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const firstTemplateRef = useRef<HTMLInputElement>(null);

  function focus(field: Field | undefined) {
    if (field === 'template_id') firstTemplateRef.current?.focus();
    else if (field) document.getElementById(`scan-${field}`)?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const local: Partial<Record<Field, string>> = {};
    if (!templateId) local.template_id = st('error.template');
    if (!title.trim()) local.title = st('error.required');
    if (!collaboration.trim()) local.collaboration = st('error.required');
    setErrors(local);
    setError(null);
    const order: Field[] = ['template_id', 'title', 'collaboration'];
    if (Object.keys(local).length > 0) {
      focus(order.find((f) => local[f]));
      return;
    }
    setBusy(true);
    try {
      const scan = await createScan({ slug: workspace.slug }, {
        template_id: templateId,
        title: title.trim(),
        collaboration: collaboration.trim(),
      });
      navigate(`${base}/${scan.id}`, { state: { status: st('new.created', { title: scan.title }) } });
    } catch (caught) {
      if (isApiError(caught) && Object.keys(caught.fields).length > 0) {
        const fields: Partial<Record<Field, string>> = {};
        for (const f of order) if (caught.fields[f]) fields[f] = caught.fields[f];
        setErrors(fields);
        focus(order.find((f) => fields[f]));
        if (Object.keys(fields).length === 0) setError(caught);
      } else {
        setError(caught);
      }
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading title={st('new.title')} />
      <ScansNav />
      {!canEdit ? <Paragraph>{st('viewerReadOnly')}</Paragraph> : null}
      <Paragraph>{st('new.intro')}</Paragraph>
      {templates.error ? <ErrorAlert error={templates.error} /> : null}
      {templates.loading && !templates.data ? <Loading /> : null}
      {templates.data && canEdit ? (
        <form noValidate onSubmit={(event) => void submit(event)} aria-busy={busy || undefined} aria-label={st('new.title')}>
          <fieldset
            className={errors.template_id ? 'aantafel-radio-group aantafel-radio-group--invalid' : 'aantafel-radio-group'}
            aria-describedby={errors.template_id ? 'scan-template-error' : undefined}
          >
            <legend className="aantafel-radio-group__legend">{st('field.template')}</legend>
            {errors.template_id ? (
              <p id="scan-template-error" className="utrecht-form-field-error-message">
                {errors.template_id}
              </p>
            ) : null}
            {templates.data.items.map((t, index) => (
              <TemplateOption
                key={t.id}
                template={t}
                checked={templateId === t.id}
                onChoose={() => setTemplateId(t.id)}
                inputRef={index === 0 ? firstTemplateRef : undefined}
                language={language}
              />
            ))}
          </fieldset>
          <TextField
            id="scan-title"
            label={st('field.title')}
            description={st('field.titleHint')}
            value={title}
            maxLength={200}
            required
            error={errors.title}
            onChange={(event) => setTitle(event.target.value)}
          />
          <TextField
            id="scan-collaboration"
            label={st('field.collaboration')}
            description={st('field.collaborationHint')}
            value={collaboration}
            maxLength={200}
            required
            error={errors.collaboration}
            onChange={(event) => setCollaboration(event.target.value)}
          />
          {error ? <ErrorAlert error={error} /> : null}
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={busy}>
              {st('new.submit')}
            </Button>
          </ButtonGroup>
        </form>
      ) : null}
    </>
  );
}

function TemplateOption({
  template,
  checked,
  onChoose,
  inputRef,
  language,
}: {
  template: ScanTemplate;
  checked: boolean;
  onChoose: () => void;
  inputRef?: Ref<HTMLInputElement> | undefined;
  language: 'nl' | 'en';
}) {
  const st = useScansText();
  const id = `scan-template-${template.id}`;
  const statements = template.dimensions.reduce((n, d) => n + d.statements.length, 0);
  const source = template.source;
  return (
    <div className={checked ? 'aantafel-scan-template aantafel-scan-template--chosen' : 'aantafel-scan-template'}>
      <div className="aantafel-radio">
        <input
          type="radio"
          id={id}
          name="scan-template"
          value={template.id}
          checked={checked}
          onChange={onChoose}
          ref={inputRef}
          className="aantafel-radio__input"
          aria-describedby={`${id}-about`}
        />
        <label htmlFor={id} className="aantafel-radio__label">
          {textIn(template.title, language)}
        </label>
      </div>
      <div id={`${id}-about`} className="aantafel-scan-template__about">
        <p>{textIn(template.intro, language)}</p>
        <p className="aantafel-meta">
          {st('template.size', { statements, dimensions: template.dimensions.length })}{' '}
          {source.year
            ? st('template.sourceYear', { title: source.title, publisher: source.publisher, year: source.year })
            : st('template.source', { title: source.title, publisher: source.publisher })}
        </p>
      </div>
    </div>
  );
}
