/**
 * "Raadsleden koppelen" on Raad (decision 46): per followed council, the names from its motions
 * and votes that wait for a colleague (the review list), then the linked names and the names
 * nobody in Wie is wie fits, folded. Each person offered shows their party in Wie is wie, and a
 * party other than the council's is said. Editors and owners say yes or no (or "none of these"
 * when several fit) and take a decision back; viewers read.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { Alert, Button, Heading2, Heading3, Heading4, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import { decideCouncilPerson, listCouncilPeople, undoCouncilPersonDecision } from '../../api/generated/council';
import { getPerson } from '../../api/generated/whoiswho';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import type { CouncilFollow, CouncilPersonLink } from './api';
import {
  decisionText,
  idPart,
  joinNames,
  nameOf as nameInLink,
  offeredPeople,
  optionLabel,
  otherSpellings,
  partiesDiffer,
  partyInWhoiswho,
  peopleLists,
  usesText,
  type DecisionAction,
} from './people';
import { focusAfterRoute, hashId, useFocusWhenShown } from './common';
import { useCouncilText, type CouncilText } from './texts';

/** The id of a council's heading in "Raadsleden koppelen" (the person page links to it). */
export function councilPeopleId(sourceKey: string): string {
  return `council-people-${idPart(sourceKey)}`;
}

/**
 * Focuses and shows the element the URL's hash names ("#council-people-soest") once it is on the
 * page: the Raad page's parts load one after another. Two frames later than the route's own
 * focus on the h1 (RouteFocus), so it is not taken back; once per hash.
 */
export function useHashTarget(ready: boolean) {
  const { hash } = useLocation();
  const [done, setDone] = useState('');
  useEffect(() => {
    const target = hashId(hash);
    if (!ready || !target || hash === done) return;
    return focusAfterRoute(target, () => setDone(hash));
  }, [ready, hash, done]);
}

export function CouncilPeopleSection({
  follows,
  municipalities,
  canEdit,
}: {
  follows: CouncilFollow[];
  /** Municipality names by CBS code (the workspace's organisations). */
  municipalities: ReadonlyMap<string, string>;
  canEdit: boolean;
}) {
  const ct = useCouncilText();
  const [status, setStatus] = useState('');
  return (
    <section className="aantafel-section aantafel-council-people" aria-labelledby="council-people">
      <Heading2 id="council-people" tabIndex={-1} className="aantafel-focus-target">
        {ct('people.title')}
      </Heading2>
      <Paragraph>{ct('people.intro')}</Paragraph>
      {!canEdit ? <Paragraph className="aantafel-meta">{ct('people.viewer')}</Paragraph> : null}
      <StatusMessage>{status}</StatusMessage>
      {follows.map((follow) => (
        <CouncilPeople
          key={follow.source_key}
          follow={follow}
          municipality={(follow.municipality_code && municipalities.get(follow.municipality_code)) || councilName(follow)}
          canEdit={canEdit}
          onStatus={setStatus}
        />
      ))}
    </section>
  );
}

/**
 * The names of the people the list refers to. A name's person and options carry them; a person
 * someone ruled out is not among the options any more, so their name is asked of Wie is wie (or
 * remembered from the decision just made).
 */
function usePersonNames(slug: string, items: readonly CouncilPersonLink[] | undefined) {
  const ct = useCouncilText();
  const [learned, setLearned] = useState<ReadonlyMap<number, string>>(new Map());
  const known = new Map(learned);
  for (const item of items ?? []) {
    if (item.person) known.set(item.person.id, item.person.name);
    for (const option of item.options) known.set(option.id, option.name);
  }
  const missing = [...new Set((items ?? []).flatMap((item) => item.rejected))].filter((id) => !known.has(id)).sort((a, b) => a - b);
  const fetched = useApiData(`council-people-names:${slug}:${missing.join(',')}`, async (signal) => {
    const found = await Promise.all(
      missing.map((id) =>
        getPerson({ slug, person_id: id }, { signal }).then(
          (dossier) => [id, dossier.person.name] as const,
          () => null,
        ),
      ),
    );
    return new Map(found.filter((entry) => entry !== null));
  });
  return {
    of: (link: CouncilPersonLink, personId: number): string =>
      nameInLink(link, personId) ??
      known.get(personId) ??
      fetched.data?.get(personId) ??
      (fetched.loading ? '…' : ct('people.unknownPerson')),
    learn: (personId: number, name: string) =>
      setLearned((was) => (was.get(personId) === name ? was : new Map(was).set(personId, name))),
  };
}

