import { Link } from 'react-router';
import { Paragraph } from '@utrecht/component-library-react';
import { listConsortia } from '../../api/generated/social-map';
import { listOrganisations } from '../../api/generated/whoiswho';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { StatusMessage } from '../../components/StatusMessage';
import { useApiData } from '../../components/useApiData';
import { TableScroll } from '../../components/TableScroll';
import { useWorkspace } from '../shell/workspaceContext';
import { SocialMapNav, useHandedOverStatus, useSocialMapBase } from './common';
import { useSocialMapText } from './texts';

/** The consortia of this workspace. */
export function ConsortiaPage() {
  const mt = useSocialMapText();
  const { workspace } = useWorkspace();
  const base = useSocialMapBase();
  const status = useHandedOverStatus();
  const consortia = useApiData(`consortia:${workspace.slug}`, (signal) => listConsortia({ slug: workspace.slug }, { signal }));
  const organisations = useApiData(`organisations:${workspace.slug}`, (signal) =>
    listOrganisations({ slug: workspace.slug }, { signal }),
  );
  const orgItems = organisations.data?.items ?? [];
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
        <TableScroll labelledBy="consortia-caption">
          <table className="utrecht-table aantafel-table">
            <caption className="utrecht-table__caption" id="consortia-caption">
              {mt('consortia.caption', { count: items.length })}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">{mt('consortia.name')}</th>
                <th scope="col" className="utrecht-table__header-cell">{mt('consortia.municipality')}</th>
                <th scope="col" className="utrecht-table__header-cell">{mt('consortia.members')}</th>
                <th scope="col" className="utrecht-table__header-cell">{mt('consortia.shared')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {items.map((c) => (
                <tr key={c.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    <Link to={`${base}/consortia/${c.id}`} className="utrecht-link utrecht-link--html-a">
                      {c.name}
                    </Link>
                  </th>
                  <td className="utrecht-table__cell">{municipality(c.municipality_code)}</td>
                  <td className="utrecht-table__cell">{c.member_ids.map(name).join(', ')}</td>
                  <td className="utrecht-table__cell">{c.shared ? mt('common.yes') : mt('common.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}
