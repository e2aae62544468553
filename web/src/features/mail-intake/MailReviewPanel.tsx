/**
 * Dossiermail by forwarding: colleagues forward e-mail to the workspace's dossier address (or put
 * it in BCC), and the server files it as a contact by itself. A message in which it found nobody
 * from Wie is wie waits here to be checked (GET/POST/DELETE …/mail-intake/reviews, tag
 * "mail-intake" in api/openapi.yaml). Every member sees the address and what waits; editors and
 * owners save a message as a contact (then it shows the same result line as an uploaded .eml) or
 * throw it away after a question. Focus then goes to the next message, else to the heading.
 */
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { Button, DataList, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { Check } from 'lucide-react';
import { isApiError } from '../../api/client';
import { discardMailReview, fileMailReview, listMailReviews } from '../../api/generated/mail-intake';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { Icon } from '../../components/Icon';
import { withCode } from '../../components/publicAddress/withCode';
import { StatusMessage } from '../../components/StatusMessage';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { useCanEdit, useWorkspace } from '../shell/workspaceContext';
import { AddPersonLink, FilingDetail } from './FilingDetail';
import { addressOwner, reviewDate, unmatchedLabel, type MailFiling, type MailReview, type MailReviewAddress } from './mailIntake';
import { useMailIntakeText, type MailIntakeText } from './texts';
import '../../components/fileDrop.css';
import './mailIntake.css';

export interface MailReviewPanelProps {
  /** Called after a waiting message became a new contact. */
  onFiled: () => void;
}

/** A message saved from the list, shown with what the server made of it. */
interface Saved {
  id: number;
  subject: string;
  filing: MailFiling;
}

const HEADING_ID = 'mail-review-heading';
const itemHeadingId = (id: number) => `mail-review-${id}-heading`;
const discardButtonId = (id: number) => `mail-review-${id}-discard`;

export function MailReviewPanel({ onFiled }: MailReviewPanelProps) {
  const mt = useMailIntakeText();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const canEdit = useCanEdit();
  const reviews = useApiData(`mail-reviews:${slug}`, (signal) => listMailReviews({ slug }, { signal }));
  const [announcement, setAnnouncement] = useState('');
  const [saved, setSaved] = useState<Saved[]>([]);
  const [filing, setFiling] = useState<number | null>(null);
  const [discarding, setDiscarding] = useState<MailReview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const data = reviews.data;
  const items = data?.items ?? [];
  const subjectOf = (review: MailReview) => review.subject || mt('review.noSubject');

  /**
   * After a message left the list: focus on the one that came after it (or before it, for the
   * last), once the list is drawn again; on the heading when none is left.
   */
  function focusAfter(gone: MailReview, before: readonly MailReview[]) {
    const index = before.findIndex((r) => r.id === gone.id);
    const next = before[index + 1] ?? before[index - 1];
    requestAnimationFrame(() => {
      const target = next ? document.getElementById(itemHeadingId(next.id)) : null;
      (target ?? headingRef.current)?.focus();
    });
  }

  async function file(review: MailReview) {
    if (filing !== null) return;
    const before = items;
    setFiling(review.id);
    setError(null);
    setAnnouncement('');
    try {
      const result = await fileMailReview({ slug, review_id: review.id });
      setSaved((list) => [{ id: review.id, subject: subjectOf(review), filing: result }, ...list]);
      if (!result.already_filed) onFiled();
      await reviews.reload();
      setAnnouncement(mt(result.already_filed ? 'review.already' : 'review.filed', { subject: subjectOf(review) }));
      focusAfter(review, before);
    } catch (caught) {
      setError(caught);
      // Someone else checked it in the meantime: show the list as it is now.
      if (isApiError(caught) && caught.status === 404) await reviews.reload();
    } finally {
      setFiling(null);
    }
  }

  async function discard(review: MailReview) {
    const before = items;
    await discardMailReview({ slug, review_id: review.id });
    setDiscarding(null);
    await reviews.reload();
    setAnnouncement(mt('review.discarded', { subject: subjectOf(review) }));
    focusAfter(review, before);
  }

  if (!data) {
    // Nothing to show until the list is there; a failure to load is said like elsewhere.
    if (!reviews.error) return null;
    return (
      <section className="aantafel-card aantafel-mail-review" aria-labelledby={HEADING_ID}>
        <Heading2 id={HEADING_ID}>{mt('review.title')}</Heading2>
        <ErrorAlert error={reviews.error} />
      </section>
    );
  }
  // No mailbox and nothing waits (nor was just saved here): the panel says nothing.
  if (!data.address && items.length === 0 && saved.length === 0) return null;

  return (
    <section className="aantafel-card aantafel-mail-review" aria-labelledby={HEADING_ID}>
      <Heading2 id={HEADING_ID} ref={headingRef} tabIndex={-1} className="aantafel-focus-target">
        {data.total > 0 ? mt('review.titleCount', { count: data.total }) : mt('review.title')}
      </Heading2>
      {data.address ? <DossierAddress address={data.address} mt={mt} onStatus={setAnnouncement} /> : null}
      <StatusMessage>{announcement}</StatusMessage>
      {error ? <ErrorAlert error={error} /> : null}
      {reviews.error ? <ErrorAlert error={reviews.error} /> : null}
      {saved.length > 0 ? (
        <ul className="aantafel-file-progress aantafel-mail-review__saved" aria-label={mt('review.results')}>
          {saved.map((s) => (
            <li key={s.id} className="aantafel-file-progress__item aantafel-file-progress__item--done">
              <Icon icon={Check} className="aantafel-file-progress__icon" />
              <div>
                <span className="aantafel-file-progress__name">{s.subject}</span>:{' '}
                {s.filing.already_filed ? mt('upload.already') : mt('upload.done')}
                <div className="aantafel-file-progress__detail">
                  <FilingDetail filing={s.filing} mt={mt} />
                </div>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {items.length === 0 ? (
        <Paragraph>{mt('review.none')}</Paragraph>
      ) : (
        <>
          <Paragraph>{canEdit ? mt('review.intro') : mt('review.introViewer')}</Paragraph>
          {data.total > items.length ? (
            <Paragraph className="aantafel-meta">{mt('review.more', { shown: items.length, total: data.total })}</Paragraph>
          ) : null}
          <ul className="aantafel-cards aantafel-mail-review__list" aria-label={mt('review.list')} aria-busy={reviews.loading || undefined}>
            {items.map((review) => {
              const subject = subjectOf(review);
              return (
                <li key={review.id} className="aantafel-cards__item">
                  <Heading3 id={itemHeadingId(review.id)} tabIndex={-1} className="aantafel-focus-target aantafel-mail-review__subject">
                    {subject}
                  </Heading3>
                  <ReviewFacts review={review} mt={mt} />
                  {canEdit ? (
                    <div className="aantafel-row-actions">
                      <Button
                        type="button"
                        appearance="secondary-action-button"
                        busy={filing === review.id}
                        aria-disabled={filing !== null || undefined}
                        onClick={() => void file(review)}
                      >
                        {filing === review.id ? mt('review.filing') : mt('review.file')}
                        <span className="aantafel-visually-hidden">: {subject}</span>
                      </Button>
                      <Button
                        id={discardButtonId(review.id)}
                        type="button"
                        appearance="subtle-button"
                        hint="danger"
                        disabled={filing === review.id}
                        onClick={() => {
                          setError(null);
                          setAnnouncement('');
                          setDiscarding(review);
                        }}
                      >
                        {mt('review.discard')}
                        <span className="aantafel-visually-hidden">: {subject}</span>
                      </Button>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {canEdit ? (
        <ConfirmDialog
          open={discarding !== null}
          title={mt('review.discardTitle', { subject: discarding ? subjectOf(discarding) : '' })}
          confirmLabel={mt('review.discard')}
          busyLabel={mt('review.discarding')}
          onConfirm={() => (discarding ? discard(discarding) : undefined)}
          onCancel={() => {
            const id = discarding?.id;
            setDiscarding(null);
            if (id !== undefined) requestAnimationFrame(() => document.getElementById(discardButtonId(id))?.focus());
          }}
        >
          {mt('review.discardBody')}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

/**
 * The sentence with the dossier address, selectable, and a button that copies it (without
 * clipboard access it selects the address, so Ctrl+C works, and says so).
 */
function DossierAddress({ address, mt, onStatus }: { address: string; mt: MailIntakeText; onStatus: (text: string) => void }) {
  const sentenceRef = useRef<HTMLParagraphElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(address);
      onStatus(mt('review.copied'));
    } catch {
      const code = sentenceRef.current?.querySelector('code');
      if (code) window.getSelection()?.selectAllChildren(code);
      onStatus(mt('review.copyManually'));
    }
  }

  return (
    <div className="aantafel-mail-review__address">
      <Paragraph ref={sentenceRef}>{withCode(mt('review.address'), { address })}</Paragraph>
      <Button type="button" appearance="secondary-action-button" onClick={() => void copy()}>
        {mt('review.copy')}
      </Button>
    </div>
  );
}

/** Whether the colleague who sent it to the dossier is its sender (BCC or Cc, not a forward). */
function sentBySender(review: MailReview): boolean {
  const by = review.forwarded_by;
  const from = review.from;
  if (!by || !from) return false;
  return review.addresses.some((a) => a.address === from.address && a.user_id === by.user_id);
}

/** Who sent it, when, who forwarded it, the start of its text, its files and its addresses. */
function ReviewFacts({ review, mt }: { review: MailReview; mt: MailIntakeText }) {
  const { formatDateTime } = useI18n();
  const date = reviewDate(review);
  return (
    <DataList className="aantafel-facts aantafel-mail-review__facts">
      <Fact label={mt('review.from')}>{review.from ? unmatchedLabel(review.from) : mt('review.nobody')}</Fact>
      <Fact label={date.sent ? mt('review.sentAt') : mt('review.receivedAt')}>
        <time dateTime={date.at}>{formatDateTime(date.at)}</time>
      </Fact>
      {sentBySender(review) ? null : (
        <Fact label={mt('review.forwardedBy')}>{review.forwarded_by ? review.forwarded_by.name : mt('review.formerMember')}</Fact>
      )}
      {review.preview ? (
        <Fact label={mt('review.text')} valueClassName="aantafel-pre-line aantafel-mail-review__preview">
          {review.preview}
        </Fact>
      ) : null}
      {review.files.length > 0 ? (
        <Fact label={mt('review.files')}>
          <ul className="aantafel-plain-list">
            {review.files.map((name, index) => (
              <li key={`${index}:${name}`}>{name}</li>
            ))}
          </ul>
        </Fact>
      ) : null}
      {review.addresses.length > 0 ? (
        <Fact label={mt('review.addresses')}>
          <ul className="aantafel-plain-list">
            {review.addresses.map((entry) => (
              <li key={entry.address}>
                <AddressLine entry={entry} mt={mt} />
              </li>
            ))}
          </ul>
        </Fact>
      ) : null}
    </DataList>
  );
}

/** A person of Wie is wie (a link to that person), a colleague, or nobody (a link that adds the person). */
function AddressLine({ entry, mt }: { entry: MailReviewAddress; mt: MailIntakeText }) {
  const { workspace } = useWorkspace();
  const owner = addressOwner(entry);
  if (owner.kind === 'person') {
    return (
      <>
        <Link to={`/w/${encodeURIComponent(workspace.slug)}/people/${owner.id}`} className="utrecht-link utrecht-link--html-a">
          {owner.name}
        </Link>{' '}
        <span className="aantafel-meta">({entry.address})</span>
      </>
    );
  }
  if (owner.kind === 'colleague') return <>{mt('review.colleague', { who: unmatchedLabel(entry) })}</>;
  return <AddPersonLink entry={entry} mt={mt} />;
}
