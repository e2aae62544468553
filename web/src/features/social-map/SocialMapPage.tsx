import { useCallback, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
} from '@utrecht/component-library-react';
import { Upload } from '../../api/client';
import { SERVICE_DOMAINS, SERVICE_LAWS, type ServiceDomain } from '../../api/types';
import { deleteArea, getCoverage, listAreas, listServices, saveAreas } from '../../api/generated/social-map';
import { getMunicipality } from '../../api/generated/whoiswho';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { TableScroll } from '../../components/TableScroll';
import { TextField } from '../../components/TextField';
import { useI18n } from '../../i18n/I18nProvider';
import { useApiData } from '../../components/useApiData';
import { splitFieldErrors } from '../../components/formErrors';
import { getDistrictMap } from '../../components/map/mapApi';
import { NEIGHBOURHOODS, objectAreas } from '../../components/map/objects';
import { useWorkspace } from '../shell/workspaceContext';
import { WidePage } from '../shell/WidePage';
import {
  AREA_FILTER_FROM,
  AreaFilter,
  CoverageSummary,
  CoverageTable,
  MatrixLegend,
  SocialMapNav,
  useCanEdit,
  useSocialMapBase,
  useUrlFilters,
  useWorkspaceOrganisations,
} from './common';
import { CoverageMap } from './CoverageMap';
import { CsvUploadForm } from './CsvUploadForm';
import { coverageOfDistrict } from './coverageMap';
import { MunicipalityPicker, NotFollowedNote, type MunicipalityChoice } from './MunicipalityPicker';
import {
  areaKind,
  areaUploadProblems,
  domainLabel,
  domainOptions,
  lawOptions,
  oneOf,
  servicesPerMunicipality,
  startMunicipality,
} from './socialmap';
import { useSocialMapText } from './texts';

/**
 * The social map of one municipality: any municipality of the register, chosen from the
 * workspace's own or in one search. A summary, the coverage per district (or per neighbourhood,
 * once imported) as a map with its table, the chosen area's matrix, the full matrix, and the
 * municipality's areas.
 */
