import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  Button,
  Heading2,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { FeedbackResponse } from '../../api/types';
import { NPS_CATEGORIES } from '../../api/types';
import { eraseResponsePersonalData, exportResponses, listResponses, listSurveys } from '../../api/generated/feedback';
import { DataTable } from '../../components/DataTable';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import { FeedbackNav, ScoreBadge, useCanEdit } from './common';
import { categoryLabel, parsePage, parseResponseFilters, RESPONSES_PAGE, type ResponseFilters } from './feedback';

/** All responses with filters (survey, category, period), paging, and erasing personal data. */
export function ResponsesPage() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const canEdit = useCanEdit();
  const [params, setParams] = useSearchParams();
  const filters = parseResponseFilters(params);
  const page = parsePage(params.get('page'));
  const key = `responses:${slug}:${JSON.stringify(filters)}:${page}`;
  const responses = useApiData(key, (signal) =>
    listResponses({ slug }, { ...filters, limit: RESPONSES_PAGE, offset: (page - 1) * RESPONSES_PAGE }, { signal }),
  );
  const surveys = useApiData(`surveys:${slug}`, (signal) => listSurveys({ slug }, { signal }));
  const [erasing, setErasing] = useState<FeedbackResponse | null>(null);
  const [status, setStatus] = useState('');
  const items = responses.data?.items ?? [];

  const pageLink = (n: number) => {
    const next = new URLSearchParams(params);
    if (n <= 1) next.delete('page');
    else next.set('page', String(n));
    return `?${next.toString()}`;
  };

  return (
    <>
      <PageHeading title={t('feedback.responses.title')} />
      <FeedbackNav />
      <Paragraph>{t('feedback.responses.intro')}</Paragraph>
      <Filters
        filters={filters}
        surveys={surveys.data?.items.map((s) => ({ value: String(s.id), label: s.name })) ?? []}
        onApply={(next) => {
          const search = new URLSearchParams();
          if (next.survey_id) search.set('survey', String(next.survey_id));
          if (next.category) search.set('category', next.category);
          if (next.from) search.set('from', next.from);
          if (next.to) search.set('to', next.to);
          setParams(search);
        }}
      />
      <StatusMessage>{status}</StatusMessage>
      <div className="aantafel-actions">
        <a
          href={exportResponses({ slug }, { format: 'csv', survey_id: filters.survey_id, from: filters.from, to: filters.to })}
          download
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
        >
          {t('feedback.export.csv')}
        </a>
        <a
          href={exportResponses({ slug }, { format: 'xlsx', survey_id: filters.survey_id, from: filters.from, to: filters.to })}
          download
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
        >
          {t('feedback.export.xlsx')}
        </a>
      </div>
      {responses.error ? <ErrorAlert error={responses.error} /> : null}
      <div aria-busy={responses.loading || undefined}>
        {responses.loading && !responses.data ? <Loading /> : null}
        {responses.data && items.length === 0 ? <Paragraph>{t('feedback.responses.none')}</Paragraph> : null}
        {items.length > 0 ? (
          <DataTable
            caption={t('feedback.responses.caption', { page })}
            columns={[
              t('feedback.responses.when'),
              t('feedback.responses.score'),
              t('feedback.responses.survey'),
              t('feedback.why'),
              t('feedback.better'),
              t('feedback.responses.callback'),
              canEdit && t('common.actions'),
            ]}
          >
            {items.map((response) => (
              <ResponseRow key={response.id} response={response} canEdit={canEdit} onErase={() => setErasing(response)} />
            ))}
          </DataTable>
        ) : null}
        {responses.data && (page > 1 || responses.data.has_more) ? (
          <nav className="aantafel-pager" aria-label={t('feedback.responses.pages')}>
            {page > 1 ? (
              <Link to={pageLink(page - 1)} className="utrecht-link utrecht-link--html-a">
                {t('feedback.responses.previous')}
              </Link>
            ) : null}
            <span>{t('feedback.responses.page', { page })}</span>
            {responses.data.has_more ? (
              <Link to={pageLink(page + 1)} className="utrecht-link utrecht-link--html-a">
                {t('feedback.responses.next')}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </div>
      <ConfirmDialog
        open={erasing !== null}
        title={t('feedback.erase.title')}
        confirmLabel={t('feedback.erase.confirm')}
        busyLabel={t('common.deleting')}
        onCancel={() => setErasing(null)}
        onConfirm={async () => {
          if (!erasing) return;
          await eraseResponsePersonalData({ slug, response_id: erasing.id });
          setErasing(null);
          setStatus(t('feedback.erase.done'));
          await responses.reload();
        }}
      >
        {t('feedback.erase.body')}
      </ConfirmDialog>
    </>
  );
}

function ResponseRow({ response, canEdit, onErase }: { response: FeedbackResponse; canEdit: boolean; onErase: () => void }) {
  const { t, formatDateTime } = useI18n();
  return (
    <TableRow>
      <TableHeaderCell scope="row">
        <time dateTime={response.received_at}>{formatDateTime(response.received_at)}</time>
      </TableHeaderCell>
      <TableCell>
        <ScoreBadge response={response} />
      </TableCell>
      <TableCell>
        {response.survey_name}
        {response.team ? <span className="aantafel-meta"> · {response.team}</span> : null}
      </TableCell>
      <TableCell className="aantafel-pre-line">{response.why || '–'}</TableCell>
      <TableCell className="aantafel-pre-line">{response.better || '–'}</TableCell>
      <TableCell>{response.callback ? t('feedback.responses.yes') : t('feedback.responses.no')}</TableCell>
      {canEdit ? (
        <TableCell>
          <Button type="button" appearance="subtle-button" hint="danger" onClick={onErase}>
            {t('feedback.erase.button')}
            <span className="aantafel-visually-hidden"> {t('feedback.erase.of', { when: formatDateTime(response.received_at) })}</span>
          </Button>
        </TableCell>
      ) : null}
    </TableRow>
  );
}

function Filters({
  filters,
  surveys,
  onApply,
}: {
  filters: ResponseFilters;
  surveys: readonly { value: string; label: string }[];
  onApply: (filters: ResponseFilters) => void;
}) {
  const { t } = useI18n();
  const [survey, setSurvey] = useState(filters.survey_id ? String(filters.survey_id) : '');
  const [category, setCategory] = useState<string>(filters.category ?? '');
  const [from, setFrom] = useState(filters.from ?? '');
  const [to, setTo] = useState(filters.to ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(parseResponseFilters(new URLSearchParams({ survey, category, from, to })));
  }

  return (
    <form className="aantafel-filters" onSubmit={submit} aria-labelledby="response-filters-heading">
      <Heading2 id="response-filters-heading">{t('feedback.responses.filters')}</Heading2>
      <div className="aantafel-filters__fields">
        <SelectField
          id="filter-survey"
          label={t('feedback.responses.survey')}
          options={[{ value: '', label: t('feedback.responses.allSurveys') }, ...surveys]}
          value={survey}
          onChange={(event) => setSurvey(event.target.value)}
        />
        <SelectField
          id="filter-category"
          label={t('feedback.responses.category')}
          options={[
            { value: '', label: t('feedback.responses.allCategories') },
            ...NPS_CATEGORIES.map((c) => ({ value: c, label: t(categoryLabel(c)) })),
          ]}
          value={category}
          onChange={(event) => setCategory(event.target.value)}
        />
        <TextField id="filter-from" type="date" label={t('feedback.responses.from')} value={from} onChange={(event) => setFrom(event.target.value)} />
        <TextField id="filter-to" type="date" label={t('feedback.responses.to')} value={to} onChange={(event) => setTo(event.target.value)} />
      </div>
      <Button type="submit" appearance="secondary-action-button">
        {t('feedback.responses.apply')}
      </Button>
    </form>
  );
}
