import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, ButtonGroup } from '@utrecht/component-library-react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FileField } from '../../components/FileField';
import { useSocialMapText } from './texts';

/**
 * Reads a CSV file, all rows or none (the services import, the areas upload): the file, the
 * button, and when the server refuses the file its problems per line and column in one alert that
 * takes focus. `send` reads the file (and says what it did); `problemsOf` turns a refusal into
 * lines, or null for any other failure, which is shown as it is.
 */
export function CsvUploadForm({
  labelledBy,
  fileId,
  fileLabel,
  fileHint,
  problemsIntro,
  submitLabel,
  busyLabel,
  send,
  problemsOf,
  children,
}: {
  /** The id of the heading that names the form. */
  labelledBy: string;
  fileId: string;
  fileLabel: string;
  fileHint: ReactNode;
  /** What stands above the list of problems. */
  problemsIntro: ReactNode;
  submitLabel: string;
  busyLabel?: string;
  send: (file: File) => Promise<void>;
  problemsOf: (error: unknown) => string[] | null;
  /** First in the form (its heading, when it has one of its own). */
  children?: ReactNode;
}) {
  const mt = useSocialMapText();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [problems, setProblems] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const problemsRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems(null);
    setError(null);
    if (!file) {
      setFileError(mt('error.file'));
      fileRef.current?.focus();
      return;
    }
    setFileError(undefined);
    setBusy(true);
    try {
      await send(file);
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
    } catch (caught) {
      const list = problemsOf(caught);
      if (list) {
        setProblems(list);
        setTimeout(() => problemsRef.current?.focus(), 0);
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} aria-labelledby={labelledBy} aria-busy={busy || undefined}>
      {children}
      {error ? <ErrorAlert error={error} /> : null}
      {problems ? (
        <div className="aantafel-map-problems" tabIndex={-1} ref={problemsRef}>
          <Alert type="error">
            {problemsIntro}
            <ul className="aantafel-map-list">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </Alert>
        </div>
      ) : null}
      <FileField
        id={fileId}
        label={fileLabel}
        description={fileHint}
        error={fileError}
        accept=".csv,text/csv"
        inputRef={fileRef}
        onChange={(chosen) => {
          setFile(chosen);
          setFileError(undefined);
          setProblems(null);
        }}
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={busy}>
          {busy && busyLabel ? busyLabel : submitLabel}
        </Button>
      </ButtonGroup>
    </form>
  );
}