export function SocialMapPage() {
  const mt = useSocialMapText();
  const { workspace } = useWorkspace();
  const canEdit = useCanEdit();
  const params = useUrlFilters();
  const base = useSocialMapBase();
  const { search } = useLocation();
  const { organisations, municipalities } = useWorkspaceOrganisations();
  const chosen = params.get('gemeente') ?? '';
  // A municipality in the URL wins. Without one, open where the workspace's services are, not on
  // an empty map: that needs the list of services once (GET …/services, all of them).
  const explicit = /^GM\d{4}$/.test(chosen) ? chosen : '';
  const services = useApiData(`services-start:${workspace.slug}:${explicit ? 'chosen' : ''}`, (signal) =>
    explicit ? Promise.resolve(undefined) : listServices({ slug: workspace.slug }, {}, { signal }),
  );
  const deciding = !explicit && !services.data && !services.error;
  const code =
    explicit ||
    (!organisations.data || deciding
      ? ''
      : services.data
        ? startMunicipality(municipalities, services.data.items)
        : (municipalities[0]?.code ?? ''));
  // Say why this municipality shows, when the services chose it.
  const startedOnServices =
    !explicit && code !== '' && (services.data ? (servicesPerMunicipality(services.data.items).get(code) ?? 0) > 0 : false);
  const followed = municipalities.find((m) => m.code === code);
  const detail = useApiData(`municipality:${code}`, (signal) =>
    code ? getMunicipality({ code }, { signal }) : Promise.resolve(undefined),
  );
  const districtMap = useApiData(`district-map:${code}`, (signal) =>
    code ? getDistrictMap(code, signal) : Promise.resolve(undefined),
  );
  const detailData = detail.data?.code === code ? detail.data : undefined;
  const municipalityName = followed?.name ?? detailData?.name ?? code;
  const domain = oneOf(SERVICE_DOMAINS, params.get('domein'));
  const law = oneOf(SERVICE_LAWS, params.get('wet'));
  const publishedOnly = params.get('gepubliceerd') === 'ja';
  const district = params.get('wijk');
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState('');
  const coverage = useApiData(
    `coverage:${workspace.slug}:${code}:${domain ?? ''}:${law ?? ''}:${publishedOnly}:${version}`,
    (signal) =>
      code
        ? getCoverage(
            { slug: workspace.slug },
            { municipality_code: code, domain, law, published: publishedOnly ? 'true' : undefined },
            { signal },
          )
        : Promise.resolve(undefined),
  );
  // Memoized, like hrefFor and labelDomain: the map is projected again when they change.
  const names = useMemo(
    () => new Map((organisations.data?.items ?? []).map((o) => [o.id, o.name])),
    [organisations.data],
  );

  const setParam = params.set;

  // An area's link keeps the page's other filters. Without the chosen area in it, choosing one
  // does not make new links (and so does not project the map again).
  const linkParams = new URLSearchParams(search);
  linkParams.set('gemeente', code);
  linkParams.set('wijk', '');
  const linkQuery = linkParams.toString();
  const hrefFor = useCallback(
    (districtCode: string): string => {
      const next = new URLSearchParams(linkQuery);
      next.set('wijk', districtCode);
      return `${base}?${next.toString()}`;
    },
    [linkQuery, base],
  );
  const labelDomain = useCallback((d: ServiceDomain) => domainLabel(mt, d), [mt]);

  function choose(choice: MunicipalityChoice) {
    if (choice.code === code) return;
    params.setAll({ gemeente: choice.code, wijk: '' });
    setStatus(mt('picker.chosen', { name: choice.name }));
  }

  const onlyMunicipality =
    coverage.data !== undefined && coverage.data.areas.every((a) => areaKind(a.code) === 'municipality');
  const districtRows = coverage.data && district ? coverageOfDistrict(coverage.data, district) : null;
  const districtName =
    district && (coverage.data?.areas.find((a) => a.code === district)?.name ??
      detailData?.districts.find((d) => d.code === district)?.name ??
      objectAreas(districtMap.data, NEIGHBOURHOODS).find((n) => n.code === district)?.name ??
      district);
  const chosenIsNeighbourhood = district ? areaKind(district) === 'neighbourhood' : false;

  return (
    <WidePage>
      <PageHeading title={mt('map.title')} />
      <SocialMapNav />
      <Paragraph>{mt('intro')}</Paragraph>
      {!canEdit ? <Paragraph>{mt('viewerReadOnly')}</Paragraph> : null}
      <StatusMessage>{status}</StatusMessage>
      {organisations.error ? <ErrorAlert error={organisations.error} /> : null}
      {(organisations.loading && !organisations.data) || (organisations.data && deciding) ? <Loading /> : null}
      {organisations.data && municipalities.length === 0 ? (
        <Alert type="info">
          <Paragraph>{mt('municipality.none')}</Paragraph>
          <Paragraph>
            <Link
              to={`/w/${encodeURIComponent(workspace.slug)}/people/organisations`}
              className="utrecht-link utrecht-link--html-a"
            >
              {mt('municipality.toWhoiswho')}
            </Link>
          </Paragraph>
        </Alert>
      ) : null}
      {organisations.data && !deciding ? (
        <MunicipalityPicker
          id="map-municipality"
          title={mt('picker.title')}
          followed={municipalities}
          current={code ? { code, name: municipalityName } : null}
          onChoose={choose}
        />
      ) : null}
      {code && organisations.data && !followed && detailData ? <NotFollowedNote name={municipalityName} /> : null}
      {startedOnServices ? (
        <Paragraph className="aantafel-meta" data-testid="map-start">
          {mt('map.start', { name: municipalityName })}
        </Paragraph>
      ) : null}
      {detail.error ? <ErrorAlert error={detail.error} /> : null}
      {code && organisations.data ? (
        <>
          <section className="aantafel-filters" aria-labelledby="map-filters-heading">
            <Heading2 id="map-filters-heading">{mt('map.filters')}</Heading2>
            <div className="aantafel-filters__fields">
              <SelectField
                id="map-domain"
                label={mt('map.domain')}
                options={domainOptions(mt, mt('map.allDomains'))}
                value={domain ?? ''}
                onChange={(event) => setParam('domein', event.target.value)}
              />
              <SelectField
                id="map-law"
                label={mt('map.law')}
                options={lawOptions(mt, mt('map.allLaws'))}
                value={law ?? ''}
                onChange={(event) => setParam('wet', event.target.value)}
              />
              <div className="aantafel-radio">
                <input
                  type="checkbox"
                  id="map-published"
                  className="aantafel-radio__input"
                  checked={publishedOnly}
                  onChange={(event) => setParam('gepubliceerd', event.target.checked ? 'ja' : '')}
                />
                <label htmlFor="map-published" className="aantafel-radio__label">
                  {mt('map.publishedOnly')}
                </label>
              </div>
            </div>
          </section>
          {coverage.error ? <ErrorAlert error={coverage.error} /> : null}
          {coverage.loading && !coverage.data ? <Loading /> : null}
          {coverage.data ? (
            <>
              <CoverageSummary coverage={coverage.data} headingId="map-summary-heading" />
              {onlyMunicipality ? (
                <Alert type="info">
                  <Paragraph>{mt('map.noAreas')}</Paragraph>
                </Alert>
              ) : null}
              <section aria-labelledby="map-map-heading" className="aantafel-section">
                <Heading2 id="map-map-heading">{mt('map.mapTitle')}</Heading2>
                <CoverageMap
                  id="coverage"
                  coverage={coverage.data}
                  districts={detailData?.districts ?? []}
                  municipalityName={municipalityName}
                  domainName={domain ? domainLabel(mt, domain) : undefined}
                  topology={districtMap.data}
                  topologyError={districtMap.error || undefined}
                  providerNames={names}
                  hrefFor={hrefFor}
                  selected={district}
                  domainLabel={labelDomain}
                />
              </section>
              {district && districtRows && districtRows.areas.length > 0 ? (
                <section aria-labelledby="map-district-heading" className="aantafel-section">
                  <Heading2 id="map-district-heading">
                    {mt(chosenIsNeighbourhood ? 'neighbourhood.title' : 'district.title', { name: districtName ?? district })}
                  </Heading2>
                  <CoverageTable
                    id="map-district-matrix"
                    coverage={districtRows}
                    caption={mt('district.caption', { name: districtName ?? district })}
                    nameOf={(id) => names.get(id)}
                  />
                  <Paragraph>
                    <Button type="button" appearance="subtle-button" onClick={() => setParam('wijk', '')}>
                      {mt(chosenIsNeighbourhood ? 'neighbourhood.clear' : 'district.clear')}
                    </Button>
                  </Paragraph>
                </section>
              ) : null}
              <MatrixLegend />
              <CoverageTable
                id="map-matrix"
                coverage={coverage.data}
                caption={mt('matrix.caption', { municipality: municipalityName })}
                nameOf={(id) => names.get(id)}
              />
            </>
          ) : null}
          <AreasSection
            municipalityCode={code}
            municipalityName={municipalityName}
            canEdit={canEdit}
            onChanged={() => setVersion((v) => v + 1)}
          />
        </>
      ) : null}
    </WidePage>
  );
}

