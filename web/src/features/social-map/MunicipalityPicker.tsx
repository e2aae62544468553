import { useEffect, useId, useRef, useState } from 'react';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import type { Municipality } from '../../api/types';
import { searchMunicipalities } from '../../api/generated/whoiswho';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useI18n } from '../../i18n/I18nProvider';
import { localDay } from '../overview/overview';
import { useSocialMapText } from './texts';

/** Wait this long after the last key before searching while typing. */
const SEARCH_DELAY_MS = 300;

export interface MunicipalityChoice {
  code: string;
  name: string;
}

/**
 * Choose a municipality: one of the workspace's own (a select), or any of the register's 342 in
 * one search (GET /api/v1/municipalities?q=). Searches while typing (from 2 characters) and on
 * Enter; the results are buttons, their number is announced.
 */
export function MunicipalityPicker({
  id,
  followed,
  current,
  onChoose,
  title,
  searchLabel,
}: {
  id: string;
  followed: readonly MunicipalityChoice[];
  /** The municipality now shown (may be one the workspace does not follow). */
  current: MunicipalityChoice | null;
  onChoose: (choice: MunicipalityChoice) => void;
  /** Heading of the section; without it the picker is a plain group (inside a form). */
  title?: string;
  searchLabel?: string;
}) {
  const mt = useSocialMapText();
  const { formatDate } = useI18n();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Municipality[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const controller = useRef<AbortController | null>(null);
  const generated = useId();
  const resultsId = `${id}-results-${generated.replace(/[^A-Za-z0-9_-]/g, '')}`;

  async function search(q: string) {
    controller.current?.abort();
    const next = new AbortController();
    controller.current = next;
    setSearching(true);
    setError(null);
    try {
      const found = await searchMunicipalities({ q }, { signal: next.signal });
      if (next.signal.aborted) return;
      setResults(found.items);
      setFieldError(undefined);
    } catch (caught) {
      if (next.signal.aborted || (caught instanceof DOMException && caught.name === 'AbortError')) return;
      if (isApiError(caught) && caught.fields.q) setFieldError(caught.fields.q);
      else setError(caught);
    } finally {
      if (!next.signal.aborted) setSearching(false);
    }
  }

  // Search while typing, a moment after the last key.
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return;
    const timer = setTimeout(() => void search(q), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query]);

  useEffect(() => () => controller.current?.abort(), []);

  function submit(event: { preventDefault: () => void }) {
    event.preventDefault();
    const q = query.trim();
    if (q.length < 2) {
      setFieldError(mt('picker.required'));
      inputRef.current?.focus();
      return;
    }
    void search(q);
  }

  function choose(choice: MunicipalityChoice) {
    controller.current?.abort();
    setSearching(false);
    setResults(null);
    setQuery('');
    onChoose(choice);
    inputRef.current?.focus();
  }

  const options = [
    ...(current && !followed.some((m) => m.code === current.code) ? [current] : []),
    ...followed,
  ].map((m) => ({ value: m.code, label: `${m.name} (${m.code})` }));

  const body = (
    <>
      {followed.length > 0 ? (
        <SelectField
          id={`${id}-followed`}
          label={mt('picker.yours')}
          options={options}
          value={current?.code ?? ''}
          onChange={(event) => {
            const m = followed.find((f) => f.code === event.target.value);
            if (m) onChoose(m);
          }}
        />
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
      {/* A div, not a nested form: the picker also sits inside the service form. */}
      <div role="search" aria-label={mt('picker.searchRegion')} className="aantafel-inline-form aantafel-inline-form--bottom">
        <TextField
          id={`${id}-search`}
          type="search"
          label={searchLabel ?? mt('picker.search')}
          description={mt('picker.searchHint')}
          autoComplete="off"
          maxLength={200}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') submit(event);
          }}
          error={fieldError}
          inputRef={inputRef}
          aria-controls={resultsId}
        />
        <Button type="button" appearance="secondary-action-button" busy={searching} onClick={submit}>
          {searching ? mt('picker.searching') : mt('picker.submit')}
        </Button>
      </div>
      <p role="status" className="aantafel-picker__status">
        {results
          ? results.length === 0
            ? mt('picker.noResults')
            : results.length === 1
              ? mt('picker.results1')
              : mt('picker.results', { count: results.length })
          : ''}
      </p>
      <ul id={resultsId} className="aantafel-result-list" aria-label={mt('picker.resultsLabel')} hidden={!results || results.length === 0}>
        {(results ?? []).map((m) => (
          <li key={m.code} className="aantafel-result-list__item">
            <Button type="button" appearance="subtle-button" onClick={() => choose({ code: m.code, name: m.name })}>
              <strong>{m.name}</strong>
              <span className="aantafel-meta">
                {' '}
                ({[m.code, m.province, m.ended_on ? mt('picker.ended', { date: formatDate(localDay(m.ended_on)) }) : null]
                  .filter(Boolean)
                  .join(', ')}
                )
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </>
  );

  if (!title) return <div className="aantafel-picker">{body}</div>;
  return (
    <section className="aantafel-card aantafel-picker" aria-labelledby={`${id}-heading`}>
      <Heading2 id={`${id}-heading`} tabIndex={-1}>
        {title}
      </Heading2>
      {body}
    </section>
  );
}

/** The sentence under the picker when the shown municipality is not one of the workspace's. */
export function NotFollowedNote({ name }: { name: string }) {
  const mt = useSocialMapText();
  return <Paragraph className="aantafel-meta">{mt('picker.notFollowed', { name })}</Paragraph>;
}
