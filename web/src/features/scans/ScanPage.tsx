import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import type { Scan, ScanInvitation, ScanRespondent } from '../../api/types';
import {
  deleteScan,
  getScan,
  inviteScanRespondents,
  listScanRespondents,
  repeatScan,
  revokeScanRespondent,
  updateScan,
} from '../../api/generated/scans';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable, StackLabel } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { LinkMailFields, MailNotConfigured, MailStatusText } from '../../components/linkMail/LinkMailFields';
import { useLinkMailChoices, wholeNumber } from '../../components/linkMail/linkMail';
import { NewLinkList } from '../../components/linkMail/NewLinkList';
import { useLinkMailText } from '../../components/linkMail/texts';
import { LocalLinkWarning } from '../../components/publicAddress/LocalLinkWarning';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { translatedProblems } from '../../components/formErrors';
import { useApiData } from '../../components/useApiData';
import { useFieldForm, useFormValues } from '../../components/useFieldForm';
import { useI18n } from '../../i18n/I18nProvider';
import { NotFoundContent } from '../shell/NotFoundPage';
import { useWorkspace } from '../shell/workspaceContext';
import { idParam, ScansNav, useCanEdit, useHandedOverStatus, useScansBase } from './common';
import { ScanNameFields } from './ScanNameFields';
import {
  anyEmail,
  checkScanNames,
  inviteBody,
  inviteFieldKey,
  SCAN_NAME_FIELDS,
  scanNamesBody,
  type InviteErrors,
  type InviteeRow,
  type ScanNames,
} from './scans';
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
  const scan = useApiData(`scan:${slug}:${id}`, (signal) => getScan({ slug, scan_id: id }, { signal }));
  const respondents = useApiData(`scan-respondents:${slug}:${id}`, (signal) =>
    listScanRespondents({ slug, scan_id: id }, { signal }),
  );
  const [links, setLinks] = useState<NewLink[] | null>(null);
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
      await updateScan({ slug, scan_id: id }, { status: next });
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
      const next = await repeatScan({ slug, scan_id: id }, {});
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
                  setLinks(made);
                  setStatus(madeMessage(st, made));
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
                  await deleteScan({ slug, scan_id: id });
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
                  await revokeScanRespondent({ slug, scan_id: id, respondent_id: withdrawing.id });
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

/** A link just made, with whether an e-mail address was given for it. */
interface NewLink {
  item: ScanInvitation['items'][number];
  emailGiven: boolean;
}

