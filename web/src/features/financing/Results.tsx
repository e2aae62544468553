import { useCallback, useRef, useState } from 'react';
import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { FinancingSummary, FinancingVariantSummary } from '../../api/types';
import { SelectField } from '../../components/SelectField';
import { DataTable } from '../../components/DataTable';
import { useI18n } from '../../i18n/I18nProvider';
import { ComparisonChart, Histogram, downloadBlob, svgToPng } from './charts';
import { useFormatters } from './common';
import {
  DISTRIBUTION_OUTPUTS,
  axisEuroFormat,
  comparisonSentences,
  riskSentences,
  strengthKey,
  type DistributionOutput,
} from './financing';
import { useFinancingText, type FinancingKey } from './texts';

/** The axis formatter of a chart in the UI language: "€ 100.000", "€ 1,5 mln" (nl); "€100,000", "€1.5m" (en). */
export function useAxisEuro(): (ticks: readonly number[]) => (value: number) => string {
  const { language } = useI18n();
  return useCallback((ticks: readonly number[]) => axisEuroFormat(language, ticks), [language]);
}

/** Who carries the risk, per variant, in plain words made from the figures. */
export function RiskTexts({ summary, budget, headingLevel = 2 }: { summary: FinancingSummary; budget: number; headingLevel?: 2 | 3 }) {
  const ft = useFinancingText();
  const fmt = useFormatters();
  const Heading = headingLevel === 2 ? Heading2 : Heading3;
  const SubHeading = headingLevel === 2 ? Heading3 : 'h4';
  const compare = comparisonSentences(summary, fmt);
  return (
    <section className="aantafel-card aantafel-financing-risk" aria-labelledby="financing-risk-heading">
      <Heading id="financing-risk-heading">{ft('risk.title')}</Heading>
      {compare.length > 0 ? <Paragraph>{compare.map(fmt.sentence).join(' ')}</Paragraph> : null}
      {summary.variants.map((v, index) => (
        <div key={`${v.name}-${index}`} className="aantafel-financing-risk__variant">
          <SubHeading className={headingLevel === 2 ? undefined : 'utrecht-heading-4'}>
            {variantHeading(v.name, ft(`form.${v.form}` as FinancingKey), ft)}
          </SubHeading>
          <Paragraph>{riskSentences(v, budget, fmt).map(fmt.sentence).join(' ')}</Paragraph>
        </div>
      ))}
    </section>
  );
}

/** "PxQ (Inspanningsgericht (PxQ))" says the same twice: name only when the form already says it. */
function variantHeading(name: string, form: string, ft: ReturnType<typeof useFinancingText>): string {
  const n = name.trim().toLowerCase();
  return form.toLowerCase().includes(n) ? form : ft('risk.variantHeading', { name, form });
}

const OUTPUT_KEYS: Record<DistributionOutput, FinancingKey> = {
  revenue: 'output.revenue',
  margin: 'output.margin',
  spending: 'output.spending',
  cost_per_client: 'output.cost_per_client',
  cost_per_result: 'output.cost_per_result',
};

