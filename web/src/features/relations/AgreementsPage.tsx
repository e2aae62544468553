import { useState } from 'react';
import { Link } from 'react-router';
import { Paragraph } from '@utrecht/component-library-react';
import { AGREEMENT_STATUSES } from '../../api/types';
import { listAgreements } from '../../api/generated/relations';
import { listOrganisations } from '../../api/generated/whoiswho';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { useApiData } from '../../components/useApiData';
import { DataTable } from '../../components/DataTable';
import { useWorkspace } from '../shell/workspaceContext';
import { DueBadge, RelationsNav, useHandedOverStatus, useRelationsBase } from './common';
import { filterAgreements } from './relations';
import { useRelationsText } from './texts';

/** All agreements, with a status filter; overdue ones are flagged in words. */
export function AgreementsPage() {
  const rt = useRelationsText();
  const { workspace } = useWorkspace();
  const base = useRelationsBase();
  const status = useHandedOverStatus();
  const [filter, setFilter] = useState('');
  const agreements = useApiData(`agreements:${workspace.slug}`, (signal) =>
    listAgreements({ slug: workspace.slug }, {}, { signal }),
  );
  const organisations = useApiData(`organisations:${workspace.slug}`, (signal) =>
    listOrganisations({ slug: workspace.slug }, { signal }),
  );
  const name = (id: number) => organisations.data?.items.find((o) => o.id === id)?.name ?? '';
  const items = filterAgreements(agreements.data?.items ?? [], filter);

  return (
    <>
      <PageHeading title={rt('agreements.title')} />
      <RelationsNav />
      <StatusMessage>{status}</StatusMessage>
      <div className="aantafel-filters">
        <SelectField
          id="agreements-status"
          label={rt('agreements.statusFilter')}
          options={[
            { value: '', label: rt('agreements.allStatuses') },
            { value: 'open', label: rt('agreements.openOnly') },
            ...AGREEMENT_STATUSES.map((s) => ({ value: s, label: rt(`status.${s}`) })),
          ]}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      </div>
      {agreements.error ? <ErrorAlert error={agreements.error} /> : null}
      {agreements.loading && !agreements.data ? <Loading /> : null}
      {agreements.data && items.length === 0 ? <Paragraph>{rt('agreements.empty')}</Paragraph> : null}
      {items.length > 0 ? (
        <DataTable
          caption={rt('agreements.caption')}
          columns={[rt('agreement.title'), rt('agreements.parties'), rt('agreements.status'), rt('agreements.dueOn')]}
        >
          {items.map((a) => (
            <tr key={a.id} className={a.overdue ? 'utrecht-table__row aantafel-relations-item--overdue' : 'utrecht-table__row'}>
              <td className="utrecht-table__cell">
                <Link to={`${base}/agreements/${a.id}`} className="utrecht-link utrecht-link--html-a">
                  {a.title}
                </Link>
              </td>
              <td className="utrecht-table__cell">{a.organisation_ids.map(name).filter(Boolean).join(', ')}</td>
              <td className="utrecht-table__cell">{rt(`status.${a.status}`)}</td>
              <td className="utrecht-table__cell">{a.open ? <DueBadge dueOn={a.due_on} /> : rt('common.none')}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
