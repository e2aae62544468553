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
import type { CalendarFeed, CreatedCalendarFeed } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { LocalLinkWarning } from '../../components/publicAddress/LocalLinkWarning';
import { usePublicBaseUrl } from '../../components/publicAddress/publicAddress';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import { feedUrls } from './calendar';
import { CalendarNav, useCanEdit } from './common';

/** Secret iCal addresses: the plans' windows and the municipalities' cycle in your own calendar app. */
export function FeedsPage() {
  const { t, formatDateTime } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const canEdit = useCanEdit();
  const feeds = useApiData(`feeds:${slug}`, (signal) => api.listCalendarFeeds(slug, signal));
  const [status, setStatus] = useState('');
  const [created, setCreated] = useState<CreatedCalendarFeed | null>(null);
  const [revoking, setRevoking] = useState<CalendarFeed | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const labelRef = useRef<HTMLInputElement>(null);
  const items = feeds.data?.items ?? [];

  async function revoke(feed: CalendarFeed) {
    await api.revokeCalendarFeed(slug, feed.id);
    setRevoking(null);
    if (created?.id === feed.id) setCreated(null);
    await feeds.reload();
    setStatus(t('feeds.revoked', { label: feed.label }));
    headingRef.current?.focus();
  }

  return (
    <>
      <PageHeading title={t('feeds.title')} />
      <CalendarNav />
      <Paragraph>{t('feeds.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      {created ? (
        <NewFeed
          feed={created}
          onDone={() => {
            setCreated(null);
            labelRef.current?.focus();
          }}
        />
      ) : null}
      <section className="aantafel-section" aria-labelledby="feeds-heading">
        <Heading2 id="feeds-heading" ref={headingRef} tabIndex={-1}>
          {t('feeds.listTitle')}
        </Heading2>
        {feeds.error ? <ErrorAlert error={feeds.error} /> : null}
        <div aria-busy={feeds.loading || undefined}>
          {feeds.loading && !feeds.data ? <Loading /> : null}
          {feeds.data && items.length === 0 ? <Paragraph>{t('feeds.none')}</Paragraph> : null}
          {items.length > 0 ? (
            <div className="aantafel-table-scroll">
              <Table className="aantafel-table">
                <TableCaption className="aantafel-visually-hidden">{t('feeds.caption')}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('feeds.label')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('feeds.createdAt')}</TableHeaderCell>
                    {canEdit ? <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell> : null}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {items.map((feed) => (
                    <TableRow key={feed.id}>
                      <TableHeaderCell scope="row">{feed.label}</TableHeaderCell>
                      <TableCell>
                        <time dateTime={feed.created_at}>{formatDateTime(feed.created_at)}</time>
                      </TableCell>
                      {canEdit ? (
                        <TableCell>
                          <Button type="button" appearance="subtle-button" hint="danger" onClick={() => setRevoking(feed)}>
                            {t('feeds.revoke')}
                            <span className="aantafel-visually-hidden"> {t('feeds.forLabel', { label: feed.label })}</span>
                          </Button>
                        </TableCell>
                      ) : null}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          ) : null}
        </div>
      </section>
      {canEdit ? (
        <CreateFeedForm
          slug={slug}
          labelRef={labelRef}
          onCreated={async (feed) => {
            setStatus('');
            setCreated(feed);
            await feeds.reload();
          }}
        />
      ) : (
        <Paragraph>{t('feeds.viewerCannotCreate')}</Paragraph>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={t('feeds.revokeTitle', { label: revoking?.label ?? '' })}
        confirmLabel={t('feeds.revokeConfirm')}
        busyLabel={t('feeds.revoking')}
        onCancel={() => setRevoking(null)}
        onConfirm={() => (revoking ? revoke(revoking) : undefined)}
      >
        {t('feeds.revokeBody')}
      </ConfirmDialog>
    </>
  );
}

/** The new address, shown once, with a copy button and how to subscribe. */
function NewFeed({ feed, onDone }: { feed: CreatedCalendarFeed; onDone: () => void }) {
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyStatus, setCopyStatus] = useState('');
  const { url, webcal } = feedUrls(usePublicBaseUrl(), feed.path);

  useEffect(() => {
    headingRef.current?.focus();
  }, [feed.id]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopyStatus(t('feeds.copied'));
    } catch {
      // No clipboard access: select the text so Ctrl+C works.
      inputRef.current?.select();
      setCopyStatus(t('feeds.copyManually'));
    }
  }

  return (
    <Alert type="warning" className="aantafel-new-token">
      <Heading2 ref={headingRef} tabIndex={-1} id="new-feed-heading">
        {t('feeds.newTitle', { label: feed.label })}
      </Heading2>
      <Paragraph>{t('feeds.newWarning')}</Paragraph>
      <LocalLinkWarning />
      <TextField
        id="new-feed-url"
        label={t('feeds.urlLabel')}
        value={url}
        readOnly
        spellCheck={false}
        autoComplete="off"
        className="aantafel-secret"
        inputRef={inputRef}
        onFocus={(event) => event.currentTarget.select()}
      />
      <ButtonGroup>
        <Button type="button" appearance="primary-action-button" onClick={() => void copy()}>
          {t('feeds.copy')}
        </Button>
        <a href={webcal} className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action">
          {t('feeds.openInApp')}
        </a>
        <Button type="button" appearance="secondary-action-button" onClick={onDone}>
          {t('feeds.done')}
        </Button>
      </ButtonGroup>
      <StatusMessage>{copyStatus}</StatusMessage>
      <Heading3>{t('feeds.howTitle')}</Heading3>
      <ul className="aantafel-plain-list">
        <li>{t('feeds.howOutlook')}</li>
        <li>{t('feeds.howGoogle')}</li>
        <li>{t('feeds.howApple')}</li>
      </ul>
      <Paragraph className="aantafel-meta">{t('feeds.howRefresh')}</Paragraph>
    </Alert>
  );
}

function CreateFeedForm({
  slug,
  labelRef,
  onCreated,
}: {
  slug: string;
  labelRef: RefObject<HTMLInputElement | null>;
  onCreated: (feed: CreatedCalendarFeed) => Promise<void>;
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
      setFieldError(t('feeds.labelRequired'));
      labelRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      const feed = await api.createCalendarFeed(slug, label.trim());
      setLabel('');
      await onCreated(feed);
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
      aria-labelledby="create-feed-heading"
      aria-busy={busy || undefined}
    >
      <Heading2 id="create-feed-heading">{t('feeds.createTitle')}</Heading2>
      <Paragraph>{t('feeds.createIntro')}</Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      <TextField
        id="create-feed-label"
        label={t('feeds.label')}
        description={t('feeds.labelHint')}
        required
        maxLength={100}
        autoComplete="off"
        value={label}
        onChange={(event) => setLabel(event.target.value)}
        error={fieldError}
        inputRef={labelRef}
      />
      <Button type="submit" appearance="primary-action-button" busy={busy}>
        {busy ? t('feeds.creating') : t('feeds.create')}
      </Button>
    </form>
  );
}
