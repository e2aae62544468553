import { useRef, useState, type FormEvent, type Ref } from 'react';
import { useNavigate } from 'react-router';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import type { ScanTemplate } from '../../api/types';
import { createScan, listScanTemplates } from '../../api/generated/scans';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldsetFrame } from '../../components/FieldsetFrame';
import { translatedProblems } from '../../components/formErrors';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { useApiData } from '../../components/useApiData';
import { useFieldForm, useFormValues } from '../../components/useFieldForm';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import { ScansNav, useCanEdit, useScansBase } from './common';
import { ScanNameFields } from './ScanNameFields';
import { checkScanNames, SCAN_NAME_FIELDS, scanNamesBody, textIn, type ScanNames } from './scans';
import { useScansText } from './texts';

/** The form's fields in form order, by the API's names. */
const FIELDS = ['template_id', ...SCAN_NAME_FIELDS];

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
  const { values: names, setValues: setNames } = useFormValues<ScanNames>({ title: '', collaboration: '' });
  const firstTemplateRef = useRef<HTMLInputElement>(null);
  const form = useFieldForm(FIELDS, (field) => {
    if (field === 'template_id') firstTemplateRef.current?.focus();
    else document.getElementById(`scan-${field}`)?.focus();
  });
  const { fieldErrors: errors, busy } = form;

  function submit(event: FormEvent<HTMLFormElement>) {
    void form.submit(event, {
      check: () => ({
        template_id: templateId ? undefined : st('error.template'),
        ...translatedProblems(checkScanNames(names), st),
      }),
      send: async () => {
        const scan = await createScan({ slug: workspace.slug }, { template_id: templateId, ...scanNamesBody(names) });
        navigate(`${base}/${scan.id}`, { state: { status: st('new.created', { title: scan.title }) } });
      },
      leaves: true,
    });
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
        <form noValidate onSubmit={submit} aria-busy={busy || undefined} aria-label={st('new.title')}>
          <FieldsetFrame
            legend={st('field.template')}
            descriptionId="scan-template-hint"
            error={errors.template_id}
            errorId="scan-template-error"
          >
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
          </FieldsetFrame>
          <ScanNameFields
            idPrefix="scan"
            values={names}
            errors={errors}
            hints
            onChange={(patch) => setNames((v) => ({ ...v, ...patch }))}
          />
          {form.error ? <ErrorAlert error={form.error} /> : null}
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
