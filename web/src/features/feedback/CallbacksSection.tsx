import { useRef, useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { Callback, CallbackStatus } from '../../api/types';
import { CALLBACK_STATUSES } from '../../api/types';
import { listCallbacks, revealCallbackPhone, updateCallback } from '../../api/generated/feedback';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextAreaField } from '../../components/TextAreaField';
import type { MessageKey } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';
import { announceActNowChange } from '../notifications/changes';
import { useCurrentSession } from '../auth/session';
import {
  CALLBACK_VIEWS,
  callbackFilters,
  callbackStatusLabel,
  categoryOf,
  inCallbackView,
  isClosedCallback,
  parseCallbackView,
  sortCallbacks,
  type CallbackView,
} from './feedback';
import { ScoreBadge, useCanEdit } from './common';

/** Loads the callbacks of a view (all closed ones: the three outcomes together), in the view's order. */
export async function loadCallbacks(
  slug: string,
  view: CallbackView,
  signal: AbortSignal,
): Promise<{ view: CallbackView; items: Callback[] }> {
  const lists = await Promise.all(callbackFilters(view).map((filter) => listCallbacks({ slug }, { status: filter }, { signal })));
  return { view, items: sortCallbacks(lists.flatMap((list) => list.items), view) };
}

/** The words of each view in the filter: "Open: nog bellen", "Afgerond: bereikt", … */
const VIEW_LABELS: Record<CallbackView, MessageKey> = {
  active: 'feedback.callbacks.view.active',
  closed: 'feedback.callbacks.view.closed',
  done: 'feedback.callbacks.view.done',
  unreachable: 'feedback.callbacks.view.unreachable',
  not_needed: 'feedback.callbacks.view.not_needed',
};

/**
 * The callback tasks. By default the open and called ones, due first; overdue ones are flagged
 * with their due time. A filter shows the closed ones too (all, or one outcome), the most recently
 * changed first, each with how it ended and the outcome written down.
 */