/** The status message after links were made: how many, and how many went out by mail. */
function madeMessage(st: (key: ScansKey, vars?: Record<string, string | number>) => string, made: readonly NewLink[]): string {
  const count = made.length;
  const mailed = made.filter((l) => l.item.mailed).length;
  if (mailed === 0) return count === 1 ? st('links.madeOne') : st('links.made', { count });
  if (mailed === count) return count === 1 ? st('links.mailedAllOne') : st('links.mailedAll', { count });
  return st('links.mailedSome', { count, mailed });
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
    <DataTable
      caption={st('respondents.caption')}
      className="aantafel-scan-respondents"
      stack
      columns={[
        st('respondents.organisation'),
        st('respondents.label'),
        st('respondents.status'),
        st('respondents.expires'),
        canEdit && { label: st('respondents.withdraw'), hidden: true },
      ]}
    >
      {sorted.map((r) => (
        <tr key={r.id} className="utrecht-table__row">
          <td className="utrecht-table__cell aantafel-scan-respondents__organisation">{r.organisation}</td>
          <td className="utrecht-table__cell">
            <StackLabel>{st('respondents.label')}</StackLabel>
            {r.label || st('common.none')}
          </td>
          <td className="utrecht-table__cell">
            <StackLabel>{st('respondents.status')}</StackLabel>
            <span className={`aantafel-badge${badge(r.status)}`}>{st(`respondent.${r.status}` as ScansKey)}</span>
            {/* When the link went out by mail: mailed on, reminder on / reminded on. */}
            <MailStatusText mail={r.mail} />
          </td>
          <td className="utrecht-table__cell">
            <StackLabel>{st('respondents.expires')}</StackLabel>
            {formatDate(r.expires_at)}
          </td>
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
    </DataTable>
  );
}

const EMPTY_ROW: InviteeRow = { organisation: '', label: '', email: '' };

function InviteSection({
  scanId,
  onInvited,
}: {
  scanId: number;
  onInvited: (made: NewLink[]) => Promise<void>;
}) {
  const st = useScansText();
  const mt = useLinkMailText();
  const { workspace } = useWorkspace();
  const [rows, setRows] = useState<InviteeRow[]>([EMPTY_ROW]);
  const [days, setDays] = useState('30');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [announce, setAnnounce] = useState('');
  const addRef = useRef<HTMLButtonElement>(null);
  const validDays = wholeNumber(days, 1, 365);
  const { mailOn, fields: mailFields, mail } = useLinkMailChoices(validDays);
  const mailing = mailOn && anyEmail(rows);

  const errorText = (key: InviteErrors[keyof InviteErrors]) =>
    key === 'days'
      ? st('error.days')
      : key === 'tooLong'
        ? st('error.tooLong')
        : key === 'email'
          ? mt('error.email')
          : key === 'emailTooLong'
            ? mt('error.emailTooLong')
            : key
              ? st('error.required')
              : '';

  /** Moves focus to the first field with a problem, in the order of the form. */
  function focusFirst(keys: string[]) {
    const order = (key: string) => {
      const [name, index] = key.split('.');
      const row = index === undefined ? 1000 : Number(index);
      const within = ['organisation', 'label', 'email'].indexOf(name ?? '');
      return key === 'rows' ? -1 : key === 'days' ? 2000 : key === 'language' ? 2001 : key === 'remind' ? 2002 : row * 10 + within;
    };
    const first = [...keys].sort((a, b) => order(a) - order(b))[0];
    if (!first) return;
    if (first === 'rows') return document.getElementById('invite-organisation-0')?.focus();
    if (first === 'days') return document.getElementById('invite-days')?.focus();
    if (first === 'remind') return document.getElementById('invite-remind')?.focus();
    if (first === 'language') return document.querySelector<HTMLElement>('input[name="invite-language"]')?.focus();
    const [name, index] = first.split('.');
    document.getElementById(`invite-${name}-${index}`)?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const { body, errors: local } = inviteBody(rows, days, mail);
    const messages: Record<string, string> = {};
    for (const [key, value] of Object.entries(local)) messages[key] = key === 'rows' ? st('error.rows') : errorText(value);
    setErrors(messages);
    setError(null);
    if (!body) {
      focusFirst(Object.keys(messages));
      return;
    }
    setBusy(true);
    // The rows that were sent, in order (the server answers in the same order).
    const sentIndexes = rows.flatMap((row, index) =>
      row.organisation.trim() || row.label.trim() || (mailOn && (row.email ?? '').trim()) ? [index] : [],
    );
    try {
      const made = await inviteScanRespondents({ slug: workspace.slug, scan_id: scanId }, body);
      setRows([EMPTY_ROW]);
      await onInvited(
        made.items.map((item, index) => ({
          item,
          emailGiven: mailOn && (rows[sentIndexes[index] ?? -1]?.email ?? '').trim() !== '',
        })),
      );
    } catch (caught) {
      if (isApiError(caught) && Object.keys(caught.fields).length > 0) {
        const fromApi: Record<string, string> = {};
        // The server numbers the rows it was sent; empty rows were left out.
        for (const [field, message] of Object.entries(caught.fields)) {
          const key = inviteFieldKey(field);
          if (!key) continue;
          const [name, index] = key.split('.');
          fromApi[index === undefined ? key : `${name}.${sentIndexes[Number(index)] ?? index}`] = message;
        }
        setErrors(fromApi);
        focusFirst(Object.keys(fromApi));
      }
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const setRow = (index: number, change: Partial<InviteeRow>) =>
    setRows((all) => all.map((r, i) => (i === index ? { ...r, ...change } : r)));

  return (
    <section className="aantafel-section" aria-labelledby="scan-invite-heading">
      <Heading2 id="scan-invite-heading">{st('invite.title')}</Heading2>
      <Paragraph>{st('invite.intro')}</Paragraph>
      {mailOn ? <Paragraph>{st('invite.introMail')}</Paragraph> : <MailNotConfigured />}
      <form noValidate onSubmit={(event) => void submit(event)} aria-busy={busy || undefined} aria-label={st('invite.title')}>
        {errors.rows ? (
          <p className="utrecht-form-field-error-message" role="alert">
            {errors.rows}
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
              error={errors[`organisation.${index}`]}
              onChange={(event) => setRow(index, { organisation: event.target.value })}
            />
            <TextField
              id={`invite-label-${index}`}
              label={st('invite.label')}
              value={row.label}
              maxLength={100}
              autoComplete="off"
              error={errors[`label.${index}`]}
              onChange={(event) => setRow(index, { label: event.target.value })}
            />
            {mailOn ? (
              <TextField
                id={`invite-email-${index}`}
                type="email"
                label={st('invite.email')}
                value={row.email ?? ''}
                maxLength={254}
                inputMode="email"
                autoComplete="off"
                spellCheck={false}
                error={errors[`email.${index}`]}
                onChange={(event) => setRow(index, { email: event.target.value })}
              />
            ) : null}
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
              setRows((all) => [...all, EMPTY_ROW]);
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
          error={errors.days}
          onChange={(event) => setDays(event.target.value)}
        />
        {mailing ? (
          <LinkMailFields
            idPrefix="invite"
            {...mailFields}
            errors={{ language: errors.language, remind: errors.remind }}
          />
        ) : null}
        {error ? <ErrorAlert error={error} /> : null}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {mailing ? st('invite.submitMail') : st('invite.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/**
 * The links just made, shown once. A link that went out by mail says so; the others each have a
 * copy button (and, when its mail could not be sent, a note to pass it on personally).
 */
function NewLinks({ links, onDone }: { links: NewLink[]; onDone: () => void }) {
  const st = useScansText();
  const toCopy = links.filter((l) => !l.item.mailed).length;
  return (
    <section className="aantafel-card aantafel-scan-links" aria-labelledby="scan-links-heading">
      <Heading2 id="scan-links-heading">{st('links.title')}</Heading2>
      {toCopy > 0 ? (
        <>
          <div className="aantafel-scan-links__note">
            <Paragraph>
              <strong>{toCopy < links.length ? st('links.onlyNowSome') : st('links.onlyNow')}</strong>
            </Paragraph>
          </div>
          <LocalLinkWarning kind={toCopy === 1 ? 'link' : 'links'} />
        </>
      ) : (
        <Paragraph>{links.length === 1 ? st('links.allMailedOne') : st('links.allMailed')}</Paragraph>
      )}
      <NewLinkList
        label={st('links.caption')}
        linkClassName="aantafel-scan-link"
        items={links.map(({ item, emailGiven }) => ({
          key: item.respondent.id,
          who: who(item.respondent),
          url: item.url,
          mailed: item.mailed,
          mailFailed: emailGiven && !item.mailed,
        }))}
      />
      <ButtonGroup>
        <Button type="button" appearance="primary-action-button" onClick={onDone}>
          {toCopy > 0 ? st('links.done') : st('links.close')}
        </Button>
      </ButtonGroup>
    </section>
  );
}

function EditSection({ scan, onSaved }: { scan: Scan; onSaved: () => Promise<void> }) {
  const st = useScansText();
  const { workspace } = useWorkspace();
  const { values, setValues } = useFormValues<ScanNames>({ title: scan.title, collaboration: scan.collaboration });
  const form = useFieldForm(SCAN_NAME_FIELDS, (field) => document.getElementById(`scan-edit-${field}`)?.focus());
  const { busy } = form;

  function submit(event: FormEvent<HTMLFormElement>) {
    void form.submit(event, {
      check: () => translatedProblems(checkScanNames(values), st),
      send: async () => {
        await updateScan({ slug: workspace.slug, scan_id: scan.id }, scanNamesBody(values));
        await onSaved();
      },
    });
  }

  return (
    <section className="aantafel-section" aria-labelledby="scan-edit-heading">
      <Heading2 id="scan-edit-heading">{st('edit.title')}</Heading2>
      <form noValidate onSubmit={submit} aria-busy={busy || undefined} aria-label={st('edit.title')}>
        <ScanNameFields
          idPrefix="scan-edit"
          values={values}
          errors={form.fieldErrors}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        />
        {form.error ? <ErrorAlert error={form.error} /> : null}
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={busy}>
            {st('common.save')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
