import { Link } from 'react-router';
import { Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { listConsortia } from '../../api/generated/social-map';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { StatusMessage } from '../../components/StatusMessage';
import { useApiData } from '../../components/useApiData';
import { useWorkspace } from '../shell/workspaceContext';
import { SocialMapNav, useHandedOverStatus, useSocialMapBase, useWorkspaceOrganisations } from './common';
import { useSocialMapText } from './texts';

/** The consortia of this workspace. */
export function ConsortiaPage() {
  const mt = useSocialMapText();
  const { workspace } = useWorkspace();
  const base = useSocialMapBase();
  const status = useHandedOverStatus();
  const consortia = useApiData(`consortia:${workspace.slug}`, (signal) => listConsortia({ slug: workspace.slug }, { signal }));
  const { items: orgItems } = useWorkspaceOrganisations();
  const name = (id: number) => orgItems.find((o) => o.id === id)?.name ?? `#${id}`;
  const municipality = (code: string) =>
    orgItems.find((o) => o.kind === 'municipality' && o.municipality_code === code)?.name ?? code;
  const items = consortia.data?.items ?? [];
  return (
    <>
      <PageHeading title={mt('consortia.title')} />
      <SocialMapNav />
      <Paragraph>{mt('consortia.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      {consortia.error ? <ErrorAlert error={consortia.error} /> : null}
      {consortia.loading && !consortia.data ? <Loading /> : null}
      {consortia.data && items.length === 0 ? <Paragraph>{mt('consortia.empty')}</Paragraph> : null}
      {items.length > 0 ? (
        <DataTable
          caption={mt('consortia.caption', { count: items.length })}
          columns={[mt('consortia.name'), mt('consortia.municipality'), mt('consortia.members'), mt('consortia.shared')]}
        >
          {items.map((c) => (
            <TableRow key={c.id}>
              <TableHeaderCell scope="row">
                <Link to={`${base}/consortia/${c.id}`} className="utrecht-link utrecht-link--html-a">
                  {c.name}
                </Link>
              </TableHeaderCell>
              <TableCell>{municipality(c.municipality_code)}</TableCell>
              <TableCell>{c.member_ids.map(name).join(', ')}</TableCell>
              <TableCell>{c.shared ? mt('common.yes') : mt('common.no')}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
