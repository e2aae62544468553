import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import {
  Heading2,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { Check } from 'lucide-react';
import { Upload } from '../../api/client';
import { SERVICE_DOMAINS, type SocialService } from '../../api/types';
import { exportServices, importServices, listAreas, listServices } from '../../api/generated/social-map';
import { getMunicipality } from '../../api/generated/whoiswho';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { useApiData } from '../../components/useApiData';
import { useWorkspace } from '../shell/workspaceContext';
import { WidePage } from '../shell/WidePage';
import {
  SocialMapNav,
  useCanEdit,
  useHandedOverStatus,
  useSocialMapBase,
  useUrlFilters,
  useWorkspaceOrganisations,
} from './common';
import {
  csvProblems,
  csvProblemText,
  domainLabel,
  domainOptions,
  lawLabel,
  municipalityOf,
  oneOf,
  serviceAreaGroups,
} from './socialmap';
import { CsvUploadForm } from './CsvUploadForm';
import { useSocialMapText } from './texts';

const IMPORT_COLUMNS = 'organisatie;naam;domein;wet;doelgroepen;gebieden;contact;capaciteit;wachttijd_weken;gepubliceerd';

/** All services with filters, the CSV import and the downloads. */
export function ServicesPage() {
  const mt = useSocialMapText();
  const { workspace } = useWorkspace();
  const base = useSocialMapBase();
  const canEdit = useCanEdit();
  const handedOver = useHandedOverStatus();
  const params = useUrlFilters();
  const organisationId = /^\d+$/.test(params.get('organisatie') ?? '') ? Number(params.get('organisatie')) : undefined;
  const municipalityCode = /^GM\d{4}$/.test(params.get('gemeente') ?? '') ? (params.get('gemeente') as string) : undefined;
  const domain = oneOf(SERVICE_DOMAINS, params.get('domein'));
  const published = params.get('gepubliceerd') === 'ja' ? 'true' : params.get('gepubliceerd') === 'nee' ? 'false' : undefined;
  const [version, setVersion] = useState(0);
  const services = useApiData(
    `services:${workspace.slug}:${organisationId ?? ''}:${municipalityCode ?? ''}:${domain ?? ''}:${published ?? ''}:${version}`,
    (signal) =>
      listServices(
        { slug: workspace.slug },
        { organisation_id: organisationId, municipality_code: municipalityCode, domain, published },
        { signal },
      ),
  );
  const { municipalities, providers } = useWorkspaceOrganisations();
  const items = services.data?.items ?? [];
  const areaNames = useAreaNames(workspace.slug, items, municipalities);

  const setParam = params.set;

  return (
    <WidePage>
      <PageHeading title={mt('services.title')} />
      <SocialMapNav />
      <Paragraph>{mt('services.intro')}</Paragraph>
      <StatusMessage>{handedOver}</StatusMessage>
      <section className="aantafel-filters" aria-labelledby="services-filters-heading">
        <Heading2 id="services-filters-heading">{mt('services.filters')}</Heading2>
        <div className="aantafel-filters__fields">
          <SelectField
            id="services-organisation"
            label={mt('services.organisation')}
            options={[
              { value: '', label: mt('services.allOrganisations') },
              ...providers.map((o) => ({ value: String(o.id), label: o.name })),
            ]}
            value={organisationId ? String(organisationId) : ''}
            onChange={(event) => setParam('organisatie', event.target.value)}
          />
          <SelectField
            id="services-municipality"
            label={mt('services.municipality')}
            options={[
              { value: '', label: mt('services.allMunicipalities') },
              ...municipalities.map((m) => ({ value: m.code, label: m.name })),
            ]}
            value={municipalityCode ?? ''}
            onChange={(event) => setParam('gemeente', event.target.value)}
          />
          <SelectField
            id="services-domain"
            label={mt('services.domain')}
            options={domainOptions(mt, mt('map.allDomains'))}
            value={domain ?? ''}
            onChange={(event) => setParam('domein', event.target.value)}
          />
          <SelectField
            id="services-published"
            label={mt('services.published')}
            options={[
              { value: '', label: mt('services.publishedAll') },
              { value: 'ja', label: mt('services.publishedYes') },
              { value: 'nee', label: mt('services.publishedNo') },
            ]}
            value={params.get('gepubliceerd') ?? ''}
            onChange={(event) => setParam('gepubliceerd', event.target.value)}
          />
        </div>
      </section>
      {services.error ? <ErrorAlert error={services.error} /> : null}
      {services.loading && !services.data ? <Loading /> : null}
      {services.data && items.length === 0 ? <Paragraph>{mt('services.empty')}</Paragraph> : null}
      {items.length > 0 ? (
        <DataTable
          caption={mt('services.caption', { count: items.length })}
          columns={[
            mt('services.name'),
            mt('services.organisation'),
            mt('services.domainAndLaw'),
            mt('services.areas'),
            mt('services.waiting'),
            mt('services.status'),
          ]}
        >
          {items.map((s) => (
            <TableRow key={s.id}>
              <TableHeaderCell scope="row">
                <Link to={`${base}/services/${s.id}`} className="utrecht-link utrecht-link--html-a">
                  {s.name}
                </Link>
              </TableHeaderCell>
              <TableCell>{s.organisation_name}</TableCell>
              {/* The law under the kind of help: one column less, so the table fits beside the menu. */}
              <TableCell>
                {domainLabel(mt, s.domain)}
                <span className="aantafel-meta aantafel-map-cell__law">{lawLabel(mt, s.law)}</span>
              </TableCell>
              <TableCell>
                <ServiceAreas codes={s.areas} names={areaNames} />
              </TableCell>
              <TableCell>
                {s.waiting_weeks === null
                  ? mt('common.none')
                  : s.waiting_weeks === 1
                    ? mt('services.week')
                    : mt('services.weeks', { count: s.waiting_weeks })}
              </TableCell>
              <TableCell>
                {s.published ? (
                  <span className="aantafel-badge aantafel-badge--ok">
                    {/* A no-break space: the tick stays with its word in a narrow column. */}
                    <Icon icon={Check} strokeWidth={3} />
                    {'\u00a0'}
                    {mt('services.isPublished')}
                  </span>
                ) : (
                  <span className="aantafel-badge aantafel-badge--muted">{mt('services.notPublished')}</span>
                )}
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      ) : null}
      <section className="aantafel-section" aria-labelledby="services-export-heading">
        <Heading2 id="services-export-heading">{mt('services.export')}</Heading2>
        <ul className="aantafel-map-list">
          <li>
            <a href={exportServices({ slug: workspace.slug }, { format: 'csv' })} className="utrecht-link utrecht-link--html-a" download>
              {mt('services.exportCsv')}
            </a>
          </li>
          <li>
            <a href={exportServices({ slug: workspace.slug }, { format: 'xlsx' })} className="utrecht-link utrecht-link--html-a" download>
              {mt('services.exportXlsx')}
            </a>
          </li>
        </ul>
      </section>
      {canEdit ? <ImportSection onImported={() => setVersion((v) => v + 1)} /> : null}
    </WidePage>
  );
}

/**
 * The names of the areas the listed services name (code → name): the municipalities (the
 * workspace's own from Wie is wie, others from the register) and their districts and
 * neighbourhoods (GET …/areas per municipality, with this workspace's own names). One request per
 * municipality, only for the municipalities in the list. A code whose name cannot be loaded stays a
 * code.
 */
function useAreaNames(
  slug: string,
  services: readonly Pick<SocialService, 'areas'>[],
  followed: readonly { code: string; name: string }[],
): ReadonlyMap<string, string> {
  const codes = [
    ...new Set(services.flatMap((s) => s.areas.map(municipalityOf)).filter((c): c is string => c !== null)),
  ].sort();
  const own = new Map(followed.map((m) => [m.code, m.name]));
  const loaded = useApiData(`service-area-names:${slug}:${codes.join(',')}`, async (signal) => {
    const names = new Map<string, string>();
    await Promise.all(
      codes.map(async (code) => {
        const [areas, municipality] = await Promise.allSettled([
          listAreas({ slug }, { municipality_code: code }, { signal }),
          own.has(code) ? Promise.resolve(undefined) : getMunicipality({ code }, { signal }),
        ]);
        if (municipality.status === 'fulfilled' && municipality.value) {
          names.set(code, municipality.value.name);
          for (const d of municipality.value.districts) names.set(d.code, d.name);
        }
        if (areas.status === 'fulfilled') for (const a of areas.value.items) names.set(a.code, a.name);
      }),
    );
    return names;
  });
  const names = new Map(loaded.data ?? []);
  for (const [code, name] of own) names.set(code, name);
  return names;
}

/**
 * A service's areas by name, one line per municipality ("Utrecht: Wijk 03 Overvecht, Wijk 05 Oost"
 * or "heel Utrecht"). The CBS code is in each name's title, for who needs it.
 */
function ServiceAreas({ codes, names }: { codes: readonly string[]; names: ReadonlyMap<string, string> }) {
  const mt = useSocialMapText();
  return (
    <>
      {serviceAreaGroups(codes, names).map((group) => (
        <span key={group.municipality} className="aantafel-service-areas">
          {group.whole ? (
            <span title={group.municipality}>{mt('services.wholeMunicipality', { name: group.municipalityName })}</span>
          ) : (
            <>
              <span title={group.municipality}>{mt('services.inMunicipality', { name: group.municipalityName })}</span>{' '}
              {group.areas.map((area, index) => (
                <Fragment key={area.code}>
                  {index > 0 ? ', ' : ''}
                  <span title={area.code}>{area.name}</span>
                </Fragment>
              ))}
            </>
          )}
        </span>
      ))}
    </>
  );
}

/** Reads services from a CSV file: all rows or none, with every problem at its line and column. */
function ImportSection({ onImported }: { onImported: () => void }) {
  const mt = useSocialMapText();
  const { workspace } = useWorkspace();
  const [status, setStatus] = useState('');

  return (
    <section className="aantafel-section" aria-labelledby="services-import-heading">
      <Heading2 id="services-import-heading">{mt('import.title')}</Heading2>
      <Paragraph>{mt('import.intro')}</Paragraph>
      <Paragraph>
        <code className="aantafel-code">{IMPORT_COLUMNS}</code>
      </Paragraph>
      <Paragraph>{mt('import.columnsHint')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      <CsvUploadForm
        labelledBy="services-import-heading"
        fileId="services-file"
        fileLabel={mt('import.file')}
        fileHint={mt('import.fileHint')}
        problemsIntro={
          <>
            <Paragraph className="aantafel-alert-title">{mt('import.problemsTitle')}</Paragraph>
            <Paragraph>{mt('import.nothing')}</Paragraph>
          </>
        }
        submitLabel={mt('import.submit')}
        busyLabel={mt('import.busy')}
        send={async (file) => {
          setStatus('');
          const result = await importServices({ slug: workspace.slug }, new Upload(file, 'text/csv'));
          setStatus(mt('import.done', { count: result.imported }));
          onImported();
        }}
        problemsOf={(error) => csvProblems(error)?.map((p) => csvProblemText(p, mt)) ?? null}
      />
    </section>
  );
}
