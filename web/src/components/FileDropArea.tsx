import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { Paragraph } from '@utrecht/component-library-react';
import { Check, CircleAlert, Clock, Upload as UploadIcon, type LucideIcon } from 'lucide-react';
import { FormFieldFrame, useFieldIds } from './FormFieldFrame';
import { Icon } from './Icon';
import './fileDrop.css';

type ProgressState = 'waiting' | 'busy' | 'done' | 'failed';

interface Progress {
  key: number;
  name: string;
  state: ProgressState;
  /** The words after the name: waiting, busy, done (or what `send` said), the failure. */
  text: string;
  detail: ReactNode;
}

const PROGRESS_ICON: Record<ProgressState, LucideIcon> = {
  waiting: Clock,
  busy: UploadIcon,
  done: Check,
  failed: CircleAlert,
};

/** What sending one file gave: other words than the usual "done", and more to show under its line. */
export interface FileSent {
  text?: string;
  detail?: ReactNode;
}

/** What happened to one file of a batch. */
export interface FileResult {
  name: string;
  ok: boolean;
  /** The reason it failed, in words ("" when it went well). */
  reason: string;
}

export interface FileDropAreaProps {
  id: string;
  label: string;
  /** Which files are taken, and the largest. */
  hint: string;
  accept: string;
  /** "Of sleep bestanden hierheen." */
  dropText: string;
  /** The name of the list of lines, for screen readers. */
  progressLabel: string;
  /** The words of a line that is waiting, busy or done. */
  stateText: (state: 'waiting' | 'busy' | 'done') => string;
  /** The words of a line that failed, with the reason. */
  failedText: (reason: string) => string;
  /** Why a file is not sent at all (too large, a name the server does not take), or null. */
  refuse?: (file: File) => string | null;
  /** Sends one file. A throw is a failure, its reason from `reasonOf`. */
  send: (file: File) => Promise<FileSent | void>;
  reasonOf: (caught: unknown) => string;
  /** After each batch, with what happened to each of its files. */
  onBatchDone: (results: readonly FileResult[]) => Promise<void> | void;
  /** When a new batch starts. */
  onStart?: () => void;
}

/**
 * A native file input (several files at once) in a box that also takes files dropped on it. The
 * files go one by one, each with its own line of progress; a line can show more of what the
 * server made of the file. Files chosen while others are still going wait their turn. Used by
 * Documenten ("Bestand toevoegen") and Dossiermail ("E-mail toevoegen").
 */
export function FileDropArea({
  id,
  label,
  hint,
  accept,
  dropText,
  progressLabel,
  stateText,
  failedText,
  refuse,
  send,
  reasonOf,
  onBatchDone,
  onStart,
}: FileDropAreaProps) {
  const [progress, setProgress] = useState<Progress[]>([]);
  const [over, setOver] = useState(false);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const running = useRef(0);
  const nextKey = useRef(1);
  const ids = useFieldIds({ id, prefix: 'file', description: hint, error: undefined });

  function update(key: number, patch: Partial<Progress>) {
    setProgress((current) => current.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  }

  async function sendAll(batch: readonly { key: number; file: File }[]) {
    const results: FileResult[] = [];
    for (const { key, file } of batch) {
      const refused = refuse?.(file) ?? null;
      if (refused) {
        update(key, { state: 'failed', text: failedText(refused) });
        results.push({ name: file.name, ok: false, reason: refused });
        continue;
      }
      update(key, { state: 'busy', text: stateText('busy') });
      try {
        const sent = await send(file);
        update(key, { state: 'done', text: sent?.text ?? stateText('done'), detail: sent?.detail ?? null });
        results.push({ name: file.name, ok: true, reason: '' });
      } catch (caught) {
        const reason = reasonOf(caught);
        update(key, { state: 'failed', text: failedText(reason) });
        results.push({ name: file.name, ok: false, reason });
      }
    }
    await onBatchDone(results);
  }

  function start(files: readonly File[]) {
    if (files.length === 0) return;
    const batch = files.map((file) => ({ key: nextKey.current++, file }));
    const lines: Progress[] = batch.map(({ key, file }) => ({
      key,
      name: file.name,
      state: 'waiting',
      text: stateText('waiting'),
      detail: null,
    }));
    // A new choice after the last one finished starts a fresh list; during uploads it joins the queue.
    const keep = running.current > 0;
    setProgress((current) => (keep ? [...current, ...lines] : lines));
    onStart?.();
    running.current += 1;
    queue.current = queue.current
      .then(() => sendAll(batch))
      .catch(() => undefined)
      .finally(() => {
        running.current -= 1;
      });
  }

  const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

  return (
    <div
      className={over ? 'aantafel-file-drop aantafel-file-drop--over' : 'aantafel-file-drop'}
      onDragEnter={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragOver={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        if (!over) setOver(true);
      }}
      onDragLeave={(event) => {
        const to = event.relatedTarget;
        if (!(to instanceof Node && event.currentTarget.contains(to))) setOver(false);
      }}
      onDrop={(event) => {
        if (!carriesFiles(event) && event.dataTransfer.files.length === 0) return;
        event.preventDefault();
        setOver(false);
        start(Array.from(event.dataTransfer.files));
      }}
    >
      <FormFieldFrame ids={ids} label={label} description={hint} error={undefined}>
        <input
          id={ids.inputId}
          type="file"
          multiple
          className="aantafel-file"
          accept={accept}
          aria-describedby={ids.describedBy}
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            // Cleared, so choosing the same file again (after a refusal) is a change too.
            event.target.value = '';
            start(files);
          }}
        />
      </FormFieldFrame>
      <Paragraph className="aantafel-meta aantafel-file-drop__text">
        <Icon icon={UploadIcon} /> {dropText}
      </Paragraph>
      {progress.length > 0 ? (
        <ul className="aantafel-file-progress" aria-label={progressLabel}>
          {progress.map((p) => (
            <li key={p.key} className={`aantafel-file-progress__item aantafel-file-progress__item--${p.state}`}>
              <Icon icon={PROGRESS_ICON[p.state]} className="aantafel-file-progress__icon" />
              <div>
                <span className="aantafel-file-progress__name">{p.name}</span>: {p.text}
                {p.detail ? <div className="aantafel-file-progress__detail">{p.detail}</div> : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
