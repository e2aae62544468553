import { Link } from 'react-router';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { listValueCases } from '../../api/generated/scans';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { StatusMessage } from '../../components/StatusMessage';
import { useApiData } from '../../components/useApiData';
import { DataTable } from '../../components/DataTable';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import { LightBadge, ScansNav, useCanEdit, useHandedOverStatus, useScansBase } from './common';
import { useScansText } from './texts';

/** All value cases, last changed first, with the three lights of the triangle of trust. */
export function ValueCasesPage() {
  const st = useScansText();
  const { formatDateTime } = useI18n();
  const { workspace } = useWorkspace();
  const base = useScansBase();
  const canEdit = useCanEdit();
  const status = useHandedOverStatus();
  const cases = useApiData(`value-cases:${workspace.slug}`, (signal) => listValueCases({ slug: workspace.slug }, { signal }));
  const items = cases.data?.items ?? [];
  return (
    <>
      <PageHeading title={st('vc.title')} />
      <ScansNav />
      <StatusMessage>{status}</StatusMessage>
      <Paragraph>{st('vc.intro')}</Paragraph>
      {canEdit ? (
        <p>
          <Link
            to={`${base}/value-cases/new`}
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action-button"
          >
            {st('vc.new')}
          </Link>
        </p>
      ) : (
        <Paragraph>{st('viewerReadOnly')}</Paragraph>
      )}
      {cases.error ? <ErrorAlert error={cases.error} /> : null}
      {cases.loading && !cases.data ? <Loading /> : null}
      {cases.data && items.length === 0 ? (
        <section className="aantafel-card" aria-labelledby="vc-empty-heading">
          <Heading2 id="vc-empty-heading">{st('vc.emptyTitle')}</Heading2>
          <Paragraph>{st('vc.empty')}</Paragraph>
        </section>
      ) : null}
      {items.length > 0 ? (
        <DataTable
          caption={st('vc.caption')}
          columns={[st('vc.name'), st('vc.period'), st('vc.triangle'), st('vc.updated')]}
        >
          {items.map((v) => (
            <tr key={v.id} className="utrecht-table__row">
              <td className="utrecht-table__cell">
                <Link to={`${base}/value-cases/${v.id}`} className="utrecht-link utrecht-link--html-a">
                  {v.title}
                </Link>
              </td>
              <td className="utrecht-table__cell">{v.period || st('common.none')}</td>
              <td className="utrecht-table__cell">
                <ul className="aantafel-scan-lights">
                  <li><LightBadge light={v.participation?.light} side={st('side.participation')} /></li>
                  <li><LightBadge light={v.return?.light} side={st('side.return')} /></li>
                  <li><LightBadge light={v.legitimacy?.light} side={st('side.legitimacy')} /></li>
                </ul>
              </td>
              <td className="utrecht-table__cell">{formatDateTime(v.updated_at)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
