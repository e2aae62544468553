import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  Button,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import type { AuditLogEntry } from '../../api/types';
import { listAuditLog } from '../../api/generated/workspaces';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { StatusMessage } from '../../components/StatusMessage';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import { AUDIT_PAGE_SIZE } from './api';
import { describeAuditEntry, isRemoved, removedSubjects } from './auditLog';
import { useSettingsText } from './texts';

function Forbidden() {
  const st = useSettingsText();
  return (
    <Alert type="warning">
      <Paragraph className="aantafel-alert-title">{st('forbiddenTitle')}</Paragraph>
      <Paragraph>{st('forbidden')}</Paragraph>
    </Alert>
  );
}

/**
 * "Logboek": every change in the workspace, who made it and when, newest first. Owners only
 * (the API answers 403 to editors and viewers). "Oudere wijzigingen" appends the next page and
 * moves focus to its first row.
 */
export function AuditLogPage() {
  const { language, formatDateTime } = useI18n();
  const st = useSettingsText();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const isOwner = workspace.role === 'owner';

  const [entries, setEntries] = useState<AuditLogEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [loading, setLoading] = useState(isOwner);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [focusId, setFocusId] = useState<number | null>(null);
  const busy = useRef(false);
  const rowRefs = useRef(new Map<number, HTMLTableRowElement>());

  useEffect(() => {
    if (!isOwner) return;
    const controller = new AbortController();
    setLoading(true);
    setEntries([]);
    setError(null);
    listAuditLog({ slug }, { limit: AUDIT_PAGE_SIZE }, { signal: controller.signal })
      .then((page) => {
        setEntries(page.items);
        setNextBefore(page.next_before ?? null);
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(caught);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [slug, isOwner]);

  useEffect(() => {
    if (focusId === null) return;
    rowRefs.current.get(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  async function loadOlder() {
    if (busy.current || nextBefore === null) return;
    busy.current = true;
    setLoadingOlder(true);
    setError(null);
    setStatus('');
    try {
      const page = await listAuditLog({ slug }, { limit: AUDIT_PAGE_SIZE, before: nextBefore ?? undefined });
      setEntries((current) => [...current, ...page.items]);
      setNextBefore(page.next_before ?? null);
      const count = page.items.length;
      const loaded = count === 1 ? st('loaded1') : st('loaded', { count });
      setStatus(page.next_before === null ? `${loaded} ${st('noMore')}` : loaded);
      const first = page.items[0];
      if (first) setFocusId(first.id);
    } catch (caught) {
      setError(caught);
    } finally {
      busy.current = false;
      setLoadingOlder(false);
    }
  }

  const rows = useMemo(() => {
    const removed = removedSubjects(entries);
    return entries.map((entry) => {
      const description = describeAuditEntry(entry, language, slug);
      const href = description.href && !isRemoved(description.subjectPath, removed) ? description.href : null;
      return { entry, text: description.text, href };
    });
  }, [entries, language, slug]);

  const forbidden = !isOwner || (isApiError(error) && error.status === 403);

  return (
    <>
      <PageHeading title={st('title')} />
      <Paragraph>{st('intro', { workspace: workspace.name })}</Paragraph>
      <Paragraph>
        <Link to={`/w/${encodeURIComponent(slug)}/settings`} className="utrecht-link utrecht-link--html-a">
          {st('back')}
        </Link>
      </Paragraph>
      {forbidden ? <Forbidden /> : null}
      {!forbidden && error ? <ErrorAlert error={error} /> : null}
      {!forbidden ? (
        <div aria-busy={loading || loadingOlder || undefined}>
          {loading ? <Loading /> : null}
          {!loading && !error && entries.length === 0 ? <Paragraph>{st('empty')}</Paragraph> : null}
          {entries.length > 0 ? (
            <DataTable
              caption={st('caption', { workspace: workspace.name })}
              captionHidden
              columns={[st('when'), st('who'), st('what')]}
            >
              {rows.map(({ entry, text, href }) => (
                <TableRow
                  key={entry.id}
                  tabIndex={-1}
                  ref={(element: HTMLTableRowElement | null) => {
                    if (element) rowRefs.current.set(entry.id, element);
                    else rowRefs.current.delete(entry.id);
                  }}
                >
                  <TableHeaderCell scope="row">
                    <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  </TableHeaderCell>
                  <TableCell>
                    {entry.user ? entry.user.name : <span className="aantafel-meta">{st('deletedUser')}</span>}
                  </TableCell>
                  <TableCell>
                    {href ? (
                      <Link to={href} className="utrecht-link utrecht-link--html-a">
                        {text}
                      </Link>
                    ) : (
                      text
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </DataTable>
          ) : null}
          {loadingOlder ? <Loading label={st('loadingOlder')} /> : null}
          {nextBefore !== null && !loading ? (
            <Paragraph>
              <Button type="button" appearance="secondary-action-button" onClick={() => void loadOlder()}>
                {st('older')}
              </Button>
            </Paragraph>
          ) : null}
        </div>
      ) : null}
      <StatusMessage>{status}</StatusMessage>
    </>
  );
}