/** Variant × P5/P50/P95 of one output, as a table. */
export function OutputTable({ summary, output, caption }: { summary: FinancingSummary; output: DistributionOutput; caption?: string }) {
  const ft = useFinancingText();
  const fmt = useFormatters();
  return (
    <DataTable
      caption={caption ?? ft(OUTPUT_KEYS[output])}
      className="aantafel-financing-table"
      columns={[
        ft('table.variant'),
        { label: ft('table.p5'), numeric: true },
        { label: ft('table.p50'), numeric: true },
        { label: ft('table.p95'), numeric: true },
      ]}
    >
      {summary.variants.map((v, index) => (
        <tr key={`${v.name}-${index}`} className="utrecht-table__row">
          <th scope="row" className="utrecht-table__header-cell">{v.name}</th>
          <td className="utrecht-table__cell aantafel-number">{fmt.euro(v[output].p5)}</td>
          <td className="utrecht-table__cell aantafel-number">{fmt.euro(v[output].p50)}</td>
          <td className="utrecht-table__cell aantafel-number">{fmt.euro(v[output].p95)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The two chances per variant: a loss for the provider, spending over the budget. */
export function ChanceTable({ summary }: { summary: FinancingSummary }) {
  const ft = useFinancingText();
  const fmt = useFormatters();
  return (
    <DataTable
      caption={ft('output.chances')}
      className="aantafel-financing-table"
      columns={[
        ft('table.variant'),
        { label: ft('output.loss_probability'), numeric: true },
        { label: ft('output.over_budget_probability'), numeric: true },
      ]}
    >
      {summary.variants.map((v, index) => (
        <tr key={`${v.name}-${index}`} className="utrecht-table__row">
          <th scope="row" className="utrecht-table__header-cell">{v.name}</th>
          <td className="utrecht-table__cell aantafel-number">{fmt.percent(v.loss_probability)}</td>
          <td className="utrecht-table__cell aantafel-number">{fmt.percent(v.over_budget_probability)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The comparison chart of one output, with its description. */
export function Comparison({
  summary,
  output,
  chartRef,
}: {
  summary: FinancingSummary;
  output: DistributionOutput;
  chartRef?: React.Ref<SVGSVGElement>;
}) {
  const ft = useFinancingText();
  const fmt = useFormatters();
  const axisEuro = useAxisEuro();
  const label = ft(OUTPUT_KEYS[output]);
  return (
    <ComparisonChart
      ref={chartRef}
      rows={summary.variants.map((v) => ({ name: v.name, distribution: v[output] }))}
      title={ft('chart.title', { output: label })}
      description={ft('chart.description')}
      format={fmt.euro}
      axisFormat={axisEuro}
    />
  );
}

function histogramDescription(v: FinancingVariantSummary, ft: ReturnType<typeof useFinancingText>, fmt: ReturnType<typeof useFormatters>) {
  return ft('histogram.description', {
    min: fmt.euro(v.margin.min),
    max: fmt.euro(v.margin.max),
    p50: fmt.euro(v.margin.p50),
    loss: fmt.percent(v.loss_probability),
  });
}

/** Everything a run gives: risk in words, the comparison chart and tables, histograms, sensitivity. */
export function Results({
  summary,
  budget,
  pngName,
}: {
  summary: FinancingSummary;
  budget: number;
  pngName: string;
}) {
  const ft = useFinancingText();
  const fmt = useFormatters();
  const { formatNumber } = useI18n();
  const axisEuro = useAxisEuro();
  const [output, setOutput] = useState<DistributionOutput>('margin');
  const [pngError, setPngError] = useState('');
  const chartRef = useRef<SVGSVGElement>(null);

  async function downloadPng() {
    setPngError('');
    const svg = chartRef.current;
    if (!svg) return;
    try {
      downloadBlob(await svgToPng(svg), pngName);
    } catch {
      setPngError(ft('export.pngFailed'));
    }
  }

  return (
    <div className="aantafel-financing-results">
      <Paragraph className="aantafel-meta">
        {ft('results.meta', { runs: formatNumber(summary.runs_done), seed: summary.seed })}
        {summary.cancelled ? ` ${ft('results.cancelled')}` : ''}
      </Paragraph>
      <RiskTexts summary={summary} budget={budget} />

      <section className="aantafel-card" aria-labelledby="financing-compare-heading">
        <Heading2 id="financing-compare-heading">{ft('compare.title')}</Heading2>
        <Paragraph>{ft('compare.intro')}</Paragraph>
        <SelectField
          id="financing-chart-output"
          label={ft('compare.output')}
          options={DISTRIBUTION_OUTPUTS.map((o) => ({ value: o, label: ft(OUTPUT_KEYS[o]) }))}
          value={output}
          onChange={(event) => setOutput(event.target.value as DistributionOutput)}
        />
        <div className="aantafel-financing-chart-wrap">
          <Comparison summary={summary} output={output} chartRef={chartRef} />
        </div>
        <OutputTable summary={summary} output={output} caption={ft('compare.tableCaption', { output: ft(OUTPUT_KEYS[output]) })} />
        <Button type="button" appearance="secondary-action-button" onClick={() => void downloadPng()}>
          {ft('export.png')}
        </Button>
        {pngError ? <Paragraph role="alert">{pngError}</Paragraph> : null}
      </section>

      <section className="aantafel-card" aria-labelledby="financing-tables-heading">
        <Heading2 id="financing-tables-heading">{ft('tables.title')}</Heading2>
        <Paragraph>{ft('tables.intro')}</Paragraph>
        <ChanceTable summary={summary} />
        {(['revenue', 'margin', 'spending', 'cost_per_client', 'cost_per_result'] as const).map((o) => (
          <OutputTable key={o} summary={summary} output={o} />
        ))}
      </section>

      <section className="aantafel-card" aria-labelledby="financing-histograms-heading">
        <Heading2 id="financing-histograms-heading">{ft('histogram.title')}</Heading2>
        <Paragraph>{ft('histogram.intro')}</Paragraph>
        <ul className="aantafel-financing-histograms">
          {summary.variants.map((v, index) => (
            <li key={`${v.name}-${index}`}>
              <Heading3>{v.name}</Heading3>
              <Histogram
                distribution={v.margin}
                title={ft('histogram.chartTitle', { name: v.name })}
                description={histogramDescription(v, ft, fmt)}
                axisFormat={axisEuro}
              />
              <Paragraph className="aantafel-meta">{histogramDescription(v, ft, fmt)}</Paragraph>
            </li>
          ))}
        </ul>
      </section>

      <section className="aantafel-card" aria-labelledby="financing-sensitivity-heading">
        <Heading2 id="financing-sensitivity-heading">{ft('sensitivity.title')}</Heading2>
        <Paragraph>{ft('sensitivity.intro')}</Paragraph>
        <DataTable
          caption={ft('sensitivity.caption')}
          className="aantafel-financing-table"
          columns={[
            ft('table.variant'),
            ft('sensitivity.input'),
            ft('sensitivity.effect'),
            { label: ft('sensitivity.correlation'), numeric: true },
          ]}
        >
          {summary.variants.flatMap((v, index) =>
            [...v.sensitivity]
              .sort((a, b) => Math.abs(b.correlation) - Math.abs(a.correlation))
              .map((s, row) => (
                <tr key={`${index}-${s.input}`} className="utrecht-table__row">
                  {row === 0 ? (
                    <th scope="rowgroup" rowSpan={v.sensitivity.length} className="utrecht-table__header-cell">
                      {v.name}
                    </th>
                  ) : null}
                  <td className="utrecht-table__cell">{fmt.input(s.input)}</td>
                  <td className="utrecht-table__cell">
                    <span className="aantafel-financing-bar" aria-hidden="true">
                      <span
                        className={s.correlation < 0 ? 'aantafel-financing-bar__fill aantafel-financing-bar__fill--down' : 'aantafel-financing-bar__fill'}
                        data-width={Math.round(Math.abs(s.correlation) * 10)}
                      />
                    </span>{' '}
                    {ft(strengthKey(s.correlation))}
                    {Math.abs(s.correlation) >= 0.1
                      ? ` (${ft(s.correlation >= 0 ? 'sensitivity.up' : 'sensitivity.down')})`
                      : ''}
                  </td>
                  <td className="utrecht-table__cell aantafel-number">
                    {formatNumber(s.correlation, { maximumFractionDigits: 2, minimumFractionDigits: 2 })}
                  </td>
                </tr>
              )),
          )}
        </DataTable>
      </section>
    </div>
  );
}
