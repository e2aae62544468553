import { useEffect, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useSession } from '../auth/session';
import './relations.css';
import type { HealthStatus, Member } from '../../api/types';
import { listMembers } from '../../api/generated/members';
import { DeleteSection } from '../../components/DeleteSection';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRecordById } from '../../components/useRecordById';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { StatusMessage } from '../../components/StatusMessage';
import { useHandedOverStatus } from '../../components/useHandedOverStatus';
import { useApiData } from '../../components/useApiData';
import { NotFoundContent } from '../shell/NotFoundPage';
import { useI18n } from '../../i18n/I18nProvider';
import { todayIso } from '../whoiswho/lists';
import { useCanEdit, useWorkspace } from '../shell/workspaceContext';
import { dayAsDate, dueWording, healthKey, healthTone } from './relations';
import { useRelationsText } from './texts';
import { TabNav } from '../../components/TabNav';

/** Whether the current person may change data here: one rule for the workspace (viewers only look). */
export { useCanEdit };
export { useHandedOverStatus };

/** Base path of this area: /w/{slug}/interactions. */
export function useRelationsBase(): string {
  const { workspace } = useWorkspace();
  return `/w/${encodeURIComponent(workspace.slug)}/interactions`;
}

export function relationsSection(path: string, base: string): 'home' | 'new' | 'agreements' | 'newAgreement' | null {
  if (!path.startsWith(base)) return null;
  const rest = path.slice(base.length).replace(/\/$/, '');
  if (rest === '/new') return 'new';
  if (rest === '/agreements/new') return 'newAgreement';
  if (rest.startsWith('/agreements')) return 'agreements';
  if (rest === '' || rest.startsWith('/organisations/') || /^\/\d+/.test(rest)) return 'home';
  return null;
}

/** The area's own menu. */
export function RelationsNav() {
  const rt = useRelationsText();
  const base = useRelationsBase();
  const canEdit = useCanEdit();
  const { pathname } = useLocation();
  const section = relationsSection(pathname, base);
  const tabs = [
    { id: 'home', to: base, label: rt('nav.home') },
    ...(canEdit ? [{ id: 'new', to: `${base}/new`, label: rt('nav.newInteraction') }] : []),
    { id: 'agreements', to: `${base}/agreements`, label: rt('nav.agreements') },
    ...(canEdit ? [{ id: 'newAgreement', to: `${base}/agreements/new`, label: rt('nav.newAgreement') }] : []),
  ];
  return (
    <TabNav
      label={rt('navLabel')}
      tabs={tabs.map((tab) => ({
        ...tab,
        current: section === tab.id,
        // "page" on the tab's own page; "true" on a page inside it (a person, a municipality).
        exact: pathname.replace(/\/$/, '') === tab.to,
      }))}
    />
  );
}

/** "te laat sinds 20 november" etc. as a badge: words, not only colour. */
export function DueBadge({ dueOn, today }: { dueOn: string | null; today?: string }) {
  const rt = useRelationsText();
  const { formatDate } = useI18n();
  const wording = dueWording(dueOn, today ?? todayIso(), (day) => formatDate(dayAsDate(day)));
  const tone =
    wording.tone === 'alert' ? ' aantafel-badge--alert' : wording.tone === 'muted' ? ' aantafel-badge--muted' : '';
  return <span className={`aantafel-badge${tone}`}>{rt(wording.key, wording.vars)}</span>;
}

/** Good / needs attention / action needed, as text in a badge. */
export function HealthBadge({ status }: { status: HealthStatus }) {
  const rt = useRelationsText();
  const tone = healthTone(status);
  const cls = tone === 'ok' ? ' aantafel-badge--ok' : tone === 'alert' ? ' aantafel-badge--alert' : '';
  return <span className={`aantafel-badge${cls}`}>{rt(healthKey(status))}</span>;
}

/** The signed-in person's user id (undefined while signed out). */
export function useCurrentUserId(): number | undefined {
  const { state } = useSession();
  return state.status === 'authenticated' ? state.session.user.id : undefined;
}

/** Whether the page was reached by "save" (navigate(…, { state: { focusHeading: true } })). */
export function useArrivedBySave(): boolean {
  const location = useLocation();
  return Boolean((location.state as { focusHeading?: boolean } | null)?.focusHeading);
}

/** Moves focus to the page's h1, once the browser has painted it. */
export function focusPageHeading(): void {
  requestAnimationFrame(() => document.getElementById('page-heading')?.focus());
}

/**
 * After "save" the record's page opens with focus on its h1, so screen readers announce it.
 * (RouteFocus focuses the loading page's heading; this moves focus to the record's own.)
 */
export function useFocusHeadingOnArrival(): void {
  const arrived = useArrivedBySave();
  // On arrival only: a later re-render must not pull focus back.
  useEffect(() => {
    if (arrived) focusPageHeading();
  }, [arrived]);
}

/**
 * The status line of a saved record's page: what "save" handed over at first, then what happened
 * on the page. A page reached by "save" opens with focus on its h1 (useFocusHeadingOnArrival).
 */
export function useRecordStatus() {
  const handedOver = useHandedOverStatus();
  const [status, setStatus] = useState(handedOver);
  useFocusHeadingOnArrival();
  return [status, setStatus] as const;
}

/** The top of a saved record's page: its title, the area's menu and the status line. */
export function RecordHeader({ title, status }: { title: string; status: string }) {
  return (
    <>
      <PageHeading title={title} />
      <RelationsNav />
      <StatusMessage>{status}</StatusMessage>
    </>
  );
}

