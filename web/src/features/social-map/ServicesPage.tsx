import { Fragment, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { Check } from 'lucide-react';
import { Upload } from '../../api/client';
import { SERVICE_DOMAINS, type ServiceDomain, type SocialService } from '../../api/types';
import { exportServices, importServices, listAreas, listServices } from '../../api/generated/social-map';
import { getMunicipality, listOrganisations } from '../../api/generated/whoiswho';
import { FileField } from '../../components/FileField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { useApiData } from '../../components/useApiData';
import { TableScroll } from '../../components/TableScroll';
import { useWorkspace } from '../shell/workspaceContext';
import { WidePage } from '../shell/WidePage';
import { SocialMapNav, useCanEdit, useHandedOverStatus, useSocialMapBase, useUrlFilters } from './common';
import {
  csvProblems,
  csvProblemText,
  domainLabel,
  followedMunicipalities,
  lawLabel,
  municipalityOf,
  serviceAreaGroups,
} from './socialmap';
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
  const domain = (SERVICE_DOMAINS as readonly string[]).includes(params.get('domein') ?? '')
    ? (params.get('domein') as ServiceDomain)
    : undefined;
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
  const organisations = useApiData(`organisations:${workspace.slug}`, (signal) =>
    listOrganisations({ slug: workspace.slug }, { signal }),
  );
  const orgItems = organisations.data?.items ?? [];
  const municipalities = followedMunicipalities(orgItems);
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
              ...orgItems
                .filter((o) => o.kind !== 'municipality')
                .map((o) => ({ value: String(o.id), label: o.name })),
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
            options={[
              { value: '', label: mt('map.allDomains') },
              ...SERVICE_DOMAINS.map((d) => ({ value: d, label: domainLabel(mt, d) })),
            ]}
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
        <TableScroll labelledBy="services-caption">
          <table className="utrecht-table aantafel-table">
            <caption className="utrecht-table__caption" id="services-caption">
              {mt('services.caption', { count: items.length })}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">{mt('services.name')}</th>
                <th scope="col" className="utrecht-table__header-cell">{mt('services.organisation')}</th>
                <th scope="col" className="utrecht-table__header-cell">{mt('services.domainAndLaw')}</th>
                <th scope="col" className="utrecht-table__header-cell">{mt('services.areas')}</th>
                <th scope="col" className="utrecht-table__header-cell">{mt('services.waiting')}</th>
                <th scope="col" className="utrecht-table__header-cell">{mt('services.status')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {items.map((s) => (
                <tr key={s.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    <Link to={`${base}/services/${s.id}`} className="utrecht-link utrecht-link--html-a">
                      {s.name}
                    </Link>
                  </th>
                  <td className="utrecht-table__cell">{s.organisation_name}</td>
                  {/* The law under the kind of help: one column less, so the table fits beside the menu. */}
                  <td className="utrecht-table__cell">
                    {domainLabel(mt, s.domain)}
                    <span className="aantafel-meta aantafel-map-cell__law">{lawLabel(mt, s.law)}</span>
                  </td>
                  <td className="utrecht-table__cell">
                    <ServiceAreas codes={s.areas} names={areaNames} />
                  </td>
                  <td className="utrecht-table__cell">
                    {s.waiting_weeks === null
                      ? mt('common.none')
                      : s.waiting_weeks === 1
                        ? mt('services.week')
                        : mt('services.weeks', { count: s.waiting_weeks })}
                  </td>
                  <td className="utrecht-table__cell">
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
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
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
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [problems, setProblems] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const problemsRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems(null);
    setError(null);
    setStatus('');
    if (!file) {
      setFileError(mt('error.file'));
      fileRef.current?.focus();
      return;
    }
    setFileError(undefined);
    setBusy(true);
    try {
      const result = await importServices({ slug: workspace.slug }, new Upload(file, 'text/csv'));
      setStatus(mt('import.done', { count: result.imported }));
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
      onImported();
    } catch (caught) {
      const list = csvProblems(caught);
      if (list) {
        setProblems(list.map((p) => csvProblemText(p, mt)));
        setTimeout(() => problemsRef.current?.focus(), 0);
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="aantafel-section" aria-labelledby="services-import-heading">
      <Heading2 id="services-import-heading">{mt('import.title')}</Heading2>
      <Paragraph>{mt('import.intro')}</Paragraph>
      <Paragraph>
        <code className="aantafel-code">{IMPORT_COLUMNS}</code>
      </Paragraph>
      <Paragraph>{mt('import.columnsHint')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      <form noValidate onSubmit={submit} aria-labelledby="services-import-heading" aria-busy={busy || undefined}>
        {error ? <ErrorAlert error={error} /> : null}
        {problems ? (
          <div className="aantafel-map-problems" tabIndex={-1} ref={problemsRef}>
            <Alert type="error">
              <Paragraph className="aantafel-alert-title">{mt('import.problemsTitle')}</Paragraph>
              <Paragraph>{mt('import.nothing')}</Paragraph>
              <ul className="aantafel-map-list">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </Alert>
          </div>
        ) : null}
        <FileField
          id="services-file"
          label={mt('import.file')}
          description={mt('import.fileHint')}
          error={fileError}
          accept=".csv,text/csv"
          inputRef={fileRef}
          onChange={(file) => {
            setFile(file);
            setFileError(undefined);
            setProblems(null);
          }}
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={busy}>
            {busy ? mt('import.busy') : mt('import.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
