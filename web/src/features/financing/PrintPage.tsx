import { Link, useParams } from 'react-router';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { FinancingScenario, FinancingSummary, SavedFinancingScenario } from '../../api/types';
import { getFinancingScenario, simulateFinancing } from '../../api/generated/financing';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { useApiData } from '../../components/useApiData';
import { useRecordById } from '../../components/useRecordById';
import { useI18n } from '../../i18n/I18nProvider';
import { NotFoundContent } from '../shell/NotFoundPage';
import { useWorkspace } from '../shell/workspaceContext';
import { useFinancingBase, useFormatters } from './common';
import { ChanceTable, Comparison, OutputTable, RiskTexts } from './Results';
import { useFinancingText, type FinancingKey } from './texts';

/**
 * A one-page A4 summary of a saved scenario: assumptions, the comparison, the risk in words,
 * the chart, the date and the seed. It simulates the saved scenario again (same seed, same figures).
 */
export function ScenarioPrintPage() {
  const { scenarioId: param } = useParams();
  const ft = useFinancingText();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const saved = useRecordById(param, `financing-scenario:${slug}`, (id, signal) =>
    getFinancingScenario({ slug, scenario_id: id }, { signal }),
  );
  const id = saved.id;
  const summary = useApiData(`financing-print:${slug}:${id}:${saved.data?.updated_at ?? ''}`, (signal) =>
    saved.data ? simulateFinancing({ slug }, saved.data.scenario, { signal }) : new Promise<never>(() => undefined),
  );
  if (id === null) return <NotFoundContent />;
  const title = saved.data ? ft('print.title', { name: saved.data.name }) : ft('print.pageTitle');
  return (
    <div
      className={
        (summary.data?.variants.length ?? 0) > 2 ? 'aantafel-financing-print aantafel-financing-print--dense' : 'aantafel-financing-print'
      }
    >
      <PageHeading title={title} />
      {saved.error ? <ErrorAlert error={saved.error} /> : null}
      {summary.error ? <ErrorAlert error={summary.error} /> : null}
      {!saved.data || (!summary.data && !summary.error) ? <Loading label={ft('print.loading')} /> : null}
      {saved.data && summary.data ? (
        <PrintBody saved={saved.data} summary={summary.data} />
      ) : null}
    </div>
  );
}

function PrintBody({ saved, summary }: { saved: SavedFinancingScenario; summary: FinancingSummary }) {
  const ft = useFinancingText();
  const { formatDate, formatNumber } = useI18n();
  const base = useFinancingBase();
  return (
    <>
      <div className="aantafel-no-print aantafel-financing-print__actions">
        <Link to={`${base}/${saved.id}`} className="utrecht-link utrecht-link--html-a">
          {ft('print.back')}
        </Link>
        <Button type="button" appearance="primary-action-button" onClick={() => window.print()}>
          {ft('print.button')}
        </Button>
      </div>
      <Paragraph className="aantafel-meta">
        {ft('print.meta', { date: formatDate(new Date()), seed: summary.seed, runs: formatNumber(summary.runs_done) })}
        {saved.municipality_name ? ` · ${saved.municipality_name}` : ''}
        {saved.plan_title ? ` · ${ft('edit.plan', { title: saved.plan_title })}` : ''}
      </Paragraph>
      {saved.description ? <Paragraph>{saved.description}</Paragraph> : null}
      <section aria-labelledby="print-assumptions-heading">
        <Heading2 id="print-assumptions-heading">{ft('print.assumptions')}</Heading2>
        <Assumptions scenario={saved.scenario} />
      </section>
      <RiskTexts summary={summary} budget={saved.scenario.budget} />
      <section aria-labelledby="print-compare-heading" className="aantafel-financing-print__compare">
        <Heading2 id="print-compare-heading">{ft('compare.title')}</Heading2>
        <div className="aantafel-financing-chart-wrap">
          <Comparison summary={summary} output="margin" />
        </div>
        <ChanceTable summary={summary} />
        <OutputTable summary={summary} output="margin" />
        <OutputTable summary={summary} output="spending" />
      </section>
    </>
  );
}

type Dist = Record<string, Record<string, number> | undefined>;

/** The scenario's assumptions as a short description list. */
function Assumptions({ scenario }: { scenario: FinancingScenario }) {
  const ft = useFinancingText();
  const fmt = useFormatters();
  const { formatNumber } = useI18n();
  const unit = scenario.population.unit ?? 'hour';
  const clients = scenario.population.clients as Dist;
  const intensity = scenario.population.intensity as Dist;
  const share = scenario.population.result_share as Dist;
  const n = (v: number | undefined) => formatNumber(v ?? 0, { maximumFractionDigits: 1 });
  const pct = (v: number | undefined) => formatNumber(v ?? 0, { style: 'percent', maximumFractionDigits: 0 });
  const rows: [string, string][] = [
    [
      ft('print.clients'),
      clients.poisson ? ft('print.clientsMean', { mean: n(clients.poisson.mean) }) : ft('print.range', { min: n(clients.range?.min), max: n(clients.range?.max) }),
    ],
    [
      ft('print.intensity', { unit: fmt.unit(unit) }),
      intensity.lognormal
        ? ft('print.intensityLognormal', { median: n(intensity.lognormal.median), p90: n(intensity.lognormal.p90) })
        : n(intensity.fixed?.units),
    ],
    [
      ft('print.resultShare'),
      share.beta ? ft('print.resultBeta', { mean: pct(share.beta.mean), strength: n(share.beta.strength) }) : ft('print.range', { min: pct(share.range?.min), max: pct(share.range?.max) }),
    ],
    [ft('print.costs'), ft('print.costsValue', { perUnit: fmt.euro(scenario.costs.cost_per_unit), fixed: fmt.euro(scenario.costs.fixed_costs ?? 0) })],
    [ft('field.budget'), fmt.euro(scenario.budget)],
    [
      ft('section.variants'),
      scenario.variants.map((v) => `${v.name}: ${ft(`form.${v.form}` as FinancingKey)}`).join('; '),
    ],
  ];
  return (
    <dl className="aantafel-financing-assumptions">
      {rows.map(([term, value], index) => (
        <div key={index}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