/** From this many areas on, the list gets a search box. */

/**
 * The districts and neighbourhoods of one municipality: the register's districts by name (with a
 * search box for long lists), the workspace's own; add a neighbourhood in a district or give a
 * district another name without typing its code, add one by code, read a CSV, delete.
 */
function AreasSection({
  municipalityCode,
  municipalityName,
  canEdit,
  onChanged,
}: {
  municipalityCode: string;
  municipalityName: string;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const mt = useSocialMapText();
  const { formatNumber } = useI18n();
  const { workspace } = useWorkspace();
  const areas = useApiData(`areas:${workspace.slug}:${municipalityCode}`, (signal) =>
    listAreas({ slug: workspace.slug }, { municipality_code: municipalityCode }, { signal }),
  );
  const [status, setStatus] = useState('');
  const [codeValue, setCodeValue] = useState('');
  const [nameValue, setNameValue] = useState('');
  const [addErrors, setAddErrors] = useState<{ code?: string; name?: string }>({});
  const [addError, setAddError] = useState<unknown>(null);
  const [adding, setAdding] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const [deleting, setDeleting] = useState<{ code: string; name: string } | null>(null);
  const [filter, setFilter] = useState('');
  // CBS key figures (need next to supply), when the operator imported them: the newest year.
  const figuresYear = (areas.data?.items ?? []).reduce<number | null>(
    (year, a) => (a.figures && (year === null || a.figures.year > year) ? a.figures.year : year),
    null,
  );

  async function add(event: FormEvent) {
    event.preventDefault();
    const code = codeValue.trim().toUpperCase();
    const name = nameValue.trim();
    const errors: { code?: string; name?: string } = {};
    if (!code) errors.code = mt('error.required');
    else if (areaKind(code) === null || areaKind(code) === 'municipality') errors.code = mt('error.areaCode');
    if (!name) errors.name = mt('error.required');
    setAddErrors(errors);
    setAddError(null);
    if (errors.code) return codeRef.current?.focus();
    if (errors.name) return nameRef.current?.focus();
    setAdding(true);
    try {
      await saveAreas({ slug: workspace.slug }, { items: [{ code, name }] });
      setCodeValue('');
      setNameValue('');
      setStatus(mt('areas.added', { name }));
      await areas.reload();
      onChanged();
    } catch (caught) {
      const { fields, rest } = splitFieldErrors(caught, ['areas']);
      const message = fields.areas;
      if (message) {
        const isName = Object.keys((caught as { fields?: Record<string, string> }).fields ?? {}).some((f) =>
          f.endsWith('.name'),
        );
        setAddErrors(isName ? { name: message } : { code: message });
        (isName ? nameRef : codeRef).current?.focus();
      }
      setAddError(rest);
    } finally {
      setAdding(false);
    }
  }

  async function upload(file: File) {
    const result = await saveAreas({ slug: workspace.slug }, new Upload(file, 'text/csv'));
    setStatus(mt('areas.uploaded', { count: result.saved }));
    await areas.reload();
    onChanged();
  }

  const items = areas.data?.items ?? [];
  const needle = filter.trim().toLocaleLowerCase('nl');
  const shown = needle
    ? items.filter((a) => a.name.toLocaleLowerCase('nl').includes(needle) || a.code.toLowerCase().includes(needle))
    : items;

  /** Fills the add form to add a neighbourhood in a district, or to give a district another name. */
  function prepare(area: { code: string; name: string }, what: 'neighbourhood' | 'rename') {
    setAddErrors({});
    if (what === 'neighbourhood') {
      setCodeValue(`BU${area.code.slice(2)}`);
      setNameValue('');
      setStatus(mt('areas.startNeighbourhood', { name: area.name }));
      codeRef.current?.focus();
    } else {
      setCodeValue(area.code);
      setNameValue(area.name);
      setStatus(mt('areas.startRename', { name: area.name }));
      nameRef.current?.focus();
      nameRef.current?.select();
    }
  }

  return (
    <section className="aantafel-section" aria-labelledby="areas-heading">
      <Heading2 id="areas-heading">{mt('areas.title')}</Heading2>
      <Paragraph>{mt('areas.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      {areas.error ? <ErrorAlert error={areas.error} /> : null}
      {areas.loading && !areas.data ? <Loading /> : null}
      {areas.data && items.length === 0 ? <Paragraph>{mt('areas.empty')}</Paragraph> : null}
      {items.length > AREA_FILTER_FROM ? (
        <AreaFilter
          id="areas-filter"
          label={mt('areas.filter')}
          hint={mt('areas.filterHint')}
          value={filter}
          onChange={setFilter}
          status={needle ? mt('areas.filtered', { shown: shown.length, count: items.length }) : ''}
        />
      ) : null}
      {items.length > 0 ? (
        <TableScroll labelledBy="areas-caption">
          <table className="utrecht-table aantafel-table">
            <caption className="utrecht-table__caption" id="areas-caption">
              {mt('areas.caption', { municipality: municipalityName })}
              {figuresYear !== null ? ` ${mt('areas.figuresSource', { year: figuresYear })}` : ''}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">{mt('areas.name')}</th>
                <th scope="col" className="utrecht-table__header-cell">{mt('areas.code')}</th>
                <th scope="col" className="utrecht-table__header-cell">{mt('areas.kind')}</th>
                {figuresYear !== null ? (
                  <>
                    <th scope="col" className="utrecht-table__header-cell aantafel-number">
                      {mt('areas.inhabitants')}
                    </th>
                    <th scope="col" className="utrecht-table__header-cell aantafel-number">
                      {mt('areas.aged65')}
                    </th>
                  </>
                ) : null}
                <th scope="col" className="utrecht-table__header-cell">{mt('areas.source')}</th>
                {canEdit ? (
                  <th scope="col" className="utrecht-table__header-cell">
                    <span className="aantafel-visually-hidden">{mt('areas.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {shown.map((a) => {
                const kind = areaKind(a.code);
                const fromRegister = a.source === 'register';
                return (
                  <tr key={a.code} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell">{a.name}</th>
                    <td className="utrecht-table__cell">{a.code}</td>
                    <td className="utrecht-table__cell">{kind ? mt(`kind.${kind}`) : mt('common.none')}</td>
                    {figuresYear !== null ? (
                      <>
                        <td className="utrecht-table__cell aantafel-number">
                          {a.figures?.inhabitants != null ? formatNumber(a.figures.inhabitants) : mt('areas.noFigure')}
                        </td>
                        <td className="utrecht-table__cell aantafel-number">
                          {a.figures?.share_65_plus != null
                            ? `${formatNumber(a.figures.share_65_plus, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`
                            : mt('areas.noFigure')}
                        </td>
                      </>
                    ) : null}
                    <td className="utrecht-table__cell">
                      {fromRegister ? mt('areas.sourceRegister') : mt('areas.sourceWorkspace')}
                    </td>
                    {canEdit ? (
                      <td className="utrecht-table__cell">
                        <span className="aantafel-map-actions">
                          {kind === 'district' ? (
                            <>
                              <Button type="button" appearance="subtle-button" onClick={() => prepare(a, 'neighbourhood')}>
                                {mt('areas.addNeighbourhood')}{' '}
                                <span className="aantafel-visually-hidden">{mt('areas.addNeighbourhoodIn', { name: a.name })}</span>
                              </Button>
                              <Button type="button" appearance="subtle-button" onClick={() => prepare(a, 'rename')}>
                                {mt('areas.rename')}{' '}
                                <span className="aantafel-visually-hidden">{mt('areas.renameOf', { name: a.name })}</span>
                              </Button>
                            </>
                          ) : null}
                          {!fromRegister ? (
                            <Button
                              type="button"
                              appearance="subtle-button"
                              onClick={() => setDeleting({ code: a.code, name: a.name })}
                            >
                              {mt('areas.delete', { name: a.name })}
                            </Button>
                          ) : null}
                        </span>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {canEdit ? (
        <>
          <form noValidate onSubmit={add} aria-labelledby="areas-add-heading" aria-busy={adding || undefined}>
            <Heading3 id="areas-add-heading">{mt('areas.addTitle')}</Heading3>
            {addError ? <ErrorAlert error={addError} /> : null}
            <div className="aantafel-map-add">
              <TextField
                id="area-code"
                label={mt('areas.code')}
                description={mt('areas.codeHint')}
                value={codeValue}
                onChange={(event) => setCodeValue(event.target.value)}
                error={addErrors.code}
                inputRef={codeRef}
                autoComplete="off"
                spellCheck={false}
              />
              <TextField
                id="area-name"
                label={mt('areas.name')}
                value={nameValue}
                onChange={(event) => setNameValue(event.target.value)}
                error={addErrors.name}
                inputRef={nameRef}
                autoComplete="off"
              />
            </div>
            <ButtonGroup>
              <Button type="submit" appearance="secondary-action-button" busy={adding}>
                {mt('areas.add')}
              </Button>
            </ButtonGroup>
          </form>
          <CsvUploadForm
            labelledBy="areas-upload-heading"
            fileId="areas-file"
            fileLabel={mt('areas.file')}
            fileHint={
              <>
                {mt('areas.uploadHint')} <code className="aantafel-code">code;naam</code>
              </>
            }
            problemsIntro={<Paragraph>{mt('areas.problems')}</Paragraph>}
            submitLabel={mt('areas.upload')}
            send={upload}
            problemsOf={(error) => areaUploadProblems(error, mt)}
          >
            <Heading3 id="areas-upload-heading">{mt('areas.uploadTitle')}</Heading3>
          </CsvUploadForm>
        </>
      ) : null}
      {deleting ? (
        <ConfirmDialog
          open
          title={mt('areas.deleteTitle', { name: deleting.name })}
          confirmLabel={mt('common.delete')}
          busyLabel={mt('common.deleting')}
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            await deleteArea({ slug: workspace.slug, code: deleting.code });
            setStatus(mt('areas.deleted', { name: deleting.name }));
            setDeleting(null);
            await areas.reload();
            onChanged();
          }}
        >
          {mt('areas.deleteBody')}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
