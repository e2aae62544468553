import { Link, useSearchParams } from 'react-router';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { listFinancingScenarios } from '../../api/generated/financing';
import { listOrganisations } from '../../api/generated/whoiswho';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { useApiData } from '../../components/useApiData';
import { useKeptHandedOverStatus } from '../../components/useHandedOverStatus';
import { DataTable } from '../../components/DataTable';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import { FinancingNav, useFinancingBase } from './common';
import { useFinancingText } from './texts';

/** Saved scenarios, newest change first, with a municipality filter (kept in the URL). */
export function ScenariosPage() {
  const ft = useFinancingText();
  const { formatDateTime } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const base = useFinancingBase();
  const status = useKeptHandedOverStatus();
  const [search, setSearch] = useSearchParams();
  const raw = search.get('municipality') ?? '';
  const municipality = /^GM\d{4}$/.test(raw) ? raw : '';
  const scenarios = useApiData(`financing-scenarios:${slug}:${municipality}`, (signal) =>
    listFinancingScenarios({ slug }, { municipality_code: municipality || undefined }, { signal }),
  );
  const organisations = useApiData(`organisations:${slug}`, (signal) => listOrganisations({ slug }, { signal }));
  const municipalities = (organisations.data?.items ?? [])
    .filter((o) => o.kind === 'municipality' && o.municipality_code)
    .sort((a, b) => a.name.localeCompare(b.name));
  const items = scenarios.data?.items ?? [];
  const filtered = municipality !== '';

  return (
    <>
      <PageHeading title={ft('title')} />
      <FinancingNav />
      <StatusMessage>{status}</StatusMessage>
      <Paragraph>{ft('intro')}</Paragraph>
      <p>
        <Link to={`${base}/new`} className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action-button">
          {ft('list.new')}
        </Link>
      </p>
      <section className="aantafel-filters" aria-labelledby="financing-filter-heading">
        <Heading2 id="financing-filter-heading">{ft('list.filter')}</Heading2>
        <div className="aantafel-filters__fields">
          <SelectField
            id="financing-filter-municipality"
            label={ft('list.municipality')}
            options={[
              { value: '', label: ft('list.allMunicipalities') },
              ...municipalities.map((m) => ({ value: m.municipality_code ?? '', label: m.name })),
            ]}
            value={municipality}
            onChange={(event) => {
              const next = new URLSearchParams(search);
              if (event.target.value) next.set('municipality', event.target.value);
              else next.delete('municipality');
              setSearch(next, { replace: true });
            }}
          />
        </div>
      </section>
      {scenarios.error ? <ErrorAlert error={scenarios.error} /> : null}
      {scenarios.loading && !scenarios.data ? <Loading /> : null}
      {scenarios.data && items.length === 0 ? (
        filtered ? (
          <Paragraph>{ft('list.emptyFiltered')}</Paragraph>
        ) : (
          <section className="aantafel-card" aria-labelledby="financing-empty-heading">
            <Heading2 id="financing-empty-heading">{ft('list.emptyTitle')}</Heading2>
            <Paragraph>{ft('list.empty')}</Paragraph>
          </section>
        )
      ) : null}
      {items.length > 0 ? (
        <DataTable
          caption={ft('list.caption')}
          columns={[ft('list.name'), ft('list.municipality'), ft('list.plan'), ft('list.updated')]}
        >
          {items.map((s) => (
            <tr key={s.id} className="utrecht-table__row">
              <td className="utrecht-table__cell">
                <Link to={`${base}/${s.id}`} className="utrecht-link utrecht-link--html-a">
                  {s.name}
                </Link>
              </td>
              <td className="utrecht-table__cell">{s.municipality_name ?? s.municipality_code ?? ft('common.none')}</td>
              <td className="utrecht-table__cell">{s.plan_title ?? ft('common.none')}</td>
              <td className="utrecht-table__cell">{formatDateTime(s.updated_at)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