/**
 * For editors, the card at the bottom of a record's page that deletes it (asked first, see
 * DeleteSection) and goes to `leaveTo`, where `leftStatus` says what happened.
 */
export function DeleteRecordSection({
  remove,
  leaveTo,
  leftStatus,
  ...section
}: Omit<ComponentProps<typeof DeleteSection>, 'onDelete'> & {
  remove: () => Promise<unknown>;
  leaveTo: string;
  leftStatus: string;
}) {
  const canEdit = useCanEdit();
  const navigate = useNavigate();
  if (!canEdit) return null;
  return (
    <DeleteSection
      {...section}
      onDelete={async () => {
        await remove();
        navigate(leaveTo, { state: { status: leftStatus } });
      }}
    />
  );
}

/** The workspace's members (owners of follow-ups and agreements, staff at a contact). */
export function useMembers(): Member[] {
  const { workspace } = useWorkspace();
  const members = useApiData(`members:${workspace.slug}`, (signal) => listMembers({ slug: workspace.slug }, { signal }));
  return members.data?.items ?? [];
}

/** "Nobody yet" and the members, as the options of an owner select. */
export function useOwnerOptions(members: readonly Member[]): { value: string; label: string }[] {
  const rt = useRelationsText();
  return [
    { value: '', label: rt('followUp.noOwner') },
    ...members.map((m) => ({ value: String(m.user.id), label: m.user.name })),
  ];
}

/**
 * The page of one contact or agreement, by the route's id: not found for an id that is none, the
 * loading page (or its error) until there is a record, then `children` with the record to show:
 * as changed on the page, else as loaded, else as handed over by "save" (history state
 * `[stateKey]`), so a just-saved record shows at once, without a loading step.
 */
export function RecordPage<T extends { id: number }>({
  param,
  cacheKey,
  stateKey,
  loadingTitle,
  load,
  children,
}: {
  param: string | undefined;
  cacheKey: string;
  stateKey: string;
  loadingTitle: string;
  load: (id: number, signal: AbortSignal) => Promise<T>;
  children: (record: T, onChanged: (saved: T) => void) => ReactNode;
}) {
  const data = useRecordById(param, cacheKey, load);
  const id = data.id;
  const location = useLocation();
  const [changed, setChanged] = useState<T | null>(null);
  const handed = (location.state as Record<string, T | undefined> | null)?.[stateKey];
  const shown = (changed?.id === id ? changed : null) ?? data.data ?? (handed?.id === id ? handed : undefined);
  if (id === null) return <NotFoundContent />;
  if (!shown) {
    return (
      <>
        <PageHeading title={loadingTitle} />
        <RelationsNav />
        {data.error ? <ErrorAlert error={data.error} /> : <Loading />}
      </>
    );
  }
  return children(shown, setChanged);
}

/**
 * A record's details, changed in place: the facts with a "change" button under them, or, while
 * changing, the form (focus on `firstFieldId`). The form gets `cancel` (focus back to the button)
 * and `save`, which waits for the request, closes the form, hands the saved record to `onSaved`
 * and moves focus to the page's heading.
 */
export function EditableDetails<T>({
  headingId,
  title,
  editTitle,
  firstFieldId,
  onStartEditing,
  onSaved,
  form,
  children,
}: {
  headingId: string;
  title: string;
  editTitle: string;
  firstFieldId: string;
  onStartEditing: () => void;
  onSaved: (saved: T) => void;
  form: (cancel: () => void, save: (request: Promise<T>) => Promise<void>) => ReactNode;
  children: ReactNode;
}) {
  const canEdit = useCanEdit();
  const [editing, setEditing] = useState(false);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const cancel = () => {
    setEditing(false);
    requestAnimationFrame(() => editButtonRef.current?.focus());
  };
  const save = async (request: Promise<T>) => {
    const saved = await request;
    setEditing(false);
    onSaved(saved);
    focusPageHeading();
  };
  return (
    <section className="aantafel-card" aria-labelledby={headingId}>
      <Heading2 id={headingId}>{editing ? editTitle : title}</Heading2>
      {editing ? (
        form(cancel, save)
      ) : (
        <>
          {children}
          {canEdit ? (
            <div className="aantafel-actions">
              <Button
                ref={editButtonRef}
                type="button"
                appearance="secondary-action-button"
                onClick={() => {
                  onStartEditing();
                  setEditing(true);
                  requestAnimationFrame(() => document.getElementById(firstFieldId)?.focus());
                }}
              >
                {editTitle}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

/**
 * The page of a new contact or agreement: heading, menu, and the form (`children`), or for a
 * viewer a note that they cannot add one.
 */
export function NewRecordPage({ title, children }: { title: string; children: ReactNode }) {
  const rt = useRelationsText();
  const canEdit = useCanEdit();
  return (
    <>
      <PageHeading title={title} />
      <RelationsNav />
      {canEdit ? (
        children
      ) : (
        <Alert type="info">
          <Paragraph>{rt('viewerCannotEdit')}</Paragraph>
        </Alert>
      )}
    </>
  );
}

/** The organisation a new record starts with (?organisation=12, from an organisation's page). */
export function usePresetOrganisation(): number | undefined {
  const [search] = useSearchParams();
  return Number(search.get('organisation') ?? '') || undefined;
}
