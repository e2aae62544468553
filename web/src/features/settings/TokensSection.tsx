import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { api, isApiError } from '../../api/client';
import type { ApiToken, CreatedApiToken } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { StatusMessage } from '../../components/StatusMessage';
import { TableScroll } from '../../components/TableScroll';
import { TextField } from '../../components/TextField';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { useCurrentSession } from '../auth/session';
import { useWorkspace } from '../shell/workspaceContext';

/**
 * API tokens for scripts and integrations. Owners see and revoke every token of the workspace;
 * editors make tokens and revoke their own; viewers only see their own.
 */
export function TokensSection() {
  const { t, formatDateTime } = useI18n();
  const { workspace } = useWorkspace();
  const { user } = useCurrentSession();
  const slug = workspace.slug;
  const canCreate = workspace.role === 'owner' || workspace.role === 'editor';
  const canRevoke = (token: ApiToken) =>
    workspace.role === 'owner' || (workspace.role === 'editor' && token.user.id === user.id);
  const tokens = useApiData(`tokens:${slug}`, (signal) => api.listTokens(slug, signal));
  const [status, setStatus] = useState('');
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const labelRef = useRef<HTMLInputElement>(null);

  async function revoke(token: ApiToken) {
    await api.revokeToken(slug, token.id);
    setRevoking(null);
    if (created?.id === token.id) setCreated(null);
    await tokens.reload();
    setStatus(t('tokens.revoked', { label: token.label }));
    headingRef.current?.focus();
  }

  const items = tokens.data?.items ?? [];

  return (
    <section aria-labelledby="tokens-heading" className="aantafel-section">
      <Heading2 id="tokens-heading" ref={headingRef} tabIndex={-1}>
        {t('tokens.title')}
      </Heading2>
      <Paragraph>{t('tokens.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      {tokens.error ? <ErrorAlert error={tokens.error} /> : null}
      {created ? (
        <NewToken
          token={created}
          onDone={() => {
            setCreated(null);
            labelRef.current?.focus();
          }}
        />
      ) : null}
      <div aria-busy={tokens.loading || undefined}>
        {tokens.loading && !tokens.data ? <Loading /> : null}
        {tokens.data && items.length === 0 ? <Paragraph>{t('tokens.none')}</Paragraph> : null}
        {tokens.data && items.length > 0 ? (
          <TableScroll label={t('tokens.tableCaption', { workspace: workspace.name })}>
            <Table className="aantafel-table">
              <TableCaption className="aantafel-visually-hidden">
                {t('tokens.tableCaption', { workspace: workspace.name })}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('tokens.label')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('tokens.createdAt')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('tokens.createdBy')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((token) => (
                  <TableRow key={token.id}>
                    <TableHeaderCell scope="row">{token.label}</TableHeaderCell>
                    <TableCell>
                      <time dateTime={token.created_at}>{formatDateTime(token.created_at)}</time>
                    </TableCell>
                    <TableCell>{token.user.name}</TableCell>
                    <TableCell>
                      {canRevoke(token) ? (
                        <Button
                          type="button"
                          appearance="subtle-button"
                          hint="danger"
                          onClick={() => setRevoking(token)}
                        >
                          {t('tokens.revoke')}
                          <span className="aantafel-visually-hidden">
                            {' '}
                            {t('tokens.forLabel', { label: token.label })}
                          </span>
                        </Button>
                      ) : (
                        <span className="aantafel-meta">{t('tokens.noActions')}</span>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        ) : null}
      </div>
      {canCreate ? (
        <CreateTokenForm
          slug={slug}
          labelRef={labelRef}
          onCreated={async (token) => {
            setStatus('');
            setCreated(token);
            await tokens.reload();
          }}
        />
      ) : (
        <Paragraph>{t('tokens.viewerCannotCreate')}</Paragraph>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={t('tokens.revokeTitle', { label: revoking?.label ?? '' })}
        confirmLabel={t('tokens.revokeConfirm')}
        busyLabel={t('tokens.revoking')}
        onCancel={() => setRevoking(null)}
        onConfirm={() => (revoking ? revoke(revoking) : undefined)}
      >
        {t('tokens.revokeBody')}
      </ConfirmDialog>
    </section>
  );
}

/** The new secret, shown once, with a copy button and a clear warning. */
function NewToken({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyStatus, setCopyStatus] = useState('');

  useEffect(() => {
    headingRef.current?.focus();
  }, [token.id]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopyStatus(t('tokens.copied'));
    } catch {
      // No clipboard access: select the text so Ctrl+C works.
      inputRef.current?.select();
      setCopyStatus(t('tokens.copyManually'));
    }
  }

  return (
    <Alert type="warning" className="aantafel-new-token">
      <Heading3 ref={headingRef} tabIndex={-1} id="new-token-heading">
        {t('tokens.newTitle', { label: token.label })}
      </Heading3>
      <Paragraph>{t('tokens.newWarning')}</Paragraph>
      <TextField
        id="new-token-secret"
        label={t('tokens.secretLabel')}
        value={token.token}
        readOnly
        spellCheck={false}
        autoComplete="off"
        className="aantafel-secret"
        inputRef={inputRef}
        onFocus={(event) => event.currentTarget.select()}
      />
      <ButtonGroup>
        <Button type="button" appearance="primary-action-button" onClick={() => void copy()}>
          {t('tokens.copy')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onDone}>
          {t('tokens.done')}
        </Button>
      </ButtonGroup>
      <StatusMessage>{copyStatus}</StatusMessage>
    </Alert>
  );
}

function CreateTokenForm({
  slug,
  labelRef,
  onCreated,
}: {
  slug: string;
  labelRef: RefObject<HTMLInputElement | null>;
  onCreated: (token: CreatedApiToken) => Promise<void>;
}) {
  const { t } = useI18n();
  const [label, setLabel] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (!label.trim()) {
      setFieldError(t('tokens.labelRequired'));
      labelRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      const token = await api.createToken(slug, label.trim());
      setLabel('');
      await onCreated(token);
    } catch (caught) {
      if (isApiError(caught) && caught.fields.label) {
        setFieldError(caught.fields.label);
        labelRef.current?.focus();
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="aantafel-card"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="create-token-heading"
      aria-busy={busy || undefined}
    >
      <Heading3 id="create-token-heading">{t('tokens.createTitle')}</Heading3>
      {error ? <ErrorAlert error={error} /> : null}
      <TextField
        id="create-token-label"
        name="label"
        label={t('tokens.label')}
        description={t('tokens.labelHint')}
        required
        maxLength={100}
        autoComplete="off"
        value={label}
        onChange={(event) => setLabel(event.target.value)}
        error={fieldError}
        inputRef={labelRef}
      />
      <Button type="submit" appearance="primary-action-button" busy={busy}>
        {busy ? t('tokens.creating') : t('tokens.create')}
      </Button>
    </form>
  );
}
