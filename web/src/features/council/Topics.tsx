/**
 * Onderwerpen of Raad: what the workspace watches for in its councils (editors and owners add,
 * change and delete topics; viewers read them), and the meetings of the next 60 days where the
 * topics come up, with the agenda item, document or motion that holds them.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import { addCouncilTopic, deleteCouncilTopic, replaceCouncilTopic } from '../../api/generated/council';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import type { CouncilTopic, CouncilTopicMatch, CouncilTopicWrite } from './api';
import {
  hitKindKey,
  joinTerms,
  matchesByMeeting,
  meetingDayKey,
  meetingWhen,
  splitTerms,
  topicFieldErrors,
  type Context,
  type TopicFieldErrors,
} from './council';
import { useCouncilBase, useFocusWhenShown } from './common';

/** The meetings of the next 60 days in which the workspace's topics come up. */
export function TopicMatchesSection({
  items,
  error,
  hasTopics,
  context,
}: {
  items: CouncilTopicMatch[] | undefined;
  error: unknown;
  hasTopics: boolean;
  context: Context;
}) {
  const { ct } = context;
  const base = useCouncilBase();
  const meetings = items ? matchesByMeeting(items) : undefined;
  let body;
  if (!hasTopics) body = <Paragraph>{ct('matches.noTopics')}</Paragraph>;
  else if (error) body = <ErrorAlert error={error} />;
  else if (!meetings) body = <Loading />;
  else if (meetings.length === 0) body = <Paragraph>{ct('matches.empty')}</Paragraph>;
  else {
    body = (
      <>
        <Paragraph>{ct('matches.intro')}</Paragraph>
        <ul className="aantafel-council-meetings" aria-label={ct('matches.label')}>
          {meetings.map(({ meeting, topics }) => (
            <li key={meeting.id} className="aantafel-council-meeting aantafel-council-match">
              <Heading3 className="aantafel-council-meeting__title">
                <Link to={`${base}/meetings/${meeting.id}`} className="utrecht-link utrecht-link--html-a">
                  {meeting.name || meeting.committee || ct('meeting.title')}
                </Link>
              </Heading3>
              <p className="aantafel-council-meeting__when">
                <time dateTime={meetingDayKey(meeting)}>{meetingWhen(meeting, context)}</time>
                {meeting.cancelled ? (
                  <>
                    {' '}
                    <span className="aantafel-badge aantafel-badge--alert">{ct('meetings.cancelled')}</span>
                  </>
                ) : null}
              </p>
              <p className="aantafel-meta aantafel-council-meeting__meta">{ct('councilOf', { name: meeting.council })}</p>
              {topics.map((topic) => (
                <div key={topic.id} className="aantafel-council-match__topic">
                  <p className="aantafel-council-match__name">{ct('matches.found', { name: topic.name })}</p>
                  <ul className="aantafel-council-match__hits">
                    {topic.hits.map((hit, index) => (
                      <li key={index}>
                        <span className="aantafel-council-match__kind">{ct(hitKindKey(hit.kind))}:</span> {hit.title}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <section className="aantafel-section" aria-labelledby="council-matches">
      <Heading2 id="council-matches">{ct('matches.title')}</Heading2>
      {body}
    </section>
  );
}

type Editing = { kind: 'new' } | { kind: 'edit'; topic: CouncilTopic } | null;

/** The topics with their words; editors and owners add, change and delete them. */
export function TopicsSection({
  slug,
  topics,
  error,
  canEdit,
  context,
  onChanged,
  onStatus,
}: {
  slug: string;
  topics: CouncilTopic[] | undefined;
  error: unknown;
  canEdit: boolean;
  context: Context;
  onChanged: () => Promise<void>;
  onStatus: (status: string) => void;
}) {
  const { ct } = context;
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<CouncilTopic | null>(null);
  const setFocusId = useFocusWhenShown();

  async function remove(topic: CouncilTopic) {
    await deleteCouncilTopic({ slug, topic_id: topic.id });
    setDeleting(null);
    onStatus(ct('topics.deleted', { name: topic.name }));
    await onChanged();
    setFocusId('council-topics');
  }

  return (
    <section className="aantafel-section aantafel-council-topics" aria-labelledby="council-topics">
      <Heading2 id="council-topics" tabIndex={-1} className="aantafel-focus-target">
        {ct('topics.title')}
      </Heading2>
      <Paragraph>{ct('topics.intro')}</Paragraph>
      <Paragraph>{ct('topics.how')}</Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      {!topics && !error ? <Loading /> : null}
      {topics && topics.length === 0 && editing?.kind !== 'new' ? (
        <Paragraph>{canEdit ? ct('topics.empty') : ct('topics.emptyViewer')}</Paragraph>
      ) : null}
      {topics && topics.length > 0 ? (
        <ul className="aantafel-cards aantafel-council__list" aria-label={ct('topics.list')}>
          {topics.map((topic) =>
            editing?.kind === 'edit' && editing.topic.id === topic.id ? (
              <li key={topic.id} className="aantafel-cards__item aantafel-council__item">
                <TopicForm
                  slug={slug}
                  topic={topic}
                  others={topics.filter((t) => t.id !== topic.id).map((t) => t.name)}
                  context={context}
                  onCancel={() => {
                    setEditing(null);
                    setFocusId(`council-topic-${topic.id}`);
                  }}
                  onSaved={async (saved) => {
                    onStatus(ct('topics.saved', { name: saved.name }));
                    await onChanged();
                    setEditing(null);
                    setFocusId(`council-topic-${saved.id}`);
                  }}
                />
              </li>
            ) : (
              <li key={topic.id} className="aantafel-cards__item aantafel-council__item">
                <Heading3 id={`council-topic-${topic.id}`} tabIndex={-1} className="aantafel-cards__title aantafel-focus-target">
                  {topic.name}
                </Heading3>
                <dl className="aantafel-council-topic__terms">
                  <div>
                    <dt>{ct('topics.termsLabel')}</dt>
                    <dd>
                      <TermList terms={topic.terms} />
                    </dd>
                  </div>
                  {topic.exclusions.length > 0 ? (
                    <div>
                      <dt>{ct('topics.exclusionsLabel')}</dt>
                      <dd>
                        <TermList terms={topic.exclusions} />
                      </dd>
                    </div>
                  ) : null}
                </dl>
                {canEdit ? (
                  <div className="aantafel-actions">
                    <Button
                      type="button"
                      appearance="secondary-action-button"
                      aria-label={`${ct('topics.edit')}: ${topic.name}`}
                      onClick={() => setEditing({ kind: 'edit', topic })}
                    >
                      {ct('topics.edit')}
                    </Button>
                    <Button
                      type="button"
                      appearance="subtle-button"
                      aria-label={`${ct('topics.delete')}: ${topic.name}`}
                      onClick={() => setDeleting(topic)}
                    >
                      {ct('topics.delete')}
                    </Button>
                  </div>
                ) : null}
              </li>
            ),
          )}
        </ul>
      ) : null}
      {canEdit && topics && editing?.kind !== 'edit' ? (
        editing?.kind === 'new' ? (
          <div className="aantafel-cards__item aantafel-council__item aantafel-council-topic__new">
            <TopicForm
              slug={slug}
              topic={null}
              others={topics.map((t) => t.name)}
              context={context}
              onCancel={() => {
                setEditing(null);
                setFocusId('council-topic-add');
              }}
              onSaved={async (saved) => {
                onStatus(ct('topics.added', { name: saved.name }));
                await onChanged();
                setEditing(null);
                setFocusId(`council-topic-${saved.id}`);
              }}
            />
          </div>
        ) : (
          <div className="aantafel-actions">
            <Button
              id="council-topic-add"
              type="button"
              appearance="primary-action-button"
              onClick={() => setEditing({ kind: 'new' })}
            >
              {ct('topics.add')}
            </Button>
          </div>
        )
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={ct('topics.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={ct('topics.delete')}
        busyLabel={ct('topics.deleteBusy')}
        onConfirm={() => (deleting ? remove(deleting) : undefined)}
        onCancel={() => setDeleting(null)}
      >
        {ct('topics.deleteBody')}
      </ConfirmDialog>
    </section>
  );
}

function TermList({ terms }: { terms: readonly string[] }) {
  return (
    <ul className="aantafel-council-topic__chips">
      {terms.map((term) => (
        <li key={term} className="aantafel-council-topic__chip">
          {term}
        </li>
      ))}
    </ul>
  );
}

const FIELD_ORDER = ['name', 'terms', 'exclusions'] as const;

/** Add (topic null) or change a topic: name, words (one per line) and exclusions. */
function TopicForm({
  slug,
  topic,
  others,
  context,
  onCancel,
  onSaved,
}: {
  slug: string;
  topic: CouncilTopic | null;
  /** The names of the other topics (a name is used once). */
  others: readonly string[];
  context: Context;
  onCancel: () => void;
  onSaved: (saved: CouncilTopic) => Promise<void>;
}) {
  const { ct } = context;
  const prefix = topic ? `council-topic-${topic.id}-` : 'council-topic-new-';
  const headingId = `${prefix}heading`;
  const [name, setName] = useState(topic?.name ?? '');
  const [terms, setTerms] = useState(joinTerms(topic?.terms ?? []));
  const [exclusions, setExclusions] = useState(joinTerms(topic?.exclusions ?? []));
  const [errors, setErrors] = useState<TopicFieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    nameRef.current?.focus();
  }, []);

  function focusFirst(found: TopicFieldErrors) {
    const first = FIELD_ORDER.find((field) => found[field]);
    if (first) document.getElementById(`${prefix}${first}`)?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const body: CouncilTopicWrite = { name: name.trim(), terms: splitTerms(terms), exclusions: splitTerms(exclusions) };
    const found: TopicFieldErrors = {};
    const taken = new Set(others.map((other) => other.trim().toLocaleLowerCase('nl')));
    if (!body.name) found.name = ct('topics.required');
    else if (taken.has(body.name.toLocaleLowerCase('nl'))) found.name = ct('topics.nameTaken');
    if (body.terms.length === 0) found.terms = ct('topics.termsRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirst(found);
      return;
    }
    setBusy(true);
    try {
      const saved = topic ? await replaceCouncilTopic({ slug, topic_id: topic.id }, body) : await addCouncilTopic({ slug }, body);
      await onSaved(saved);
    } catch (caught) {
      if (isApiError(caught) && Object.keys(caught.fields).length > 0) {
        const { errors: fields, rest } = topicFieldErrors(caught.fields, { terms: body.terms, exclusions: body.exclusions ?? [] }, ct);
        setErrors(fields);
        setError(rest ? caught : null);
        focusFirst(fields);
      } else {
        setError(caught);
      }
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} aria-busy={busy || undefined} aria-labelledby={headingId} className="aantafel-council-topic__form">
      <Heading3 id={headingId} className="aantafel-cards__title">
        {topic ? ct('topics.editTitle', { name: topic.name }) : ct('topics.addTitle')}
      </Heading3>
      {error ? <ErrorAlert error={error} /> : null}
      <TextField
        id={`${prefix}name`}
        inputRef={nameRef}
        label={ct('topics.name')}
        description={ct('topics.nameHint')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={errors.name}
        maxLength={100}
        required
        autoComplete="off"
      />
      <TextAreaField
        id={`${prefix}terms`}
        label={ct('topics.terms')}
        description={ct('topics.termsHint')}
        value={terms}
        onChange={(event) => setTerms(event.target.value)}
        error={errors.terms}
        rows={4}
        required
      />
      <TextAreaField
        id={`${prefix}exclusions`}
        label={ct('topics.exclusions')}
        description={ct('topics.exclusionsHint')}
        value={exclusions}
        onChange={(event) => setExclusions(event.target.value)}
        error={errors.exclusions}
        rows={3}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {busy ? ct('topics.saving') : ct('topics.save')}
        </Button>
        <Button type="button" appearance="subtle-button" onClick={onCancel}>
          {ct('topics.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