export function CallbacksSection({
  slug,
  view,
  onViewChange,
  callbacks,
  loading,
  error,
  onChanged,
}: {
  slug: string;
  view: CallbackView;
  onViewChange: (view: CallbackView) => void;
  callbacks: readonly Callback[];
  loading: boolean;
  error: unknown;
  onChanged: (callback: Callback) => void;
}) {
  const { t } = useI18n();
  const [status, setStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const closedView = view !== 'active';
  const count = callbacks.length;
  return (
    <section className="aantafel-section" aria-labelledby="callbacks-heading">
      <Heading2 id="callbacks-heading" ref={headingRef} tabIndex={-1}>
        {t('feedback.callbacks.title')}
      </Heading2>
      <Paragraph>{t('feedback.callbacks.intro')}</Paragraph>
      <SelectField
        id="callbacks-view"
        label={t('feedback.callbacks.viewLabel')}
        className="aantafel-inline-form"
        options={CALLBACK_VIEWS.map((v) => ({ value: v, label: t(VIEW_LABELS[v]) }))}
        value={view}
        onChange={(event) => {
          setStatus('');
          onViewChange(parseCallbackView(event.target.value));
        }}
      />
      <StatusMessage>{status}</StatusMessage>
      {error ? <ErrorAlert error={error} /> : null}
      {loading ? <Loading /> : null}
      {/* Always there, so a screen reader hears the new count after choosing another view. */}
      <p className="aantafel-meta" role="status" data-testid="callbacks-count">
        {loading || error
          ? ''
          : count === 0
            ? t(closedView ? 'feedback.callbacks.noneClosed' : 'feedback.callbacks.none')
            : count === 1
              ? t(closedView ? 'feedback.callbacks.countClosed1' : 'feedback.callbacks.count1')
              : t(closedView ? 'feedback.callbacks.countClosed' : 'feedback.callbacks.count', { count })}
      </p>
      <ul
        className="aantafel-plain-list aantafel-callbacks"
        aria-label={t(closedView ? 'feedback.callbacks.listLabelClosed' : 'feedback.callbacks.listLabel')}
        aria-busy={loading || undefined}
      >
        {loading
          ? null
          : callbacks.map((callback) => (
              <CallbackCard
                key={callback.id}
                slug={slug}
                callback={callback}
                onChanged={(changed, message) => {
                  onChanged(changed);
                  setStatus(message);
                  // Left the list (closed, or reopened in a list of closed ones): keep the keyboard's place.
                  if (!inCallbackView(changed, view)) headingRef.current?.focus();
                }}
              />
            ))}
      </ul>
    </section>
  );
}

function CallbackCard({
  slug,
  callback,
  onChanged,
}: {
  slug: string;
  callback: Callback;
  onChanged: (callback: Callback, message: string) => void;
}) {
  const { t, formatDateTime } = useI18n();
  const closed = isClosedCallback(callback);
  const canEdit = useCanEdit();
  const session = useCurrentSession();
  const [statusValue, setStatusValue] = useState<CallbackStatus>(callback.status);
  const [notes, setNotes] = useState(callback.notes);
  const [outcome, setOutcome] = useState(callback.outcome);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [phone, setPhone] = useState<string | null | undefined>(undefined);
  const [phoneBusy, setPhoneBusy] = useState(false);
  const headingId = `callback-${callback.id}-heading`;
  const category = categoryOf(callback.score);
  const due = formatDateTime(callback.due_at);
  const mine = callback.assignee?.id === session.user.id;

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const changed = await updateCallback({ slug, callback_id: callback.id }, { status: statusValue, notes, outcome });
      onChanged(changed, t('feedback.callbacks.saved', { status: t(callbackStatusLabel(changed.status)) }));
      // The notifications in the header: a closed callback leaves "Nu doen" at once.
      announceActNowChange(isClosedCallback(changed) ? { slug, closedCallbackId: changed.id } : { slug });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function assignToMe() {
    setBusy(true);
    setError(null);
    try {
      const changed = await updateCallback({ slug, callback_id: callback.id }, { assignee_id: session.user.id });
      onChanged(changed, t('feedback.callbacks.assigned'));
      announceActNowChange({ slug });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function reveal() {
    setPhoneBusy(true);
    setError(null);
    try {
      const result = await revealCallbackPhone({ slug, callback_id: callback.id });
      setPhone(result.phone);
    } catch (caught) {
      setError(caught);
    } finally {
      setPhoneBusy(false);
    }
  }

  const form = (
    <form onSubmit={(event) => void save(event)} aria-label={t('feedback.callbacks.formLabel', { survey: callback.survey_name, score: callback.score })}>
      <SelectField
        id={`callback-${callback.id}-status`}
        label={t('feedback.callbacks.statusLabel')}
        options={CALLBACK_STATUSES.map((s) => ({ value: s, label: t(callbackStatusLabel(s)) }))}
        value={statusValue}
        onChange={(event) => setStatusValue(event.target.value as CallbackStatus)}
      />
      <TextAreaField
        id={`callback-${callback.id}-notes`}
        label={t('feedback.callbacks.notes')}
        description={t('feedback.callbacks.notesHint')}
        value={notes}
        maxLength={4000}
        rows={3}
        onChange={(event) => setNotes(event.target.value)}
      />
      <TextAreaField
        id={`callback-${callback.id}-outcome`}
        label={t('feedback.callbacks.outcome')}
        value={outcome}
        maxLength={1000}
        rows={2}
        onChange={(event) => setOutcome(event.target.value)}
      />
      <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
        {busy ? t('common.saving') : t('feedback.callbacks.save')}
      </Button>
    </form>
  );

  return (
    <li className={callback.overdue ? 'aantafel-card aantafel-callback aantafel-callback--overdue' : 'aantafel-card aantafel-callback'}>
      <Heading3 id={headingId}>
        {t('feedback.callbacks.cardTitle', { survey: callback.survey_name, score: callback.score })}
      </Heading3>
      <p>
        <ScoreBadge response={{ score: callback.score, category }} />{' '}
        <span className="aantafel-badge aantafel-badge--muted">
          {closed
            ? t('feedback.callbacks.closedAs', { status: t(callbackStatusLabel(callback.status)) })
            : t(callbackStatusLabel(callback.status))}
        </span>{' '}
        {closed ? (
          <span className="aantafel-meta">{t('feedback.callbacks.updated', { date: formatDateTime(callback.updated_at) })}</span>
        ) : callback.overdue ? (
          <span className="aantafel-badge aantafel-badge--alert">{t('feedback.callbacks.overdue', { due })}</span>
        ) : (
          <span className="aantafel-meta">{t('feedback.callbacks.due', { due })}</span>
        )}
      </p>
      {callback.team ? <p className="aantafel-meta">{t('feedback.callbacks.team', { team: callback.team })}</p> : null}
      {callback.why ? (
        <p>
          <strong>{t('feedback.why')}</strong> {callback.why}
        </p>
      ) : null}
      {callback.better ? (
        <p>
          <strong>{t('feedback.better')}</strong> {callback.better}
        </p>
      ) : null}
      {closed ? (
        callback.outcome.trim() ? (
          <p className="aantafel-callback__outcome" data-testid="callback-outcome">
            <strong>{t('feedback.callbacks.outcomeShown')}</strong> {callback.outcome}
          </p>
        ) : (
          <p className="aantafel-meta" data-testid="callback-outcome">
            {t('feedback.callbacks.noOutcome')}
          </p>
        )
      ) : null}
      {closed ? (
        callback.assignee ? (
          <p className="aantafel-meta">
            {t('feedback.callbacks.calledBy', { name: mine ? t('feedback.callbacks.you') : callback.assignee.name })}
          </p>
        ) : null
      ) : (
        <p className="aantafel-meta">
          {callback.assignee
            ? t('feedback.callbacks.assignee', { name: mine ? t('feedback.callbacks.you') : callback.assignee.name })
            : t('feedback.callbacks.unassigned')}
        </p>
      )}
      {error ? <ErrorAlert error={error} /> : null}
      {canEdit && closed ? (
        // A closed callback: the form behind "Wijzigen of weer openzetten" (a native disclosure).
        <details className="aantafel-callback__edit">
          <summary>
            {t('feedback.callbacks.edit')}
            <span className="aantafel-visually-hidden">
              {': '}
              {t('feedback.callbacks.cardTitle', { survey: callback.survey_name, score: callback.score })}
            </span>
          </summary>
          {form}
        </details>
      ) : null}
      {canEdit && !closed ? (
        <>
          <ButtonGroup>
            {!mine ? (
              <Button type="button" appearance="secondary-action-button" disabled={busy} onClick={() => void assignToMe()}>
                {t('feedback.callbacks.assignToMe')}
              </Button>
            ) : null}
            {callback.has_phone && phone === undefined ? (
              <Button type="button" appearance="secondary-action-button" busy={phoneBusy} disabled={phoneBusy} onClick={() => void reveal()}>
                {t('feedback.callbacks.revealPhone')}
              </Button>
            ) : null}
          </ButtonGroup>
          {phone !== undefined ? (
            <div className="aantafel-phone" role="status">
              {phone ? (
                <Paragraph>
                  {t('feedback.callbacks.phone')}{' '}
                  <a href={`tel:${phone.replace(/[^+\d]/g, '')}`} className="utrecht-link utrecht-link--html-a aantafel-phone__number">
                    {phone}
                  </a>
                </Paragraph>
              ) : (
                <Paragraph>{t('feedback.callbacks.phoneGone')}</Paragraph>
              )}
              <Paragraph className="aantafel-meta">{t('feedback.callbacks.phoneLogged')}</Paragraph>
            </div>
          ) : null}
          {!callback.has_phone ? <Paragraph className="aantafel-meta">{t('feedback.callbacks.noPhone')}</Paragraph> : null}
          {form}
        </>
      ) : null}
    </li>
  );
}
