import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { ORGANISATION_KINDS, type OrganisationKind, type SearchGroup } from '../../api/types';
import { search } from '../../api/generated/overview';
import { useI18n } from '../../i18n/I18nProvider';
import { organisationKindLabel } from '../whoiswho/labels';
import {
  DEBOUNCE_MS,
  ISO_DATE,
  MIN_QUERY,
  cleanRanges,
  countOptions,
  fillTemplate,
  focusSnippet,
  isSearchShortcut,
  moveActive,
  optionAt,
  toShownGroups,
  type MarkedText,
  type SearchOption,
} from './search';
import { Marked } from './Marked';
import { SEARCH_TEXTS, useSearchText, type SearchKey, type SearchText } from './texts';
import './search.css';

type Status = 'idle' | 'busy' | 'done' | 'error';

/** The heading of a group; a kind this app does not know yet shows as it is. */
function kindLabel(st: SearchText, kind: string): string {
  const key = `kind.${kind}`;
  return key in SEARCH_TEXTS.nl ? st(key as SearchKey) : kind;
}

/**
 * The search field in the header: a combobox with a grouped listbox (WAI-ARIA APG pattern).
 * "/" or Ctrl+K puts focus in it; typing searches after a short pause; the arrow keys choose,
 * Enter opens the chosen (or first) result, Escape closes the list and a second Escape empties
 * the field. The number of results is announced politely.
 */
