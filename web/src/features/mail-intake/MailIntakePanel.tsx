/**
 * Dossiermail: e-mail saved as .eml files, filed as contacts (kind e-mail) with their people,
 * colleagues, organisation and attachments (POST …/mail-intake, tag "mail-intake" in
 * api/openapi.yaml). For editors and owners, on the Contacten page. Each file gets its own line
 * with what the server made of it: a link to the contact, who was matched, addresses nobody had
 * yet (with a link that adds them to Wie is wie) and attachments that were not kept, with why.
 */
import { useRef, useState } from 'react';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { isApiError, Upload } from '../../api/client';
import { fileMailMessage } from '../../api/generated/mail-intake';
import { FileDropArea, type FileResult } from '../../components/FileDropArea';
import { StatusMessage } from '../../components/StatusMessage';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import { FilingDetail } from './FilingDetail';
import { ACCEPT, isEml } from './mailIntake';
import { useMailIntakeText } from './texts';
import './mailIntake.css';

export interface MailIntakePanelProps {
  /** Called after each batch in which at least one message became a new contact. */
  onFiled: () => void;
}

export function MailIntakePanel({ onFiled }: MailIntakePanelProps) {
  const mt = useMailIntakeText();
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const [announcement, setAnnouncement] = useState('');
  // What the batch under way did, for its summary.
  const already = useRef(new Set<string>());
  const filedNew = useRef(0);

  function reasonOf(caught: unknown): string {
    if (!isApiError(caught)) return t('errors.general');
    if (caught.status === 413 && caught.code === 'http_413') return mt('upload.tooLargeServer');
    return caught.fields.file ?? caught.fields.name ?? caught.message;
  }

  function batchDone(results: readonly FileResult[]) {
    const only = results[0];
    if (results.length === 1 && only) {
      if (!only.ok) setAnnouncement(mt('done.failed', { name: only.name, reason: only.reason }));
      else setAnnouncement(mt(already.current.has(only.name) ? 'done.already' : 'done.one', { name: only.name }));
    } else {
      setAnnouncement(mt('done.some', { done: results.filter((r) => r.ok).length, total: results.length }));
    }
    if (filedNew.current > 0) onFiled();
    filedNew.current = 0;
    already.current.clear();
  }

  return (
    <section className="aantafel-card aantafel-mail-intake" aria-labelledby="mail-intake-heading">
      <Heading2 id="mail-intake-heading">{mt('title')}</Heading2>
      <Paragraph>{mt('intro')}</Paragraph>
      <details className="aantafel-mail-intake__how">
        <summary>{mt('how')}</summary>
        <ul>
          <li>{mt('how.outlookWeb')}</li>
          <li>{mt('how.outlookClassic')}</li>
          <li>{mt('how.gmail')}</li>
          <li>{mt('how.apple')}</li>
          <li>{mt('how.thunderbird')}</li>
        </ul>
      </details>
      {/* Each file's line says what happened; the summary is for screen readers. */}
      <div className="aantafel-visually-hidden">
        <StatusMessage>{announcement}</StatusMessage>
      </div>
      <FileDropArea
        id="mail-intake-upload"
        label={mt('upload.label')}
        hint={mt('upload.hint')}
        accept={ACCEPT}
        dropText={mt('upload.drop')}
        progressLabel={mt('upload.progress')}
        stateText={(state) => mt(`upload.${state}`)}
        failedText={(reason) => mt('upload.failed', { reason })}
        refuse={(file) => (isEml(file.name) ? null : mt('upload.notEml'))}
        send={async (file) => {
          const filing = await fileMailMessage({ slug }, new Upload(file, 'message/rfc822'), { name: file.name });
          if (filing.already_filed) already.current.add(file.name);
          else filedNew.current += 1;
          return {
            text: filing.already_filed ? mt('upload.already') : mt('upload.done'),
            detail: <FilingDetail filing={filing} mt={mt} />,
          };
        }}
        reasonOf={reasonOf}
        onBatchDone={batchDone}
        onStart={() => setAnnouncement('')}
      />
    </section>
  );
}
