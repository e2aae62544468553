import { useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { isApiError, Upload } from '../../api/client';
import type { ImportKind, ImportRejection, ImportReport } from '../../api/types';
import { importFile } from '../../api/generated/whoiswho';
import { FileField } from '../../components/FileField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { useI18n } from '../../i18n/I18nProvider';
import { NotFoundContent } from '../shell/NotFoundPage';
import { useWorkspace } from '../shell/workspaceContext';
import { useCanEdit, WhoIsWhoNav } from './common';
import { ImportReportView } from './ImportReportView';

/** The report inside a 422 answer of the import endpoint, if there is one. */
export function rejectedReport(error: unknown): ImportReport | null {
  if (!isApiError(error) || error.status !== 422) return null;
  const body = error.body as Partial<ImportRejection> | null;
  const report = body?.report;
  if (!report || !Array.isArray(report.rejected)) return null;
  return report;
}

type Outcome =
  | { stage: 'checked'; report: ImportReport }
  | { stage: 'rejected'; report: ImportReport; message: string }
  | { stage: 'imported'; report: ImportReport };

/** Import a people CSV or an Overheidsalmanak file: check first, then import. */
export function ImportPage() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const canEdit = useCanEdit();
  const [kind, setKind] = useState<ImportKind>('people_csv');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  if (!canEdit) return <NotFoundContent />;

  async function send(dryRun: boolean) {
    if (busy) return;
    setError(null);
    if (!file) {
      setFileError(t('import.fileRequired'));
      fileRef.current?.focus();
      return;
    }
    setFileError(undefined);
    setBusy(dryRun ? 'check' : 'import');
    try {
      const type = kind === 'almanak' ? 'application/xml' : 'text/csv';
      const report = await importFile({ slug: workspace.slug, kind }, new Upload(file, type), { dry_run: dryRun });
      setOutcome({ stage: dryRun ? 'checked' : 'imported', report });
    } catch (caught) {
      const report = rejectedReport(caught);
      if (report && isApiError(caught)) {
        setOutcome({ stage: 'rejected', report, message: caught.message });
      } else {
        setOutcome(null);
        setError(caught);
      }
    } finally {
      setBusy(null);
      requestAnimationFrame(() => resultRef.current?.focus());
    }
  }

  function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void send(true);
  }

  const fileHint = kind === 'almanak' ? t('import.fileHintAlmanak') : t('import.fileHintCsv');
  let resultTitle = '';
  if (outcome?.stage === 'checked') resultTitle = t('import.checkedTitle');
  if (outcome?.stage === 'rejected') resultTitle = t('import.rejectedTitle');
  if (outcome?.stage === 'imported') resultTitle = t('import.importedTitle');

  return (
    <>
      <PageHeading title={t('import.title')} />
      <WhoIsWhoNav />
      <Paragraph>{t('import.intro')}</Paragraph>
      <section className="aantafel-card" aria-labelledby="import-columns-heading">
        <Heading2 id="import-columns-heading">{t('import.columnsTitle')}</Heading2>
        <Paragraph>{t('import.columnsCsv')}</Paragraph>
        <Paragraph>
          <code className="aantafel-code">
            naam;gemeente;organisatie;functie;titel;partij;portefeuilles;domeinen;commissies;begindatum;einddatum;e-mail;telefoon
          </code>
        </Paragraph>
        <Paragraph>{t('import.columnsLists')}</Paragraph>
        <Paragraph>{t('import.columnsAlmanak')}</Paragraph>
        <Paragraph>{t('import.columnsSafe')}</Paragraph>
      </section>
      <form noValidate onSubmit={check} aria-busy={busy !== null || undefined} aria-labelledby="import-form-heading">
        <Heading2 id="import-form-heading">{t('import.formTitle')}</Heading2>
        {error ? <ErrorAlert error={error} /> : null}
        <RadioGroupField
          legend={t('import.kind')}
          name="import-kind"
          options={[
            { value: 'people_csv', label: t('import.kind.people_csv') },
            { value: 'almanak', label: t('import.kind.almanak') },
          ]}
          value={kind}
          onChange={(value) => {
            setKind(value as ImportKind);
            setOutcome(null);
          }}
        />
        <FileField
          id="import-file"
          label={t('import.file')}
          description={fileHint}
          error={fileError}
          accept={kind === 'almanak' ? '.xml,application/xml,text/xml' : '.csv,text/csv'}
          inputRef={fileRef}
          onChange={(file) => {
            setFile(file);
            setFileError(undefined);
            setOutcome(null);
          }}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy === 'check'}>
            {busy === 'check' ? t('import.checking') : t('import.check')}
          </Button>
        </ButtonGroup>
      </form>

      {outcome ? (
        <section className="aantafel-section" aria-labelledby="import-result-heading">
          <Heading2 id="import-result-heading" ref={resultRef} tabIndex={-1}>
            {resultTitle}
          </Heading2>
          {outcome.stage === 'checked' && outcome.report.rejected.length === 0 ? (
            <Alert type="info">
              <Paragraph>{t('import.checkedOk')}</Paragraph>
            </Alert>
          ) : null}
          {outcome.stage === 'checked' && outcome.report.rejected.length > 0 ? (
            <Alert type="warning">
              <Paragraph>{t('import.checkedProblems')}</Paragraph>
            </Alert>
          ) : null}
          {outcome.stage === 'rejected' ? (
            <Alert type="error">
              <Paragraph>{outcome.message}</Paragraph>
              <Paragraph>{t('import.nothingWritten')}</Paragraph>
            </Alert>
          ) : null}
          {outcome.stage === 'imported' ? (
            <Alert type="ok">
              <Paragraph>{t('import.importedOk')}</Paragraph>
            </Alert>
          ) : null}
          <ImportReportView report={outcome.report} />
          {outcome.stage === 'checked' && outcome.report.rejected.length === 0 ? (
            <Button
              type="button"
              appearance="primary-action-button"
              busy={busy === 'import'}
              onClick={() => void send(false)}
            >
              {busy === 'import' ? t('import.importing') : t('import.import')}
            </Button>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
