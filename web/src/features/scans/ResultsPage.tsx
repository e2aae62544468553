import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { isApiError } from '../../api/client';
import { agreementFromScan, getScanResults, listScanTemplates } from '../../api/generated/scans';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { StatusMessage } from '../../components/StatusMessage';
import { useApiData } from '../../components/useApiData';
import { TableScroll } from '../../components/TableScroll';
import { DataTable } from '../../components/DataTable';
import { LOCALES } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';
import { NotFoundContent } from '../shell/NotFoundPage';
import { useWorkspace } from '../shell/workspaceContext';
import { WidePage } from '../shell/WidePage';
import { idParam, ScansNav, useCanEdit, useScansBase } from './common';
import { DimensionChart } from './DimensionChart';
import {
  buildResultsView,
  changeDirection,
  findTemplate,
  formatChange,
  formatScore,
  type ResultsView,
  type StatementRow,
} from './scans';
import { useScansText, type ScansKey } from './texts';

/** The results of a scan: privacy rule, gaps first, chart per dimension, all statements, steps, comments, change. */
export function ResultsPage() {
  const { scanId } = useParams();
  const id = idParam(scanId);
  if (id === null) return <NotFoundContent />;
  return <Results key={id} id={id} />;
}

function Results({ id }: { id: number }) {
  const st = useScansText();
  const { language } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const base = useScansBase();
  const results = useApiData(`scan-results:${slug}:${id}`, (signal) => getScanResults({ slug, scan_id: id }, { signal }));
  const templates = useApiData(`scan-templates:${slug}`, (signal) => listScanTemplates({ slug }, { signal }));
  if (results.error && isApiError(results.error) && results.error.status === 404) return <NotFoundContent />;
  const r = results.data;
  const template = r ? findTemplate(templates.data, r.scan.template_id) : undefined;
  const view = r && templates.data ? buildResultsView(r, template, language) : undefined;
  return (
    <WidePage>
      <PageHeading title={r ? st('results.title', { title: r.scan.title }) : st('results.pageTitle')} />
      <ScansNav />
      <p>
        <Link to={`${base}/${id}`} className="utrecht-link utrecht-link--html-a">
          {st('results.back')}
        </Link>
      </p>
      {results.error ? <ErrorAlert error={results.error} /> : null}
      {templates.error ? <ErrorAlert error={templates.error} /> : null}
      {!view && !results.error && !templates.error ? <Loading /> : null}
      {r && view ? (
        <>
          <Paragraph className="aantafel-meta">
            {r.scan.collaboration} · {r.scan.template_title}
          </Paragraph>
          {!view.shown ? (
            <Alert type="info">
              <Paragraph className="aantafel-alert-title">{st('results.notYetTitle')}</Paragraph>
              <Paragraph>
                {st('results.notYet', { answered: r.scan.answered, invited: r.scan.invited, min: view.minRespondents })}
              </Paragraph>
            </Alert>
          ) : (
            <ShownResults view={view} scanId={id} />
          )}
          <PrivacyNote view={view} />
        </>
      ) : null}
    </WidePage>
  );
}

function PrivacyNote({ view }: { view: ResultsView }) {
  const st = useScansText();
  return (
    <section className="aantafel-card" aria-labelledby="scan-privacy-heading">
      <Heading2 id="scan-privacy-heading">{st('privacy.title')}</Heading2>
      <Paragraph>{st('privacy.body', { min: view.minRespondents })}</Paragraph>
      {view.shown && view.hiddenOrganisations.length > 0 ? (
        <Paragraph>
          {st('privacy.hidden', {
            list: view.hiddenOrganisations
              .map((o) => st('privacy.hiddenItem', { organisation: o.organisation, count: o.respondents }))
              .join(', '),
          })}
        </Paragraph>
      ) : null}
    </section>
  );
}

function useScore() {
  const { language } = useI18n();
  const st = useScansText();
  const locale = LOCALES[language];
  return {
    score: (v: number | null | undefined) => formatScore(v, locale, st('common.none')),
    change: (v: number | null | undefined) => formatChange(v, locale, st('common.none')),
  };
}

