import { Link, useParams } from 'react-router';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { ValueCase } from '../../api/types';
import { getValueCase } from '../../api/generated/scans';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { useRecordById } from '../../components/useRecordById';
import { DataTable } from '../../components/DataTable';
import { useI18n } from '../../i18n/I18nProvider';
import { NotFoundContent } from '../shell/NotFoundPage';
import { useWorkspace } from '../shell/workspaceContext';
import { LightBadge, useScansBase } from './common';
import { Figures, useValueFormat } from './ValueCasePage';
import { useScansText } from './texts';

/** A one-page A4 summary of a value case: the three sides with their lights, evidence and figures. */
export function ValueCasePrintPage() {
  const { valueCaseId } = useParams();
  const st = useScansText();
  const { workspace } = useWorkspace();
  const loaded = useRecordById(valueCaseId, `value-case:${workspace.slug}`, (id, signal) =>
    getValueCase({ slug: workspace.slug, value_case_id: id }, { signal }),
  );
  const id = loaded.id;
  if (id === null) return <NotFoundContent />;
  if (loaded.gone) return <NotFoundContent />;
  return (
    <div className="aantafel-scan-print">
      <PageHeading title={loaded.data ? st('vc.editTitle', { title: loaded.data.title }) : st('print.pageTitle')} />
      {loaded.error ? <ErrorAlert error={loaded.error} /> : null}
      {!loaded.data && !loaded.error ? <Loading /> : null}
      {loaded.data ? <PrintBody v={loaded.data} /> : null}
    </div>
  );
}

function Text({ value }: { value: string | undefined }) {
  const st = useScansText();
  return value ? <Paragraph className="aantafel-scan-print__text">{value}</Paragraph> : <Paragraph className="aantafel-meta">{st('print.empty')}</Paragraph>;
}

function PrintBody({ v }: { v: ValueCase }) {
  const st = useScansText();
  const { formatDate } = useI18n();
  const fmt = useValueFormat();
  const base = useScansBase();
  return (
    <>
      <div className="aantafel-no-print aantafel-actions">
        <Link to={`${base}/value-cases/${v.id}`} className="utrecht-link utrecht-link--html-a">
          {st('print.back')}
        </Link>
        <Button type="button" appearance="primary-action-button" onClick={() => window.print()}>
          {st('print.button')}
        </Button>
      </div>
      <Paragraph className="aantafel-meta">
        {st('print.meta', { date: formatDate(new Date()), updated: formatDate(v.updated_at) })}
        {v.period ? ` · ${v.period}` : ''}
      </Paragraph>
      {v.initiative ? <Paragraph>{v.initiative}</Paragraph> : null}
      <ul className="aantafel-scan-lights">
        <li><LightBadge light={v.participation?.light} side={st('side.participation')} /></li>
        <li><LightBadge light={v.return?.light} side={st('side.return')} /></li>
        <li><LightBadge light={v.legitimacy?.light} side={st('side.legitimacy')} /></li>
      </ul>
      <div className="aantafel-scan-print__sides">
        <section aria-labelledby="print-participation-heading">
          <Heading2 id="print-participation-heading">{st('side.participation')}</Heading2>
          <dl className="aantafel-scan-facts">
            <div>
              <dt>{st('vc.field.clientsReached')}</dt>
              <dd>{fmt.count(v.clients_reached ?? 0)}</dd>
            </div>
            <div>
              <dt>{st('vc.field.clientsActivated')}</dt>
              <dd>{fmt.count(v.clients_activated ?? 0)} ({fmt.percent(v.figures.activation_share)})</dd>
            </div>
          </dl>
          <Text value={v.participation_notes} />
          <Paragraph className="aantafel-scan-print__evidence">
            <strong>{st('vc.evidence')}</strong> {v.participation?.evidence || st('print.empty')}
          </Paragraph>
        </section>
        <section aria-labelledby="print-return-heading">
          <Heading2 id="print-return-heading">{st('side.return')}</Heading2>
          {(v.avoided_costs ?? []).length > 0 ? (
            <DataTable
              caption={st('figures.lineTotals')}
              columns={[
                st('vc.line.label'),
                { label: st('vc.line.unitCost'), numeric: true },
                { label: st('vc.line.events'), numeric: true },
                { label: st('vc.line.attribution'), numeric: true },
                { label: st('figures.avoided'), numeric: true },
              ]}
            >
              {(v.avoided_costs ?? []).map((line, index) => (
                <tr key={index} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {line.label}
                    {line.assumption ? <span className="aantafel-meta aantafel-scan-statement__dimension">{line.assumption}</span> : null}
                  </th>
                  <td className="utrecht-table__cell aantafel-number">{fmt.euro(line.unit_cost ?? 0)}</td>
                  <td className="utrecht-table__cell aantafel-number">{fmt.count(line.events ?? 0)}</td>
                  <td className="utrecht-table__cell aantafel-number">{fmt.percent(line.attribution ?? 1)}</td>
                  <td className="utrecht-table__cell aantafel-number">{fmt.euro(v.figures.line_totals[index])}</td>
                </tr>
              ))}
            </DataTable>
          ) : null}
          <Figures
            figures={v.figures}
            costs={v.initiative_costs ?? 0}
            labels={(v.avoided_costs ?? []).map((l) => l.label)}
            note={st('figures.saved')}
            id="vc-print-figures"
          />
          {v.social_value ? <Paragraph>{v.social_value}</Paragraph> : null}
          <Paragraph className="aantafel-scan-print__evidence">
            <strong>{st('vc.evidence')}</strong> {v.return?.evidence || st('print.empty')}
          </Paragraph>
        </section>
        <section aria-labelledby="print-legitimacy-heading">
          <Heading2 id="print-legitimacy-heading">{st('side.legitimacy')}</Heading2>
          <dl className="aantafel-scan-facts aantafel-scan-facts--stacked">
            <div>
              <dt>{st('vc.field.beneficiaries')}</dt>
              <dd>{v.beneficiaries || st('print.empty')}</dd>
            </div>
            <div>
              <dt>{st('vc.field.equalAccess')}</dt>
              <dd>{v.equal_access || st('print.empty')}</dd>
            </div>
            <div>
              <dt>{st('vc.field.fairness')}</dt>
              <dd>{v.fairness || st('print.empty')}</dd>
            </div>
          </dl>
          <Paragraph className="aantafel-scan-print__evidence">
            <strong>{st('vc.evidence')}</strong> {v.legitimacy?.evidence || st('print.empty')}
          </Paragraph>
        </section>
      </div>
    </>
  );
}
