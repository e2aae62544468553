import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, isApiError } from '../../api/client';
import type { Scan, ScanInvitation, ScanRespondent } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { LocalLinkWarning } from '../../components/publicAddress/LocalLinkWarning';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { NotFoundContent } from '../shell/NotFoundPage';
import { useWorkspace } from '../shell/workspaceContext';
import { idParam, ScansNav, useCanEdit, useHandedOverStatus, useScansBase } from './common';
import { inviteBody, type InviteErrors, type InviteeRow } from './scans';
import { useScansText, type ScansKey } from './texts';

/** One scan: invite respondents (links shown once), who answered, close, repeat, delete. */
export function ScanPage() {
  const { scanId } = useParams();
  const id = idParam(scanId);
  if (id === null) return <NotFoundContent />;
  return <ScanView key={id} id={id} />;
}

function who(r: { organisation: string; label: string }): string {
  return r.label ? `${r.organisation} (${r.label})` : r.organisation;
}

function ScanView({ id }: { id: number }) {
  const st = useScansText();
  const { formatDate } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const base = useScansBase();
  const canEdit = useCanEdit();
  const navigate = useNavigate();
  const handedOver = useHandedOverStatus();
  const [status, setStatus] = useState('');
  const scan = useApiData(`scan:${slug}:${id}`, (signal) => api.getScan(slug, id, signal));
  const respondents = useApiData(`scan-respondents:${slug}:${id}`, (signal) =>
    api.listScanRespondents(slug, id, signal),
  );
  const [links, setLinks] = useState<ScanInvitation['items'] | null>(null);
  const [withdrawing, setWithdrawing] = useState<ScanRespondent | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'status' | 'repeat' | null>(null);

  if (scan.error && isApiError(scan.error) && scan.error.status === 404) return <NotFoundContent />;
  const s = scan.data;

  async function setScanStatus(next: 'open' | 'closed') {
    setBusy('status');
    setActionError(null);
    try {
      await api.updateScan(slug, id, { status: next });
      await Promise.all([scan.reload(), respondents.reload()]);
      setStatus(st(next === 'closed' ? 'close.done' : 'reopen.done'));
    } catch (caught) {
      setActionError(caught);
    } finally {
      setBusy(null);
    }
  }

  async function repeat() {
    setBusy('repeat');
    setActionError(null);
    try {
      const next = await api.repeatScan(slug, id);
      navigate(`${base}/${next.id}`, { state: { status: st('repeat.done') } });
    } catch (caught) {
      setActionError(caught);
      setBusy(null);
    }
  }

  return (
    <>
      <PageHeading title={s?.title ?? st('title')} />
      <ScansNav />
      <StatusMessage>{status || handedOver}</StatusMessage>
      {scan.error ? <ErrorAlert error={scan.error} /> : null}
      {!s && !scan.error ? <Loading /> : null}
      {s ? (
        <>
          <Paragraph className="aantafel-meta">
            {s.collaboration} · {st('scan.meta', { template: s.template_title, date: formatDate(s.created_at) })}{' '}
            {s.closed_at && s.status === 'closed' ? st('scan.closedOn', { date: formatDate(s.closed_at) }) : null}
          </Paragraph>
          <Paragraph>
            <span className={s.status === 'open' ? 'aantafel-badge aantafel-badge--ok' : 'aantafel-badge aantafel-badge--muted'}>
              {st(`status.${s.status}`)}
            </span>{' '}
            {st('scan.progress', { answered: s.answered, invited: s.invited })}
          </Paragraph>
          {s.previous_scan_id ? (
            <Paragraph>
              {st('scan.repeatOf')}{' '}
              <Link to={`${base}/${s.previous_scan_id}`} className="utrecht-link utrecht-link--html-a">
                {st('scan.previous')}
              </Link>
            </Paragraph>
          ) : null}
          <p>
            <Link
              to={`${base}/${s.id}/results`}
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action-button"
            >
              {st('scan.results')}
            </Link>
          </p>
          {!canEdit ? <Paragraph>{st('viewerReadOnly')}</Paragraph> : null}

          {links ? (
            <NewLinks
              links={links}
              onDone={() => {
                setLinks(null);
                document.getElementById('scan-respondents-heading')?.focus();
              }}
            />
          ) : null}

          {canEdit ? (
            s.status === 'open' ? (
              <InviteSection
                scanId={id}
                onInvited={async (made) => {
                  setLinks(made.items);
                  setStatus(st('links.made', { count: made.items.length }));
                  await Promise.all([respondents.reload(), scan.reload()]);
                }}
              />
            ) : (
              <section className="aantafel-section" aria-labelledby="scan-invite-heading">
                <Heading2 id="scan-invite-heading">{st('invite.title')}</Heading2>
                <Paragraph>{st('invite.closed')}</Paragraph>
              </section>
            )
          ) : null}

          <section className="aantafel-section" aria-labelledby="scan-respondents-heading">
            <Heading2 id="scan-respondents-heading" tabIndex={-1}>
              {st('respondents.title')}
            </Heading2>
            <Paragraph>{st('respondents.intro')}</Paragraph>
            {respondents.error ? <ErrorAlert error={respondents.error} /> : null}
            {respondents.data && respondents.data.items.length === 0 ? (
              <Paragraph>{st('respondents.empty')}</Paragraph>
            ) : null}
            {respondents.data && respondents.data.items.length > 0 ? (
              <RespondentTable items={respondents.data.items} canEdit={canEdit} onWithdraw={setWithdrawing} />
            ) : null}
          </section>

          {canEdit ? (
            <>
              <EditSection scan={s} onSaved={async () => {
                await scan.reload();
                setStatus(st('edit.saved'));
              }} />
              <section className="aantafel-section" aria-labelledby="scan-manage-heading">
                <Heading2 id="scan-manage-heading">{st('manage.title')}</Heading2>
                {actionError ? <ErrorAlert error={actionError} /> : null}
                <Paragraph>{st('close.intro')}</Paragraph>
                <ButtonGroup>
                  {s.status === 'open' ? (
                    <Button type="button" appearance="secondary-action-button" busy={busy === 'status'} onClick={() => void setScanStatus('closed')}>
                      {st('close.button')}
                    </Button>
                  ) : (
                    <Button type="button" appearance="secondary-action-button" busy={busy === 'status'} onClick={() => void setScanStatus('open')}>
                      {st('reopen.button')}
                    </Button>
                  )}
                </ButtonGroup>
                <Paragraph>{st('repeat.intro')}</Paragraph>
                <ButtonGroup>
                  <Button type="button" appearance="secondary-action-button" busy={busy === 'repeat'} onClick={() => void repeat()}>
                    {st('repeat.button')}
                  </Button>
                  <Button type="button" appearance="secondary-action-button" hint="danger" onClick={() => setDeleting(true)}>
                    {st('delete.button')}
                  </Button>
                </ButtonGroup>
              </section>
              <ConfirmDialog
                open={deleting}
                title={st('delete.title', { title: s.title })}
                confirmLabel={st('delete.confirm')}
                busyLabel={st('common.deleting')}
                onCancel={() => setDeleting(false)}
                onConfirm={async () => {
                  await api.deleteScan(slug, id);
                  setDeleting(false);
                  navigate(base, { state: { status: st('delete.done', { title: s.title }) } });
                }}
              >
                {st('delete.body')}
              </ConfirmDialog>
              <ConfirmDialog
                open={withdrawing !== null}
                title={st('withdraw.title', { who: withdrawing ? who(withdrawing) : '' })}
                confirmLabel={st('withdraw.confirm')}
                busyLabel={st('withdraw.busy')}
                onCancel={() => setWithdrawing(null)}
                onConfirm={async () => {
                  if (!withdrawing) return;
                  await api.revokeScanRespondent(slug, id, withdrawing.id);
                  const name = who(withdrawing);
                  setWithdrawing(null);
                  await Promise.all([respondents.reload(), scan.reload()]);
                  setStatus(st('withdraw.done', { who: name }));
                }}
              >
                {st('withdraw.body')}
              </ConfirmDialog>
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}

function RespondentTable({
  items,
  canEdit,
  onWithdraw,
}: {
  items: ScanRespondent[];
  canEdit: boolean;
  onWithdraw: (r: ScanRespondent) => void;
}) {
  const st = useScansText();
  const { formatDate } = useI18n();
  const sorted = [...items].sort((a, b) => a.organisation.localeCompare(b.organisation) || a.id - b.id);
  const badge = (status: ScanRespondent['status']) =>
    status === 'answered' ? ' aantafel-badge--ok' : status === 'expired' ? ' aantafel-badge--muted' : '';
  return (
    <div className="aantafel-table-scroll">
      <table className="utrecht-table aantafel-table">
        <caption className="utrecht-table__caption">{st('respondents.caption')}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">{st('respondents.organisation')}</th>
            <th scope="col" className="utrecht-table__header-cell">{st('respondents.label')}</th>
            <th scope="col" className="utrecht-table__header-cell">{st('respondents.status')}</th>
            <th scope="col" className="utrecht-table__header-cell">{st('respondents.expires')}</th>
            {canEdit ? (
              <th scope="col" className="utrecht-table__header-cell">
                <span className="aantafel-visually-hidden">{st('respondents.withdraw')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {sorted.map((r) => (
            <tr key={r.id} className="utrecht-table__row">
              <td className="utrecht-table__cell">{r.organisation}</td>
              <td className="utrecht-table__cell">{r.label || st('common.none')}</td>
              <td className="utrecht-table__cell">
                <span className={`aantafel-badge${badge(r.status)}`}>{st(`respondent.${r.status}` as ScansKey)}</span>
              </td>
              <td className="utrecht-table__cell">{formatDate(r.expires_at)}</td>
              {canEdit ? (
                <td className="utrecht-table__cell">
                  <Button
                    type="button"
                    appearance="subtle-button"
                    aria-label={st('respondents.withdrawFor', { who: who(r) })}
                    onClick={() => onWithdraw(r)}
                  >
                    {st('respondents.withdraw')}
                  </Button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function InviteSection({
  scanId,
  onInvited,
}: {
  scanId: number;
  onInvited: (made: ScanInvitation) => Promise<void>;
}) {
  const st = useScansText();
  const { workspace } = useWorkspace();
  const [rows, setRows] = useState<InviteeRow[]>([{ organisation: '', label: '' }]);
  const [days, setDays] = useState('30');
  const [errors, setErrors] = useState<InviteErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [announce, setAnnounce] = useState('');
  const addRef = useRef<HTMLButtonElement>(null);

  const errorText = (key: InviteErrors[keyof InviteErrors]) =>
    key === 'days' ? st('error.days') : key === 'tooLong' ? st('error.tooLong') : key ? st('error.required') : undefined;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const { body, errors: local } = inviteBody(rows, days);
    setErrors(local);
    setError(null);
    if (!body) {
      const first = Object.keys(local)[0];
      if (first === 'days') document.getElementById('invite-days')?.focus();
      else if (first?.startsWith('organisation.')) document.getElementById(`invite-organisation-${first.split('.')[1]}`)?.focus();
      else document.getElementById('invite-organisation-0')?.focus();
      return;
    }
    setBusy(true);
    try {
      const made = await api.inviteScanRespondents(workspace.slug, scanId, body);
      setRows([{ organisation: '', label: '' }]);
      await onInvited(made);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="aantafel-section" aria-labelledby="scan-invite-heading">
      <Heading2 id="scan-invite-heading">{st('invite.title')}</Heading2>
      <Paragraph>{st('invite.intro')}</Paragraph>
      <form noValidate onSubmit={(event) => void submit(event)} aria-busy={busy || undefined} aria-label={st('invite.title')}>
        {errors.rows ? (
          <p className="utrecht-form-field-error-message" role="alert">
            {st('error.rows')}
          </p>
        ) : null}
        {rows.map((row, index) => (
          <fieldset key={index} className="aantafel-scan-invitee">
            <legend className="aantafel-scan-invitee__legend">{st('invite.row', { number: index + 1 })}</legend>
            <TextField
              id={`invite-organisation-${index}`}
              label={st('invite.organisation')}
              value={row.organisation}
              maxLength={200}
              autoComplete="organization"
              error={errorText(errors[`organisation.${index}`])}
              onChange={(event) =>
                setRows((all) => all.map((r, i) => (i === index ? { ...r, organisation: event.target.value } : r)))
              }
            />
            <TextField
              id={`invite-label-${index}`}
              label={st('invite.label')}
              value={row.label}
              maxLength={100}
              autoComplete="off"
              onChange={(event) =>
                setRows((all) => all.map((r, i) => (i === index ? { ...r, label: event.target.value } : r)))
              }
            />
            {rows.length > 1 ? (
              <Button
                type="button"
                appearance="subtle-button"
                onClick={() => {
                  setRows((all) => all.filter((_, i) => i !== index));
                  addRef.current?.focus();
                }}
              >
                {st('invite.removeRow', { number: index + 1 })}
              </Button>
            ) : null}
          </fieldset>
        ))}
        <ButtonGroup>
          <Button
            ref={addRef}
            type="button"
            appearance="secondary-action-button"
            disabled={rows.length >= 200}
            onClick={() => {
              const next = rows.length;
              setRows((all) => [...all, { organisation: '', label: '' }]);
              setAnnounce(st('invite.rowAdded', { number: next + 1 }));
              window.setTimeout(() => document.getElementById(`invite-organisation-${next}`)?.focus(), 0);
            }}
          >
            {st('invite.addRow')}
          </Button>
        </ButtonGroup>
        <StatusMessage>{announce}</StatusMessage>
        <TextField
          id="invite-days"
          label={st('invite.days')}
          description={st('invite.daysHint')}
          value={days}
          inputMode="numeric"
          error={errorText(errors.days)}
          onChange={(event) => setDays(event.target.value)}
        />
        {error ? <ErrorAlert error={error} /> : null}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {st('invite.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** The links just made, shown once, each with a copy button. */
function NewLinks({ links, onDone }: { links: ScanInvitation['items']; onDone: () => void }) {
  const st = useScansText();
  const [copied, setCopied] = useState('');
  async function copy(url: string, name: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(st('links.copied', { who: name }));
    } catch {
      setCopied(st('links.copyFailed'));
    }
  }
  return (
    <section className="aantafel-card aantafel-scan-links" aria-labelledby="scan-links-heading">
      <Heading2 id="scan-links-heading">{st('links.title')}</Heading2>
      <div className="aantafel-scan-links__note">
        <Paragraph>
          <strong>{st('links.onlyNow')}</strong>
        </Paragraph>
      </div>
      <LocalLinkWarning kind={links.length === 1 ? 'link' : 'links'} />
      <div className="aantafel-table-scroll">
        <table className="utrecht-table aantafel-table">
          <caption className="utrecht-table__caption">{st('links.caption')}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">{st('links.who')}</th>
              <th scope="col" className="utrecht-table__header-cell">{st('links.link')}</th>
              <th scope="col" className="utrecht-table__header-cell">
                <span className="aantafel-visually-hidden">{st('links.copyColumn')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {links.map((l) => (
              <tr key={l.respondent.id} className="utrecht-table__row">
                <td className="utrecht-table__cell">{who(l.respondent)}</td>
                <td className="utrecht-table__cell">
                  <code className="aantafel-scan-link">{l.url}</code>
                </td>
                <td className="utrecht-table__cell">
                  <Button type="button" appearance="secondary-action-button" onClick={() => void copy(l.url, who(l.respondent))}>
                    {st('links.copy', { who: who(l.respondent) })}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <StatusMessage>{copied}</StatusMessage>
      <ButtonGroup>
        <Button type="button" appearance="primary-action-button" onClick={onDone}>
          {st('links.done')}
        </Button>
      </ButtonGroup>
    </section>
  );
}

function EditSection({ scan, onSaved }: { scan: Scan; onSaved: () => Promise<void> }) {
  const st = useScansText();
  const { workspace } = useWorkspace();
  const [title, setTitle] = useState(scan.title);
  const [collaboration, setCollaboration] = useState(scan.collaboration);
  const [errors, setErrors] = useState<{ title?: string; collaboration?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const local: { title?: string; collaboration?: string } = {};
    if (!title.trim()) local.title = st('error.required');
    if (!collaboration.trim()) local.collaboration = st('error.required');
    setErrors(local);
    setError(null);
    if (local.title) return document.getElementById('scan-edit-title')?.focus();
    if (local.collaboration) return document.getElementById('scan-edit-collaboration')?.focus();
    setBusy(true);
    try {
      await api.updateScan(workspace.slug, scan.id, { title: title.trim(), collaboration: collaboration.trim() });
      await onSaved();
    } catch (caught) {
      if (isApiError(caught) && (caught.fields.title || caught.fields.collaboration)) {
        setErrors({ title: caught.fields.title, collaboration: caught.fields.collaboration });
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="aantafel-section" aria-labelledby="scan-edit-heading">
      <Heading2 id="scan-edit-heading">{st('edit.title')}</Heading2>
      <form noValidate onSubmit={(event) => void submit(event)} aria-busy={busy || undefined} aria-label={st('edit.title')}>
        <TextField
          id="scan-edit-title"
          label={st('field.title')}
          value={title}
          maxLength={200}
          required
          error={errors.title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <TextField
          id="scan-edit-collaboration"
          label={st('field.collaboration')}
          value={collaboration}
          maxLength={200}
          required
          error={errors.collaboration}
          onChange={(event) => setCollaboration(event.target.value)}
        />
        {error ? <ErrorAlert error={error} /> : null}
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={busy}>
            {st('common.save')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