function ShownResults({ view, scanId }: { view: ResultsView; scanId: number }) {
  const st = useScansText();
  const { score, change } = useScore();
  const series = [st('chart.overall'), ...view.shownOrganisations];
  return (
    <>
      <Paragraph>{st('results.count', { count: view.respondents })}</Paragraph>

      <section className="aantafel-section" aria-labelledby="scan-gaps-heading">
        <Heading2 id="scan-gaps-heading">{st('gaps.title')}</Heading2>
        <Paragraph>{st('gaps.intro')}</Paragraph>
        <Paragraph className="aantafel-meta">{st('gaps.spreadHelp')}</Paragraph>
        {view.gaps.length === 0 ? <Paragraph>{st('gaps.none')}</Paragraph> : null}
        <ol className="aantafel-scan-gaps">
          {view.gaps.map((g) => (
            <GapItem key={g.id} gap={g} />
          ))}
        </ol>
      </section>

      <section className="aantafel-section" aria-labelledby="scan-chart-heading">
        <Heading2 id="scan-chart-heading">{st('chart.title')}</Heading2>
        <Paragraph>{st('chart.intro')}</Paragraph>
        <div className="aantafel-scan-chart-wrap">
          <DimensionChart
            rows={view.dimensions}
            series={series}
            title={st('chart.title')}
            description={st('chart.description', { series: series.join(', ') })}
            format={(v) => score(v)}
            barLabel={(dimension, name, value) => st('chart.bar', { dimension, series: name, value })}
          />
        </div>
        <TableScroll label={st('chart.tableCaption')}>
          <table className="utrecht-table aantafel-table">
            <caption className="utrecht-table__caption">{st('chart.tableCaption')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">{st('chart.dimension')}</th>
                {series.map((name) => (
                  <th key={name} scope="col" className="utrecht-table__header-cell aantafel-number">
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {view.dimensions.map((d) => (
                <tr key={d.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">{d.title}</th>
                  <td className="utrecht-table__cell aantafel-number">{score(d.mean)}</td>
                  {view.shownOrganisations.map((o) => (
                    <td key={o} className="utrecht-table__cell aantafel-number">
                      {score(d.organisations.find((x) => x.organisation === o)?.mean)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      {view.changes.length > 0 ? (
        <section className="aantafel-section" aria-labelledby="scan-changes-heading">
          <Heading2 id="scan-changes-heading">{st('changes.title')}</Heading2>
          <Paragraph>{st('changes.intro', { title: view.previousTitle ?? '' })}</Paragraph>
          <DataTable
            caption={st('changes.caption')}
            columns={[
              st('chart.dimension'),
              { label: st('changes.before'), numeric: true },
              { label: st('changes.now'), numeric: true },
              { label: st('changes.change'), numeric: true },
            ]}
          >
            {view.changes.map((c) => {
              const direction = changeDirection(c.change);
              return (
                <tr key={c.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">{c.title}</th>
                  <td className="utrecht-table__cell aantafel-number">{score(c.before)}</td>
                  <td className="utrecht-table__cell aantafel-number">{score(c.now)}</td>
                  <td className="utrecht-table__cell aantafel-number">
                    {direction === 'up' || direction === 'down' ? (
                      <>
                        <Icon icon={direction === 'up' ? ArrowUp : ArrowDown} />{' '}
                      </>
                    ) : null}
                    {change(c.change)} ({st(`change.${direction}` as ScansKey)})
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </section>
      ) : null}

      <WeakestSection view={view} scanId={scanId} />

      <section className="aantafel-section" aria-labelledby="scan-statements-heading">
        <Heading2 id="scan-statements-heading">{st('statements.title')}</Heading2>
        <TableScroll label={st('statements.caption')}>
          <table className="utrecht-table aantafel-table">
            <caption className="utrecht-table__caption">{st('statements.caption')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">{st('statements.number')}</th>
                <th scope="col" className="utrecht-table__header-cell aantafel-scan-statement-col">{st('statements.text')}</th>
                <th scope="col" className="utrecht-table__header-cell aantafel-number">{st('statements.mean')}</th>
                {view.shownOrganisations.map((o) => (
                  <th key={o} scope="col" className="utrecht-table__header-cell aantafel-number">{o}</th>
                ))}
                <th scope="col" className="utrecht-table__header-cell aantafel-number">{st('statements.spread')}</th>
                <th scope="col" className="utrecht-table__header-cell aantafel-number">{st('statements.respondents')}</th>
                <th scope="col" className="utrecht-table__header-cell aantafel-number">{st('statements.dontKnow')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {view.statements.map((s) => (
                <tr key={s.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{s.number}</td>
                  <th scope="row" className="utrecht-table__header-cell aantafel-scan-statement">
                    {s.text}
                    <span className="aantafel-meta aantafel-scan-statement__dimension">{s.dimensionTitle}</span>
                  </th>
                  <td className="utrecht-table__cell aantafel-number">{score(s.mean)}</td>
                  {view.shownOrganisations.map((o) => (
                    <td key={o} className="utrecht-table__cell aantafel-number">
                      {score(s.organisations.find((x) => x.organisation === o)?.mean)}
                    </td>
                  ))}
                  <td className="utrecht-table__cell aantafel-number">{score(s.spread)}</td>
                  <td className="utrecht-table__cell aantafel-number">{s.respondents}</td>
                  <td className="utrecht-table__cell aantafel-number">{s.dontKnow}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section className="aantafel-section" aria-labelledby="scan-comments-heading">
        <Heading2 id="scan-comments-heading">{st('comments.title')}</Heading2>
        <Paragraph>{st('comments.intro')}</Paragraph>
        {view.comments.length === 0 ? <Paragraph>{st('comments.none')}</Paragraph> : null}
        {view.comments.map((c) => (
          <div key={c.id} className="aantafel-scan-comments">
            <Heading3>{st('comments.statement', { number: c.number, text: c.text })}</Heading3>
            <ul>
              {c.comments.map((text, index) => (
                <li key={index}>{text}</li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </>
  );
}

function GapItem({ gap }: { gap: StatementRow }) {
  const st = useScansText();
  const { score } = useScore();
  return (
    <li className="aantafel-card aantafel-scan-gap">
      <Heading3>{st('gaps.statement', { number: gap.number, text: gap.text })}</Heading3>
      <Paragraph className="aantafel-meta">{st('gaps.dimension', { title: gap.dimensionTitle })}</Paragraph>
      <dl className="aantafel-scan-facts">
        <div>
          <dt>{st('gaps.mean')}</dt>
          <dd>{score(gap.mean)}</dd>
        </div>
        <div>
          <dt>{st('gaps.spread')}</dt>
          <dd>{score(gap.spread)}</dd>
        </div>
        {gap.organisationDifference !== null && gap.organisations.length > 1 ? (
          <div>
            <dt>{st('gaps.difference')}</dt>
            <dd>{score(gap.organisationDifference)}</dd>
          </div>
        ) : null}
        {gap.organisations.map((o) => (
          <div key={o.organisation}>
            <dt>{o.organisation}</dt>
            <dd>{score(o.mean)}</dd>
          </div>
        ))}
        <div>
          <dt>{st('gaps.answers')}</dt>
          <dd>{st('gaps.answersValue', { count: gap.respondents, dontKnow: gap.dontKnow })}</dd>
        </div>
      </dl>
    </li>
  );
}

function WeakestSection({ view, scanId }: { view: ResultsView; scanId: number }) {
  const st = useScansText();
  const { score } = useScore();
  const { workspace } = useWorkspace();
  const canEdit = useCanEdit();
  const [made, setMade] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const agreementsBase = `/w/${encodeURIComponent(workspace.slug)}/interactions/agreements`;

  async function make(statementId: string, number: number) {
    setBusy(statementId);
    setError(null);
    try {
      const agreement = await agreementFromScan({ slug: workspace.slug, scan_id: scanId }, { statement_id: statementId });
      setMade((all) => ({ ...all, [statementId]: agreement.id }));
      setStatus(st('weakest.made', { number }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="aantafel-section" aria-labelledby="scan-weakest-heading">
      <Heading2 id="scan-weakest-heading">{st('weakest.title')}</Heading2>
      <Paragraph>{st('weakest.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      {error ? <ErrorAlert error={error} /> : null}
      {view.weakest.length === 0 ? <Paragraph>{st('weakest.none')}</Paragraph> : null}
      <ul className="aantafel-scan-weakest">
        {view.weakest.map((w) => (
          <li key={w.id} className="aantafel-card">
            <Heading3>{st('weakest.statement', { number: w.number, text: w.text })}</Heading3>
            <Paragraph>{st('weakest.mean', { value: score(w.mean) })}</Paragraph>
            <Paragraph>{st('weakest.step', { action: w.action })}</Paragraph>
            {made[w.id] ? (
              <Paragraph>
                <Link to={`${agreementsBase}/${made[w.id]}`} className="utrecht-link utrecht-link--html-a">
                  {st('weakest.open', { number: w.number })}
                </Link>
              </Paragraph>
            ) : canEdit ? (
              <Button
                type="button"
                appearance="secondary-action-button"
                busy={busy === w.id}
                aria-label={st('weakest.makeFor', { number: w.number })}
                onClick={() => {
                  if (busy === null) void make(w.id, w.number);
                }}
              >
                {busy === w.id ? st('weakest.making') : st('weakest.make')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