function councilName(follow: CouncilFollow): string {
  return follow.source?.label ?? follow.source_key;
}

interface Busy {
  key: string;
  action: DecisionAction;
  /** null for "none of these" and taking all back: about everyone at once. */
  personId: number | null;
}

/** Local answers of decisions on top of the list the server gave (until it loads again). */
interface Local {
  base: unknown;
  items: CouncilPersonLink[];
}

function CouncilPeople({
  follow,
  municipality,
  canEdit,
  onStatus,
}: {
  follow: CouncilFollow;
  municipality: string;
  canEdit: boolean;
  onStatus: (status: string) => void;
}) {
  const ct = useCouncilText();
  const { language } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const sourceKey = follow.source_key;
  const label = councilName(follow);
  const base = councilPeopleId(sourceKey);
  // A new copy of the council (synced_at) may bring new names: the list loads again.
  const people = useApiData(`council-people:${slug}:${sourceKey}:${follow.sync?.synced_at ?? ''}`, (signal) =>
    listCouncilPeople({ slug }, { source_key: sourceKey, show: 'all' }, { signal }),
  );
  const [local, setLocal] = useState<Local | null>(null);
  const items = local && local.base === people.data ? local.items : people.data?.items;
  const names = usePersonNames(slug, items);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [errors, setErrors] = useState<Record<string, unknown>>({});
  const [open, setOpen] = useState({ linked: false, unmatched: false });
  const setFocusId = useFocusWhenShown();

  // Each name keeps its place in the server's list: its id on the page does not change with its state.
  const index = new Map((items ?? []).map((item, at) => [item.name_key, at]));
  const rowId = (link: CouncilPersonLink) => `${base}-name-${index.get(link.name_key) ?? 0}`;
  const lists = items ? peopleLists(items) : null;

  /**
   * One decision about `link`: about `personId`, or without it about everyone at once ("none of
   * these": no to everyone offered; undoAll: every decision about the name taken back).
   */
  async function decide(link: CouncilPersonLink, action: DecisionAction, personId: number | null) {
    if (busy || !items) return;
    // The people the decision is about, with their names (a person ruled out leaves the options).
    const about: { id: number; name: string }[] =
      personId !== null
        ? [{ id: personId, name: names.of(link, personId) }]
        : action === 'rejectAll'
          ? offeredPeople(link).map((option) => ({ id: option.id, name: option.name }))
          : link.rejected.map((id) => ({ id, name: names.of(link, id) }));
    const person = joinNames(
      about.map((who) => who.name),
      language,
    );
    setBusy({ key: link.name_key, action, personId });
    setErrors((was) => {
      const rest = { ...was };
      delete rest[link.name_key];
      return rest;
    });
    onStatus('');
    try {
      const decision = {
        source_key: sourceKey,
        name_key: link.name_key,
        ...(personId !== null ? { person_id: personId } : {}),
      };
      const after =
        action === 'confirm' || action === 'reject' || action === 'rejectAll'
          ? await decideCouncilPerson({ slug }, { ...decision, confirmed: action === 'confirm' })
          : await undoCouncilPersonDecision({ slug }, decision);
      const next = items.map((item) => (item.name_key === after.name_key ? after : item));
      // Where focus goes: the name itself when it is (still) to be checked or was in a list that
      // stays open; otherwise the next name to check, so the review goes on.
      let focus: string;
      if (after.state === 'suggested' || link.state !== 'suggested') {
        focus = rowId(after);
        if (after.state !== 'suggested') {
          const where = after.state === 'unmatched' ? 'unmatched' : 'linked';
          setOpen((was) => ({ ...was, [where]: true }));
        }
      } else {
        const review = peopleLists(items).review;
        const at = review.findIndex((item) => item.name_key === link.name_key);
        const following = review[at + 1] ?? review[at - 1];
        focus = following ? rowId(following) : `${base}-review`;
      }
      setLocal({ base: people.data, items: next });
      // A rejected person is no longer among the name's options: their name stays known here.
      for (const who of about) names.learn(who.id, who.name);
      onStatus(decisionText(action, person, after, ct));
      setFocusId(focus);
    } catch (error) {
      if (isApiError(error) && error.status === 404) {
        // The name or the council is gone (a new copy, someone else's undo): show the list as it is.
        onStatus(ct('people.gone'));
        await people.reload();
        setFocusId(`${base}-review`);
      } else {
        setErrors((was) => ({ ...was, [link.name_key]: error }));
      }
    } finally {
      setBusy(null);
    }
  }

  const rowProps = { ct, canEdit, busy, errors, onDecide: decide, rowId, nameOf: names.of };
  return (
    <div className="aantafel-council-people__council">
      <Heading3 id={base} tabIndex={-1} className="aantafel-focus-target">
        {ct('councilOf', { name: label })}
      </Heading3>
      {people.error && !items ? <ErrorAlert error={people.error} /> : null}
      {!items && !people.error ? <Loading /> : null}
      {items && items.length === 0 ? <Paragraph>{ct('people.empty')}</Paragraph> : null}
      {lists && items && items.length > 0 ? (
        <>
          <Heading4 id={`${base}-review`} tabIndex={-1} className="aantafel-focus-target aantafel-council-people__heading">
            {ct('people.reviewTitle')}
          </Heading4>
          {lists.review.length === 0 ? (
            <Paragraph>{ct('people.reviewEmpty')}</Paragraph>
          ) : (
            <>
              <Paragraph>
                {lists.review.length === 1 ? ct('people.reviewCount1') : ct('people.reviewCount', { count: lists.review.length })}{' '}
                {ct('people.reviewIntro')}
              </Paragraph>
              <ul className="aantafel-cards aantafel-council-people__list" aria-label={ct('people.reviewList', { name: label })}>
                {lists.review.map((link) => (
                  <PersonRow key={link.name_key} link={link} {...rowProps} />
                ))}
              </ul>
            </>
          )}
          <details
            className="aantafel-council-people__fold"
            open={open.linked}
            onToggle={(event) => {
              const isOpen = event.currentTarget.open;
              setOpen((was) => (was.linked === isOpen ? was : { ...was, linked: isOpen }));
            }}
          >
            <summary>{ct('people.linkedTitle', { count: lists.linked.length })}</summary>
            {lists.linked.length === 0 ? (
              <Paragraph>{ct('people.linkedEmpty')}</Paragraph>
            ) : (
              <ul className="aantafel-cards aantafel-council-people__list" aria-label={ct('people.linkedList', { name: label })}>
                {lists.linked.map((link) => (
                  <PersonRow key={link.name_key} link={link} {...rowProps} />
                ))}
              </ul>
            )}
          </details>
          {lists.unmatched.length > 0 ? (
            <details
              className="aantafel-council-people__fold"
              open={open.unmatched}
              onToggle={(event) => {
                const isOpen = event.currentTarget.open;
                setOpen((was) => (was.unmatched === isOpen ? was : { ...was, unmatched: isOpen }));
              }}
            >
              <summary>{ct('people.unmatchedTitle', { count: lists.unmatched.length })}</summary>
              <Paragraph>{ct('people.unmatchedHint', { municipality })}</Paragraph>
              {canEdit ? (
                <Paragraph>
                  <Link to={`/w/${encodeURIComponent(slug)}/people/new`} className="utrecht-link utrecht-link--html-a">
                    {ct('people.addPerson')}
                  </Link>
                </Paragraph>
              ) : null}
              <ul className="aantafel-cards aantafel-council-people__list" aria-label={ct('people.unmatchedList', { name: label })}>
                {lists.unmatched.map((link) => (
                  <PersonRow key={link.name_key} link={link} {...rowProps} />
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

const REASON_KEY = {
  name_initial_and_party: 'people.reason.name_initial_and_party',
  partly_known: 'people.reason.partly_known',
  initial_or_party_differ: 'people.reason.initial_or_party_differ',
  several: 'people.reason.several',
  nobody: 'people.reason.nobody',
} as const;

function PersonLink({ id, name }: { id: number; name: string }) {
  const { workspace } = useWorkspace();
  return (
    <Link to={`/w/${encodeURIComponent(workspace.slug)}/people/${id}`} className="utrecht-link utrecht-link--html-a">
      {name}
    </Link>
  );
}

/**
 * A decision's button, named in full for a screen reader (`label`): busy while its decision is
 * sent, and held back (aria-disabled, focus stays) while any decision is.
 */
function DecisionButton({
  appearance = 'secondary-action-button',
  submit = false,
  busy,
  locked,
  label,
  onClick,
  children,
}: {
  appearance?: 'primary-action-button' | 'secondary-action-button' | 'subtle-button';
  submit?: boolean;
  busy: boolean;
  locked: true | undefined;
  label: string;
  onClick?: () => void;
  children: ReactNode;
}) {
  return (
    <Button
      type={submit ? 'submit' : 'button'}
      appearance={appearance}
      busy={busy}
      aria-disabled={locked}
      aria-label={label}
      onClick={onClick}
    >
      {children}
    </Button>
  );
}

/** One name: how it is written, its party, how often it occurs, and what it is linked to. */
function PersonRow({
  link,
  ct,
  canEdit,
  busy,
  errors,
  onDecide,
  rowId,
  nameOf,
}: {
  link: CouncilPersonLink;
  ct: CouncilText;
  canEdit: boolean;
  busy: Busy | null;
  errors: Record<string, unknown>;
  onDecide: (link: CouncilPersonLink, action: DecisionAction, personId: number | null) => Promise<void>;
  rowId: (link: CouncilPersonLink) => string;
  nameOf: (link: CouncilPersonLink, personId: number) => string;
}) {
  const { language } = useI18n();
  const id = rowId(link);
  const [chosen, setChosen] = useState('');
  const [chooseError, setChooseError] = useState<string | undefined>(undefined);
  const error = errors[link.name_key];
  const mine = busy?.key === link.name_key;
  const isBusy = (action: DecisionAction, personId?: number | null) =>
    mine && busy.action === action && (personId === undefined || busy.personId === personId);
  const locked = busy !== null || undefined;
  const uses = usesText(link, ct);
  const spellings = otherSpellings(link);
  const choosing = link.state === 'suggested' && link.person === null && link.options.length > 0;
  const offered = link.options.filter((option) => !link.rejected.includes(option.id));
  // The council names another party than Wie is wie has for the person suggested: said with both.
  const differ = link.state === 'suggested' && link.person !== null && partiesDiffer(link.party, link.person.party);
  // Several people ruled out (often at once, with "none of these"): one line, taken back at once.
  const rejectedTogether = link.rejected.length > 1 && link.state !== 'confirmed';
  // A 422 about the person chosen belongs at the select; anything else is shown above the buttons.
  const fieldError =
    choosing && isApiError(error) && error.status === 422 ? error.fields['person_id'] : undefined;

  function act(action: DecisionAction, personId: number | null) {
    if (busy === null) void onDecide(link, action, personId);
  }

  return (
    <li className="aantafel-cards__item aantafel-council-person">
      <p id={id} tabIndex={-1} className="aantafel-cards__title aantafel-focus-target aantafel-council-person__name">
        {link.name}
      </p>
      <p className="aantafel-council-person__facts">
        {link.party ? ct('people.party', { party: link.party }) : <span className="aantafel-meta">{ct('people.noParty')}</span>}
        {uses ? <span className="aantafel-meta"> · {uses}</span> : null}
      </p>
      {spellings.length > 0 ? (
        <p className="aantafel-meta aantafel-council-person__line">{ct('people.spellings', { names: spellings.join('; ') })}</p>
      ) : null}

      {link.person ? (
        <p className="aantafel-council-person__line">
          <span className="aantafel-council-person__label">
            {link.state === 'suggested' ? ct('people.suggestion') : ct('people.linkedTo')}
          </span>{' '}
          <PersonLink id={link.person.id} name={link.person.name} /> ({partyInWhoiswho(link.person, ct)})
        </p>
      ) : null}
      {/* Under Niet gekoppeld, "nobody fits" is the list's own hint; a row says it only when it has more to say. */}
      {link.state === 'unmatched' && link.reason === 'nobody' ? null : (
        <p className={differ ? 'aantafel-council-person__line' : 'aantafel-meta aantafel-council-person__line'}>
          {link.state === 'certain'
            ? ct('people.state.certain')
            : link.state === 'confirmed'
              ? ct('people.state.confirmed')
              : differ
                ? ct('people.reason.party_differs', { council: link.party, party: link.person!.party })
                : ct(REASON_KEY[link.reason])}
        </p>
      )}
      {choosing && offered.length > 0 ? (
        <>
          <p id={`${id}-options`} className="aantafel-council-person__line">
            {ct('people.options')}
          </p>
          <ul className="aantafel-council-person__options" aria-labelledby={`${id}-options`}>
            {offered.map((option) => (
              <li key={option.id}>
                <PersonLink id={option.id} name={option.name} /> ({partyInWhoiswho(option, ct)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {rejectedTogether ? (
        <div className="aantafel-council-person__rejected">
          <p className="aantafel-council-person__line">
            {ct('people.rejectedAll', {
              persons: joinNames(
                link.rejected.map((personId) => nameOf(link, personId)),
                language,
              ),
            })}
          </p>
          {canEdit ? (
            <DecisionButton
              appearance="subtle-button"
              busy={isBusy('undoAll')}
              locked={locked}
              label={ct('people.undoAllLabel', { name: link.name })}
              onClick={() => act('undoAll', null)}
            >
              {ct('people.undoAll')}
            </DecisionButton>
          ) : null}
        </div>
      ) : null}
      {(rejectedTogether ? [] : link.rejected).map((personId) => {
        const person = nameOf(link, personId);
        return (
          <div key={personId} className="aantafel-council-person__rejected">
            <p className="aantafel-council-person__line">{ct('people.rejected', { person })}</p>
            {canEdit ? (
              <DecisionButton
                appearance="subtle-button"
                busy={isBusy('undoReject', personId)}
                locked={locked}
                label={ct('people.undoRejectLabel', { name: link.name, person })}
                onClick={() => act('undoReject', personId)}
              >
                {ct('people.undoReject')}
              </DecisionButton>
            ) : null}
          </div>
        );
      })}

      {error && !fieldError ? (
        isApiError(error) && error.status === 403 ? (
          <Alert type="error" role="alert">
            <Paragraph>{ct('people.forbidden')}</Paragraph>
          </Alert>
        ) : (
          <>
            <ErrorAlert error={error} />
            {isApiError(error) && Object.keys(error.fields).length > 0 ? (
              <ul className="aantafel-council-person__fields">
                {Object.entries(error.fields).map(([field, message]) => (
                  <li key={field}>{message}</li>
                ))}
              </ul>
            ) : null}
          </>
        )
      ) : null}

      {canEdit && link.state === 'suggested' && link.person ? (
        <div className="aantafel-actions">
          <DecisionButton
            appearance="primary-action-button"
            busy={isBusy('confirm')}
            locked={locked}
            label={ct('people.yesLabel', { person: link.person.name, name: link.name })}
            onClick={() => act('confirm', link.person!.id)}
          >
            {ct('people.yes', { person: link.person.name })}
          </DecisionButton>
          <DecisionButton
            busy={isBusy('reject')}
            locked={locked}
            label={ct('people.noLabel', { name: link.name, person: link.person.name })}
            onClick={() => act('reject', link.person!.id)}
          >
            {ct('people.no')}
          </DecisionButton>
        </div>
      ) : null}

      {canEdit && choosing ? (
        <form
          className="aantafel-council-person__choose"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const personId = Number(chosen);
            if (!chosen || !Number.isInteger(personId)) {
              setChooseError(ct('people.chooseRequired'));
              document.getElementById(`${id}-choose`)?.focus();
              return;
            }
            setChooseError(undefined);
            act('confirm', personId);
          }}
        >
          <SelectField
            id={`${id}-choose`}
            label={ct('people.choose', { name: link.name })}
            options={[
              { value: '', label: ct('people.choosePlaceholder') },
              ...offered.map((option) => ({ value: String(option.id), label: optionLabel(option, ct) })),
            ]}
            value={chosen}
            error={chooseError ?? fieldError}
            onChange={(event) => {
              setChosen(event.target.value);
              setChooseError(undefined);
            }}
          />
          <div className="aantafel-actions">
            <DecisionButton
              submit
              appearance="primary-action-button"
              busy={isBusy('confirm')}
              locked={locked}
              label={ct('people.confirmChoiceLabel', { name: link.name })}
            >
              {ct('people.confirmChoice')}
            </DecisionButton>
            <DecisionButton
              busy={isBusy('rejectAll')}
              locked={locked}
              label={ct('people.noneLabel', { name: link.name })}
              onClick={() => {
                setChooseError(undefined);
                act('rejectAll', null);
              }}
            >
              {ct('people.none')}
            </DecisionButton>
          </div>
        </form>
      ) : null}

      {canEdit && link.state === 'confirmed' && link.person ? (
        <div className="aantafel-actions">
          <DecisionButton
            busy={isBusy('undo')}
            locked={locked}
            label={ct('people.undoLabel', { name: link.name, person: link.person.name })}
            onClick={() => act('undo', link.person!.id)}
          >
            {ct('people.undo')}
          </DecisionButton>
        </div>
      ) : null}
    </li>
  );
}
