import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { api } from '../../api/client';
import type { Callback, CallbackStatus } from '../../api/types';
import { CALLBACK_STATUSES } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextAreaField } from '../../components/TextAreaField';
import { useI18n } from '../../i18n/I18nProvider';
import { useCurrentSession } from '../auth/session';
import { categoryOf, callbackStatusLabel } from './feedback';
import { ScoreBadge, useCanEdit } from './common';

/** The open and called callback tasks, due first; overdue ones are flagged with their due time. */
export function CallbacksSection({
  slug,
  callbacks,
  loading,
  error,
  onChanged,
}: {
  slug: string;
  callbacks: readonly Callback[];
  loading: boolean;
  error: unknown;
  onChanged: (callback: Callback) => void;
}) {
  const { t } = useI18n();
  const [status, setStatus] = useState('');
  return (
    <section className="aantafel-section" aria-labelledby="callbacks-heading">
      <Heading2 id="callbacks-heading">{t('feedback.callbacks.title')}</Heading2>
      <Paragraph>{t('feedback.callbacks.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      {error ? <ErrorAlert error={error} /> : null}
      {loading ? <Loading /> : null}
      {!loading && callbacks.length === 0 ? <Paragraph>{t('feedback.callbacks.none')}</Paragraph> : null}
      <ul className="aantafel-plain-list aantafel-callbacks" aria-label={t('feedback.callbacks.listLabel')}>
        {callbacks.map((callback) => (
          <CallbackCard
            key={callback.id}
            slug={slug}
            callback={callback}
            onChanged={(changed, message) => {
              onChanged(changed);
              setStatus(message);
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
      const changed = await api.updateCallback(slug, callback.id, { status: statusValue, notes, outcome });
      onChanged(changed, t('feedback.callbacks.saved', { status: t(callbackStatusLabel(changed.status)) }));
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
      const changed = await api.updateCallback(slug, callback.id, { assignee_id: session.user.id });
      onChanged(changed, t('feedback.callbacks.assigned'));
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
      const result = await api.revealCallbackPhone(slug, callback.id);
      setPhone(result.phone);
    } catch (caught) {
      setError(caught);
    } finally {
      setPhoneBusy(false);
    }
  }

  return (
    <li className={callback.overdue ? 'aantafel-card aantafel-callback aantafel-callback--overdue' : 'aantafel-card aantafel-callback'}>
      <Heading3 id={headingId}>
        {t('feedback.callbacks.cardTitle', { survey: callback.survey_name, score: callback.score })}
      </Heading3>
      <p>
        <ScoreBadge response={{ score: callback.score, category }} />{' '}
        <span className="aantafel-badge aantafel-badge--muted">{t(callbackStatusLabel(callback.status))}</span>{' '}
        {callback.overdue ? (
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
      <p className="aantafel-meta">
        {callback.assignee
          ? t('feedback.callbacks.assignee', { name: mine ? t('feedback.callbacks.you') : callback.assignee.name })
          : t('feedback.callbacks.unassigned')}
      </p>
      {error ? <ErrorAlert error={error} /> : null}
      {canEdit ? (
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
        </>
      ) : null}
    </li>
  );
}
