import { useCallback, useEffect, useEffectEvent, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { ExternalLink } from 'lucide-react';
import { isApiError } from '../../api/client';
import { searchCouncils } from '../../api/generated/council';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useI18n } from '../../i18n/I18nProvider';
import { Marked } from '../search/Marked';
import { useWorkspace } from '../shell/workspaceContext';
import type { CouncilFollow, CouncilSearchHit } from './api';
import {
  EMPTY_SEARCH,
  SEARCH_FIELDS,
  SEARCH_FURTHEST_OFFSET,
  SEARCH_KINDS,
  countText,
  hasFilters,
  hitKey,
  hitKindKey,
  hitMeetingPath,
  kindOptionKey,
  searchFieldErrors,
  searchFromUrl,
  searchRequest,
  searchToUrl,
  type CouncilSearchParams,
  type SearchField,
} from './councilSearch';
import { safeUrl } from './council';
import { useCouncilBase } from './common';
import { useCouncilText } from './texts';
import './councilSearch.css';

type Status = 'idle' | 'loading' | 'done' | 'error';

interface SearchPages {
  status: Status;
  items: CouncilSearchHit[];
  hasMore: boolean;
  error: unknown;
  loadingMore: boolean;
  moreError: unknown;
  /** Loads the next page; resolves to the number of hits added. */
  loadMore: () => Promise<number>;
  /** Runs the same search again (the same search submitted twice). */
  reload: () => void;
}

/**
 * The hits of the search `params` (null: no search), page by page. A new search starts at the
 * first page and aborts what was still loading.
 */
function useSearchPages(slug: string, params: CouncilSearchParams | null): SearchPages {
  const key = params ? `${slug}?${searchToUrl(params).toString()}` : '';
  const [status, setStatus] = useState<Status>('idle');
  const [items, setItems] = useState<CouncilSearchHit[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const paramsRef = useRef(params);
  paramsRef.current = params;
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const currentKey = useRef(key);

  useEffect(() => {
    currentKey.current = key;
    const search = paramsRef.current;
    setMoreError(null);
    setLoadingMore(false);
    if (!search) {
      setStatus('idle');
      setItems([]);
      setHasMore(false);
      setError(null);
      return;
    }
    const controller = new AbortController();
    setStatus('loading');
    setError(null);
    searchCouncils({ slug }, searchRequest(search, 0), { signal: controller.signal })
      .then((page) => {
        if (controller.signal.aborted) return;
        setItems(page.items);
        setHasMore(page.has_more === true);
        setStatus('done');
      })
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return;
        setItems([]);
        setHasMore(false);
        setError(caught);
        setStatus('error');
      });
    return () => controller.abort();
  }, [key, slug, version]);

  const loadMore = useCallback(async () => {
    const search = paramsRef.current;
    const startKey = currentKey.current;
    if (!search) return 0;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await searchCouncils({ slug }, searchRequest(search, itemsRef.current.length));
      if (currentKey.current !== startKey) return 0;
      // The copy may have changed in between: a hit already shown is not shown twice.
      const known = new Set(itemsRef.current.map(hitKey));
      const fresh = page.items.filter((hit) => !known.has(hitKey(hit)));
      setItems((previous) => [...previous, ...fresh]);
      setHasMore(page.has_more === true);
      return fresh.length;
    } catch (caught) {
      if (currentKey.current === startKey) setMoreError(caught);
      return 0;
    } finally {
      if (currentKey.current === startKey) setLoadingMore(false);
    }
  }, [slug]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { status, items, hasMore, error, loadingMore, moreError, loadMore, reload };
}

const FIELD_ID: Record<SearchField, string> = {
  q: 'council-search-q',
  council: 'council-search-council',
  kind: 'council-search-kind',
  from: 'council-search-from',
  to: 'council-search-to',
};

const hitId = (index: number) => `council-hit-${index}`;