export function GlobalSearch({ slug }: { slug: string }) {
  const st = useSearchText();
  const { t, formatDate } = useI18n();
  const navigate = useNavigate();
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const inputRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [groups, setGroups] = useState<SearchGroup[]>([]);
  const [status, setStatus] = useState<Status>('idle');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState('');

  const shown = useMemo(() => toShownGroups(groups, id.replace(/:/g, '')), [groups, id]);
  const count = countOptions(shown);
  const trimmed = query.trim();
  const expanded = open && count > 0 && status === 'done';

  // The keyboard shortcut works on every page of the workspace.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!isSearchShortcut(event)) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
      setOpen(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // Close when focus or a click goes elsewhere.
  useEffect(() => {
    if (!open) return;
    const onOutside = (event: Event) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onOutside);
    document.addEventListener('focusin', onOutside);
    return () => {
      document.removeEventListener('mousedown', onOutside);
      document.removeEventListener('focusin', onOutside);
    };
  }, [open]);

  // Search after a short pause; a newer query cancels the older request.
  useEffect(() => {
    setActive(-1);
    if (trimmed.length < MIN_QUERY) {
      setGroups([]);
      setStatus('idle');
      setAnnouncement(trimmed.length > 0 ? st('tooShort') : '');
      return;
    }
    const controller = new AbortController();
    setStatus('busy');
    const timer = window.setTimeout(() => {
      search({ slug }, { q: trimmed, limit: 5 }, { signal: controller.signal })
        .then((result) => {
          if (controller.signal.aborted) return;
          const total = result.groups.reduce((sum, group) => sum + group.items.length, 0);
          setGroups(result.groups);
          setStatus('done');
          setAnnouncement(
            total === 0
              ? `${st('none', { q: trimmed })} ${st('noneHint')}`
              : total === 1
                ? st('count.one')
                : st('count.many', { count: total }),
          );
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted || (error instanceof DOMException && error.name === 'AbortError')) return;
          setGroups([]);
          setStatus('error');
          setAnnouncement(st('failed'));
        });
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [slug, trimmed, st]);

  // The chosen option stays in sight when the list scrolls.
  const activeDomId = expanded && active >= 0 ? optionAt(shown, active)?.domId : undefined;
  useEffect(() => {
    if (!activeDomId) return;
    document.getElementById(activeDomId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeDomId]);

  /**
   * The subtitle in words: an organisation's kind instead of its code, a date as "12 mei 2026",
   * a plan's year as "Begrotingsjaar 2028", a municipality's province as "Provincie Utrecht".
   * Where the text itself changes, a match marks all of it.
   */
  function subtitleOf(option: SearchOption): MarkedText {
    const ranges = cleanRanges(option.subtitle, option.highlights?.subtitle);
    const whole = (text: string): MarkedText => ({ text, ranges: ranges.length > 0 ? [[0, text.length]] : [] });
    if (option.kind === 'organisations' && ORGANISATION_KINDS.includes(option.subtitle as OrganisationKind)) {
      return whole(t(organisationKindLabel(option.subtitle as OrganisationKind)));
    }
    // Council records: "Motie · Soest · 2026-12-09", the day written out.
    if (option.kind === 'council') {
      const parts = option.subtitle.split(' · ');
      const last = parts[parts.length - 1];
      if (last && ISO_DATE.test(last)) parts[parts.length - 1] = formatDate(last);
      return whole(parts.join(' · '));
    }
    if (ISO_DATE.test(option.subtitle)) {
      const date = whole(formatDate(option.subtitle));
      return option.kind === 'agreements' ? fillTemplate(st('sub.due'), 'date', date) : date;
    }
    if (option.kind === 'plans' && /^\d{4}$/.test(option.subtitle)) {
      return fillTemplate(st('sub.year'), 'year', { text: option.subtitle, ranges });
    }
    // A municipality's province, not to be read as the municipality it lies in.
    if (option.kind === 'municipalities' && option.subtitle) {
      return fillTemplate(st('sub.province'), 'name', { text: option.subtitle, ranges });
    }
    return { text: option.subtitle, ranges };
  }

  function go(option: SearchOption | undefined) {
    if (!option) return;
    setOpen(false);
    setQuery('');
    navigate(`/w/${encodeURIComponent(slug)}/${option.link.replace(/^\/+/, '')}`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (count === 0) return;
        event.preventDefault();
        setOpen(true);
        setActive((current) => moveActive(current, count, event.key as 'ArrowDown' | 'ArrowUp'));
        return;
      case 'Enter':
        if (!expanded) return;
        event.preventDefault();
        go(optionAt(shown, active >= 0 ? active : 0));
        return;
      case 'Escape':
        event.preventDefault();
        if (expanded) {
          setOpen(false);
          setActive(-1);
        } else {
          setQuery('');
        }
        return;
      default:
    }
  }

  const activeOption = activeDomId ? optionAt(shown, active) : undefined;
  const nothingFound = open && trimmed.length >= MIN_QUERY && status === 'done' && count === 0;
  const message =
    open && trimmed.length > 0
      ? trimmed.length < MIN_QUERY
        ? st('tooShort')
        : status === 'busy'
          ? st('busy')
          : status === 'error'
            ? st('failed')
            : status === 'done' && count === 0
              ? st('none', { q: trimmed })
              : ''
      : '';

  return (
    <div className="aantafel-search" ref={rootRef} role="search">
      <label htmlFor={inputId} className="aantafel-visually-hidden">
        {st('label')}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        type="text"
        role="combobox"
        className="utrecht-textbox utrecht-textbox--html-input aantafel-search__input"
        placeholder={st('placeholder')}
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeOption?.domId}
        aria-describedby={hintId}
        aria-keyshortcuts="/ Control+K"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      <span id={hintId} className="aantafel-visually-hidden">
        {st('hint')}
      </span>
      <div className="aantafel-search__popup" hidden={!expanded && !message}>
        <div role="listbox" id={listId} aria-label={st('results')} hidden={!expanded} className="aantafel-search__list">
          {shown.map((group) => {
            const headingId = `${listId}-${group.kind}`;
            return (
              <ul key={group.kind} role="group" aria-labelledby={headingId} className="aantafel-search__group">
                <li role="presentation" id={headingId} className="aantafel-search__heading">
                  {kindLabel(st, group.kind)}
                </li>
                {group.options.map((option) => {
                  const subtitle = subtitleOf(option);
                  const snippet = option.snippet ? focusSnippet(option.snippet, option.highlights?.snippet) : null;
                  return (
                    <li
                      key={option.domId}
                      id={option.domId}
                      role="option"
                      aria-selected={option.index === active}
                      // Reached with the arrow keys from the field (aria-activedescendant, scrolled
                      // into view): never a Tab stop, but focusable, so the scrolling list counts
                      // as keyboard-reachable (axe: scrollable-region-focusable).
                      tabIndex={-1}
                      className="aantafel-search__option"
                      onMouseDown={(event) => event.preventDefault()}
                      onClick={() => go(option)}
                    >
                      <span className="aantafel-search__title">
                        <Marked text={option.title} ranges={option.highlights?.title} />
                      </span>
                      {subtitle.text ? (
                        <span className="aantafel-search__subtitle">
                          <Marked text={subtitle.text} ranges={subtitle.ranges} />
                        </span>
                      ) : null}
                      {snippet ? (
                        <span className="aantafel-search__snippet">
                          <Marked text={snippet.text} ranges={snippet.ranges} />
                        </span>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            );
          })}
        </div>
        {message ? <p className="aantafel-search__message">{message}</p> : null}
        {nothingFound ? <p className="aantafel-search__message aantafel-search__tip">{st('noneHint')}</p> : null}
      </div>
      <div role="status" aria-live="polite" aria-atomic="true" className="aantafel-visually-hidden">
        {announcement}
      </div>
    </div>
  );
}
