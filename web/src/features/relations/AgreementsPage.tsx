import { useState } from 'react';
import { Link } from 'react-router';
import { Paragraph } from '@utrecht/component-library-react';
import { api } from '../../api/client';
import { AGREEMENT_STATUSES } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { useApiData } from '../../components/useApiData';
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
    api.listAgreements(workspace.slug, undefined, signal),
  );
  const organisations = useApiData(`organisations:${workspace.slug}`, (signal) =>
    api.listOrganisations(workspace.slug, signal),
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
        <div className="aantafel-table-scroll">
          <table className="utrecht-table aantafel-table">
            <caption className="utrecht-table__caption">{rt('agreements.caption')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">{rt('agreement.title')}</th>
                <th scope="col" className="utrecht-table__header-cell">{rt('agreements.parties')}</th>
                <th scope="col" className="utrecht-table__header-cell">{rt('agreements.status')}</th>
                <th scope="col" className="utrecht-table__header-cell">{rt('agreements.dueOn')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
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
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