/**
 * "Zoeken in de raad" on the Raad page: words, and filters for council, kind and period. The
 * search lives in the URL (?q=&council=&kind=&from=&to=), so it can be shared and Back works; it
 * runs from there. The hits show their kind, council and date, the words found marked, and lead
 * to the meeting (at the agenda item, motion or document) or to a document at the council's site.
 */
export function CouncilSearch({ follows }: { follows: readonly CouncilFollow[] }) {
  const ct = useCouncilText();
  const { workspace } = useWorkspace();
  const [searchParams, setSearchParams] = useSearchParams();
  const followed = follows.map((f) => f.source_key);
  const fromUrl = searchFromUrl(searchParams, followed);
  const active = fromUrl.q !== '';
  const pages = useSearchPages(workspace.slug, active ? fromUrl : null);

  // What the form shows; set again from the URL when the URL changes (Back, a shared link).
  const urlKey = searchToUrl(fromUrl).toString();
  const [draft, setDraft] = useState<CouncilSearchParams>(fromUrl);
  const [draftFor, setDraftFor] = useState(urlKey);
  const [localError, setLocalError] = useState('');
  // The filters fold away until one is set (the Raad page stays short, also on a phone).
  const [filtersOpen, setFiltersOpen] = useState(hasFilters(fromUrl));
  if (draftFor !== urlKey) {
    setDraftFor(urlKey);
    setDraft(fromUrl);
    setLocalError('');
    if (hasFilters(fromUrl)) setFiltersOpen(true);
  }
  const filtersRef = useRef<HTMLDetailsElement>(null);

  const invalid = pages.status === 'error' && isApiError(pages.error) && pages.error.status === 422;
  const server = invalid && isApiError(pages.error) ? searchFieldErrors(pages.error.fields) : { errors: {}, rest: false };
  const errors: Partial<Record<SearchField, string>> = { ...server.errors };
  if (localError) errors.q = localError;
  const fieldProblem = Object.keys(server.errors).length > 0;

  // After a search from this form: the first field the server refused takes focus (the filters
  // unfold for it); otherwise the count comes into view when it is low on the screen (a phone).
  const submitted = useRef(false);
  const afterSearch = useEffectEvent(() => {
    if (!submitted.current) return;
    submitted.current = false;
    if (!fieldProblem) {
      const count = document.getElementById('council-search-status');
      if (count && count.getBoundingClientRect().top > window.innerHeight * 0.6) count.scrollIntoView?.({ block: 'start' });
      return;
    }
    const first = SEARCH_FIELDS.find((field) => server.errors[field]);
    if (!first) return;
    if (first !== 'q' && filtersRef.current) filtersRef.current.open = true;
    document.getElementById(FIELD_ID[first])?.focus();
  });
  // Only when a search has finished.
  useEffect(() => {
    if (pages.status !== 'loading') afterSearch();
  }, [pages.status, pages.error]);

  // After "Meer resultaten", focus goes to the first hit that was added.
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  useEffect(() => {
    if (focusIndex === null) return;
    const heading = document.getElementById(hitId(focusIndex));
    if (!heading) return;
    (heading.querySelector<HTMLElement>('a') ?? heading).focus();
    setFocusIndex(null);
  }, [focusIndex, pages.items]);

  function set<K extends keyof CouncilSearchParams>(name: K, value: CouncilSearchParams[K]) {
    setDraft((current) => ({ ...current, [name]: value }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = searchToUrl(draft);
    if (!next.get('q')) {
      setLocalError(ct('search.qRequired'));
      document.getElementById(FIELD_ID.q)?.focus();
      return;
    }
    setLocalError('');
    submitted.current = true;
    if (next.toString() === searchToUrl(fromUrl).toString()) {
      // The same search again: look again, without a second history entry.
      pages.reload();
      return;
    }
    setSearchParams(next);
  }

  function clear() {
    setDraft(EMPTY_SEARCH);
    setLocalError('');
    setSearchParams(new URLSearchParams());
    document.getElementById(FIELD_ID.q)?.focus();
  }

  async function loadMore() {
    const before = pages.items.length;
    const added = await pages.loadMore();
    if (added > 0) setFocusIndex(before);
  }

  let status = '';
  if (pages.status === 'loading') status = ct('search.busy');
  else if (pages.status === 'done') {
    status =
      pages.items.length === 0
        ? ct('search.none', { q: fromUrl.q })
        : countText(pages.items.length, pages.hasMore, fromUrl.q, ct);
  } else if (pages.status === 'error' && fieldProblem) status = ct('search.fix');

  const councilOptions = [
    { value: '', label: ct('search.allCouncils') },
    ...follows.map((f) => ({ value: f.source_key, label: f.source?.label ?? f.source_key })),
  ];
  const kindOptions = [
    { value: '', label: ct('search.allKinds') },
    ...SEARCH_KINDS.map((kind) => ({ value: kind, label: ct(kindOptionKey(kind)) })),
  ];
  const canLoadMore = pages.hasMore && pages.items.length <= SEARCH_FURTHEST_OFFSET;
  const chosen = [draft.council, draft.kind, draft.from || draft.to].filter(Boolean).length;

  return (
    <section className="aantafel-section aantafel-council-search" aria-labelledby="council-search">
      <Heading2 id="council-search">{ct('search.title')}</Heading2>
      <Paragraph>{ct('search.intro')}</Paragraph>
      <form role="search" aria-labelledby="council-search" noValidate onSubmit={submit} className="aantafel-council-search__form">
        <TextField
          id={FIELD_ID.q}
          type="search"
          label={ct('search.q')}
          description={ct('search.hint')}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          value={draft.q}
          error={errors.q}
          onChange={(event) => set('q', event.target.value)}
        />
        <details
          ref={filtersRef}
          className="aantafel-council-search__more"
          open={filtersOpen}
          onToggle={(event) => setFiltersOpen(event.currentTarget.open)}
        >
          <summary className="aantafel-council-search__summary">
            {ct('search.filters')}
            {chosen > 0 ? ` (${ct('search.filtersChosen', { count: chosen })})` : ''}
          </summary>
          <div className="aantafel-council-search__filters">
            <SelectField
              id={FIELD_ID.council}
              label={ct('search.council')}
              options={councilOptions}
              value={draft.council}
              error={errors.council}
              onChange={(event) => set('council', event.target.value)}
            />
            <SelectField
              id={FIELD_ID.kind}
              label={ct('search.kind')}
              options={kindOptions}
              value={draft.kind}
              error={errors.kind}
              onChange={(event) => set('kind', event.target.value as CouncilSearchParams['kind'])}
            />
            <fieldset className="aantafel-council-search__period">
              <legend className="aantafel-visually-hidden">{ct('search.period')}</legend>
              <TextField
                id={FIELD_ID.from}
                type="date"
                label={ct('search.from')}
                value={draft.from}
                error={errors.from}
                onChange={(event) => set('from', event.target.value)}
              />
              <TextField
                id={FIELD_ID.to}
                type="date"
                label={ct('search.to')}
                value={draft.to}
                error={errors.to}
                onChange={(event) => set('to', event.target.value)}
              />
            </fieldset>
          </div>
        </details>
        <div className="aantafel-actions aantafel-council-search__actions">
          <Button type="submit" appearance="primary-action-button">
            {ct('search.submit')}
          </Button>
          {active ? (
            <Button type="button" appearance="subtle-button" onClick={clear}>
              {ct('search.clear')}
            </Button>
          ) : null}
        </div>
      </form>

      <StatusMessage id="council-search-status">{status}</StatusMessage>
      {pages.status === 'error' && (!invalid || server.rest) ? <ErrorAlert error={pages.error} /> : null}
      {pages.status === 'done' && pages.items.length === 0 ? (
        <Paragraph className="aantafel-council-search__tip">{hasFilters(fromUrl) ? ct('search.tipFilters') : ct('search.tip')}</Paragraph>
      ) : null}
      {pages.items.length > 0 && pages.status !== 'error' ? (
        <section
          className="aantafel-council-search__results"
          aria-labelledby="council-search-status"
          aria-busy={pages.status === 'loading' || pages.loadingMore || undefined}
        >
          {pages.hasMore ? <Paragraph className="aantafel-meta">{ct('search.best')}</Paragraph> : null}
          <ol className="aantafel-council-hits">
            {pages.items.map((hit, index) => (
              <SearchHit key={hitKey(hit)} hit={hit} index={index} />
            ))}
          </ol>
          {pages.moreError ? <ErrorAlert error={pages.moreError} /> : null}
          {canLoadMore ? (
            <div className="aantafel-actions">
              <Button
                type="button"
                appearance="secondary-action-button"
                busy={pages.loadingMore}
                aria-disabled={pages.loadingMore || undefined}
                onClick={() => {
                  if (!pages.loadingMore) void loadMore();
                }}
              >
                {pages.loadingMore ? ct('search.moreBusy') : ct('search.more')}
              </Button>
            </div>
          ) : pages.hasMore ? (
            <Paragraph className="aantafel-meta">{ct('search.tooFar', { count: pages.items.length })}</Paragraph>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}

/**
 * One hit: its title (the words found marked) as a link to where it is, then what it is, the
 * council and the date, the text around the words found, and the meeting it belongs to.
 */
function SearchHit({ hit, index }: { hit: CouncilSearchHit; index: number }) {
  const ct = useCouncilText();
  const { formatDate } = useI18n();
  const base = useCouncilBase();
  const meetingPath = hitMeetingPath(hit, base);
  const source = hit.kind === 'document' ? safeUrl(hit.url) : null;
  const title = hit.title ? <Marked text={hit.title} ranges={hit.highlights?.title} /> : ct(hitKindKey(hit.kind));
  const meetingName = hit.meeting_name || ct('meeting.title');

  let heading;
  if (source) {
    // A document opens at the council's site, as on the meeting page.
    heading = (
      <>
        <a className="utrecht-link aantafel-council__doc-link" href={source} rel="noopener noreferrer">
          {title}
          <Icon icon={ExternalLink} className="aantafel-council__external" />
        </a>{' '}
        <span className="aantafel-meta aantafel-council-hit__where">({ct('documents.where')})</span>
      </>
    );
  } else if (meetingPath) {
    heading = (
      <Link to={meetingPath} className="utrecht-link utrecht-link--html-a">
        {title}
      </Link>
    );
  } else {
    heading = title;
  }

  return (
    <li className={`aantafel-council-hit aantafel-council-hit--${hit.kind}`}>
      <Heading3 id={hitId(index)} tabIndex={-1} className="aantafel-council-hit__title aantafel-focus-target">
        {heading}
      </Heading3>
      <p className="aantafel-council-hit__meta">
        <span className="aantafel-badge aantafel-badge--muted aantafel-council-hit__kind">{ct(hitKindKey(hit.kind))}</span>{' '}
        <span>
          {ct('councilOf', { name: hit.council })}
          {hit.date ? (
            <>
              {' · '}
              <time dateTime={hit.date}>{formatDate(hit.date)}</time>
            </>
          ) : null}
        </span>
      </p>
      {hit.excerpt ? (
        <p className="aantafel-council-hit__excerpt">
          <Marked text={hit.excerpt} ranges={hit.highlights?.excerpt} />
        </p>
      ) : null}
      {hit.kind === 'meeting' ? null : hit.meeting_id === null ? (
        <p className="aantafel-meta aantafel-council-hit__meeting">{ct('search.noMeeting')}</p>
      ) : (
        <p className="aantafel-council-hit__meeting">
          {ct('search.atMeeting')}{' '}
          {source && meetingPath ? (
            <Link to={meetingPath} className="utrecht-link utrecht-link--html-a">
              {meetingName}
            </Link>
          ) : (
            meetingName
          )}
        </p>
      )}
    </li>
  );
}
