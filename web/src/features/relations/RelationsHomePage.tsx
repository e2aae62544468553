import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { FollowUp, Interaction, Organisation } from '../../api/types';
import {
  exportAgreements,
  exportInteractions,
  getThisWeek,
  listInteractions,
  updateFollowUp,
} from '../../api/generated/relations';
import { listOrganisations } from '../../api/generated/whoiswho';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useApiData } from '../../components/useApiData';
import { DataTable } from '../../components/DataTable';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import { MailIntakePanel } from '../mail-intake/MailIntakePanel';
import { MailReviewPanel } from '../mail-intake/MailReviewPanel';
import { DueBadge, RelationsNav, useCanEdit, useHandedOverStatus, useRelationsBase } from './common';
import { dayAsDate } from './relations';
import { useRelationsText } from './texts';

const PAGE_SIZE = 25;

/** Area home: "Deze week", quick links and the list of contacts. */
export function RelationsHomePage() {
  const rt = useRelationsText();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const handedOver = useHandedOverStatus();
  const [status, setStatus] = useState(handedOver);
  const organisations = useApiData(`organisations:${slug}`, (signal) => listOrganisations({ slug }, { signal }));
  const orgs = organisations.data?.items ?? [];
  const canEdit = useCanEdit();
  // A filed e-mail (uploaded, or saved from the e-mail to check) is a new contact: the list below loads again.
  const [filed, setFiled] = useState(0);

  return (
    <>
      <PageHeading title={rt('title')} />
      <RelationsNav />
      <Paragraph>{rt('intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      <ThisWeek organisations={orgs} onStatus={setStatus} />
      <QuickLinks organisations={orgs} />
      {canEdit ? <MailIntakePanel onFiled={() => setFiled((n) => n + 1)} /> : null}
      <MailReviewPanel onFiled={() => setFiled((n) => n + 1)} />
      <InteractionList organisations={orgs} refresh={filed} />
    </>
  );
}

function orgName(organisations: readonly Organisation[], id: number | null): string {
  if (id === null) return '';
  return organisations.find((o) => o.id === id)?.name ?? '';
}

function ThisWeek({ organisations, onStatus }: { organisations: Organisation[]; onStatus: (s: string) => void }) {
  const rt = useRelationsText();
  const { formatDate } = useI18n();
  const { workspace } = useWorkspace();
  const base = useRelationsBase();
  const canEdit = useCanEdit();
  const week = useApiData(`this-week:${workspace.slug}`, (signal) => getThisWeek({ slug: workspace.slug }, { signal }));
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function markDone(followUp: FollowUp) {
    setBusy(followUp.id);
    setError(null);
    try {
      await updateFollowUp({ slug: workspace.slug, follow_up_id: followUp.id }, { done: true });
      await week.reload();
      onStatus(rt('week.doneStatus', { title: followUp.title }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  const data = week.data;
  return (
    <section className="aantafel-card" aria-labelledby="this-week-heading">
      <Heading2 id="this-week-heading">{rt('week.title')}</Heading2>
      {week.error ? <ErrorAlert error={week.error} /> : null}
      {error ? <ErrorAlert error={error} /> : null}
      {!data && week.loading ? <Loading /> : null}
      {data ? (
        <>
          <Paragraph>{rt('week.intro', { today: formatDate(dayAsDate(data.today)) })}</Paragraph>
          {data.follow_ups.length === 0 && data.agreements.length === 0 ? <Paragraph>{rt('week.empty')}</Paragraph> : null}
          {data.follow_ups.length > 0 ? (
            <>
              <Heading3>{rt('week.followUps')}</Heading3>
              <ul className="aantafel-relations-list" aria-label={rt('week.followUps')}>
                {data.follow_ups.map((f) => (
                  <li key={f.id} className={f.overdue ? 'aantafel-relations-item aantafel-relations-item--overdue' : 'aantafel-relations-item'}>
                    <span className="aantafel-relations-item__title">{f.title}</span>{' '}
                    <DueBadge dueOn={f.due_on} today={data.today} />
                    {f.interaction_id !== null ? (
                      <>
                        {' '}
                        <Link to={`${base}/${f.interaction_id}`} className="utrecht-link utrecht-link--html-a">
                          {rt('timeline.interaction')}
                        </Link>
                      </>
                    ) : null}
                    {canEdit ? (
                      <>
                        {' '}
                        <Button
                          type="button"
                          appearance="subtle-button"
                          busy={busy === f.id}
                          onClick={() => void markDone(f)}
                        >
                          {rt('week.markDone', { title: f.title })}
                        </Button>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {data.agreements.length > 0 ? (
            <>
              <Heading3>{rt('week.agreements')}</Heading3>
              <ul className="aantafel-relations-list" aria-label={rt('week.agreements')}>
                {data.agreements.map((a) => (
                  <li key={a.id} className={a.overdue ? 'aantafel-relations-item aantafel-relations-item--overdue' : 'aantafel-relations-item'}>
                    <Link to={`${base}/agreements/${a.id}`} className="utrecht-link utrecht-link--html-a">
                      {a.title}
                    </Link>{' '}
                    <span className="aantafel-meta">
                      {a.organisation_ids.map((id) => orgName(organisations, id)).filter(Boolean).join(', ')}
                    </span>{' '}
                    <DueBadge dueOn={a.due_on} today={data.today} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function QuickLinks({ organisations }: { organisations: Organisation[] }) {
  const rt = useRelationsText();
  const { workspace } = useWorkspace();
  const base = useRelationsBase();
  const navigate = useNavigate();
  const municipalities = organisations.filter((o) => o.kind === 'municipality');
  const [chosen, setChosen] = useState('');
  const value = chosen || (municipalities[0] ? String(municipalities[0].id) : '');

  function go(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (value) navigate(`${base}/organisations/${value}`);
  }

  return (
    <section className="aantafel-section" aria-labelledby="quick-heading">
      <Heading2 id="quick-heading">{rt('quick.title')}</Heading2>
      {municipalities.length > 0 ? (
        <form className="aantafel-inline-form" onSubmit={go} aria-label={rt('quick.health')}>
          <SelectField
            id="relations-health-pick"
            label={rt('quick.healthPick')}
            options={municipalities.map((m) => ({ value: String(m.id), label: m.name }))}
            value={value}
            onChange={(event) => setChosen(event.target.value)}
          />
          <Button type="submit" appearance="secondary-action-button">
            {rt('quick.healthGo')}
          </Button>
        </form>
      ) : null}
      <div className="aantafel-actions">
        <a href={exportInteractions({ slug: workspace.slug }, { format: 'csv' })} download className="utrecht-link utrecht-link--html-a">
          {rt('quick.exportInteractions')}
        </a>
        <a href={exportAgreements({ slug: workspace.slug }, { format: 'csv' })} download className="utrecht-link utrecht-link--html-a">
          {rt('quick.exportAgreements')}
        </a>
      </div>
    </section>
  );
}

interface ListFilter {
  organisation_id: string;
  from: string;
  to: string;
}

function InteractionList({ organisations, refresh }: { organisations: Organisation[]; refresh: number }) {
  const rt = useRelationsText();
  const { formatDateTime } = useI18n();
  const { workspace } = useWorkspace();
  const base = useRelationsBase();
  const [draft, setDraft] = useState<ListFilter>({ organisation_id: '', from: '', to: '' });
  const [filter, setFilter] = useState<ListFilter>(draft);
  const [items, setItems] = useState<Interaction[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [offset, setOffset] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    listInteractions(
      { slug: workspace.slug },
      {
        organisation_id: filter.organisation_id ? Number(filter.organisation_id) : undefined,
        from: filter.from || undefined,
        to: filter.to || undefined,
        limit: PAGE_SIZE,
        offset,
      },
      { signal: controller.signal },
    )
      .then((page) => {
        setItems((previous) => (offset === 0 ? page.items : [...previous, ...page.items]));
        setHasMore(page.has_more);
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(caught);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [workspace.slug, filter, offset, refresh]);

  // Something was added elsewhere on the page: back to the first page, newest first.
  useEffect(() => {
    if (refresh > 0) setOffset(0);
  }, [refresh]);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOffset(0);
    setFilter({ ...draft });
  }

  return (
    <section className="aantafel-section" aria-labelledby="interactions-heading">
      <Heading2 id="interactions-heading">{rt('list.title')}</Heading2>
      <form className="aantafel-filters" onSubmit={apply} aria-label={rt('list.filters')}>
        <SelectField
          id="interactions-filter-organisation"
          label={rt('list.organisation')}
          options={[
            { value: '', label: rt('list.allOrganisations') },
            ...organisations.map((o) => ({ value: String(o.id), label: o.name })),
          ]}
          value={draft.organisation_id}
          onChange={(event) => setDraft((d) => ({ ...d, organisation_id: event.target.value }))}
        />
        <TextField
          id="interactions-filter-from"
          type="date"
          label={rt('list.from')}
          value={draft.from}
          onChange={(event) => setDraft((d) => ({ ...d, from: event.target.value }))}
        />
        <TextField
          id="interactions-filter-to"
          type="date"
          label={rt('list.to')}
          value={draft.to}
          onChange={(event) => setDraft((d) => ({ ...d, to: event.target.value }))}
        />
        <Button type="submit" appearance="secondary-action-button">
          {rt('list.apply')}
        </Button>
      </form>
      {error ? <ErrorAlert error={error} /> : null}
      {loading && items.length === 0 ? <Loading /> : null}
      {!loading && items.length === 0 && !error ? <Paragraph>{rt('list.empty')}</Paragraph> : null}
      {items.length > 0 ? (
        <DataTable
          caption={rt('list.caption')}
          columns={[rt('list.date'), rt('list.subject'), rt('list.kind'), rt('list.organisation'), rt('list.stance')]}
        >
          {items.map((i) => (
            <tr key={i.id} className="utrecht-table__row">
              <td className="utrecht-table__cell">{formatDateTime(i.occurred_at)}</td>
              <td className="utrecht-table__cell">
                <Link to={`${base}/${i.id}`} className="utrecht-link utrecht-link--html-a">
                  {i.subject}
                </Link>
              </td>
              <td className="utrecht-table__cell">{rt(`kind.${i.kind}`)}</td>
              <td className="utrecht-table__cell">
                {i.organisation_id !== null ? (
                  <Link to={`${base}/organisations/${i.organisation_id}`} className="utrecht-link utrecht-link--html-a">
                    {orgName(organisations, i.organisation_id)}
                  </Link>
                ) : (
                  rt('common.none')
                )}
              </td>
              <td className="utrecht-table__cell">{rt(`stance.${i.stance}`)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {items.length > 0 ? <Paragraph className="aantafel-meta">{rt('list.count', { count: items.length })}</Paragraph> : null}
      {hasMore ? (
        <Button type="button" appearance="secondary-action-button" busy={loading} onClick={() => setOffset(items.length)}>
          {rt('list.more')}
        </Button>
      ) : null}
    </section>
  );
}
