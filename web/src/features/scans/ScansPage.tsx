import { Link } from 'react-router';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { listScans } from '../../api/generated/scans';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { StatusMessage } from '../../components/StatusMessage';
import { useApiData } from '../../components/useApiData';
import { DataTable } from '../../components/DataTable';
import { useWorkspace } from '../shell/workspaceContext';
import { ScansNav, useCanEdit, useHandedOverStatus, useScansBase } from './common';
import { useScansText } from './texts';

/** All scans, newest first, with how many answered. */
export function ScansPage() {
  const st = useScansText();
  const { workspace } = useWorkspace();
  const base = useScansBase();
  const canEdit = useCanEdit();
  const status = useHandedOverStatus();
  const scans = useApiData(`scans:${workspace.slug}`, (signal) => listScans({ slug: workspace.slug }, { signal }));
  const items = scans.data?.items ?? [];
  return (
    <>
      <PageHeading title={st('title')} />
      <ScansNav />
      <StatusMessage>{status}</StatusMessage>
      <Paragraph>{st('intro')}</Paragraph>
      {canEdit ? (
        <p>
          <Link
            to={`${base}/new`}
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action-button"
          >
            {st('list.new')}
          </Link>
        </p>
      ) : (
        <Paragraph>{st('viewerReadOnly')}</Paragraph>
      )}
      {scans.error ? <ErrorAlert error={scans.error} /> : null}
      {scans.loading && !scans.data ? <Loading /> : null}
      {scans.data && items.length === 0 ? (
        <section className="aantafel-card" aria-labelledby="scans-empty-heading">
          <Heading2 id="scans-empty-heading">{st('list.emptyTitle')}</Heading2>
          <Paragraph>{st('list.empty')}</Paragraph>
        </section>
      ) : null}
      {items.length > 0 ? (
        <DataTable
          caption={st('list.caption')}
          columns={[
            st('list.title'),
            st('list.collaboration'),
            st('list.template'),
            st('list.status'),
            st('list.progress'),
          ]}
        >
          {items.map((s) => (
            <tr key={s.id} className="utrecht-table__row">
              <td className="utrecht-table__cell">
                <Link to={`${base}/${s.id}`} className="utrecht-link utrecht-link--html-a">
                  {s.title}
                </Link>
                {s.previous_scan_id ? <span className="aantafel-meta"> ({st('list.repeat')})</span> : null}
              </td>
              <td className="utrecht-table__cell">{s.collaboration}</td>
              <td className="utrecht-table__cell">{s.template_title}</td>
              <td className="utrecht-table__cell">
                <span className={s.status === 'open' ? 'aantafel-badge aantafel-badge--ok' : 'aantafel-badge aantafel-badge--muted'}>
                  {st(`status.${s.status}`)}
                </span>
              </td>
              <td className="utrecht-table__cell">
                {st('list.progressValue', { answered: s.answered, invited: s.invited })}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
