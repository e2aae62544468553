import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import type { SocialService } from '../../api/types';
import { addService, deleteService, getService, listAreas, replaceService } from '../../api/generated/social-map';
import { getMunicipality } from '../../api/generated/whoiswho';
import { CheckboxGroupField } from '../../components/CheckboxGroupField';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useApiData } from '../../components/useApiData';
import { FormActions } from '../../components/FormActions';
import { useFieldForm } from '../../components/useFieldForm';
import { NotFoundContent } from '../shell/NotFoundPage';
import { useWorkspace } from '../shell/workspaceContext';
import {
  AREA_FILTER_FROM,
  AreaFilter,
  SocialMapNav,
  idParam,
  useCanEdit,
  useSocialMapBase,
  useWorkspaceOrganisations,
} from './common';
import {
  SERVICE_FIELDS,
  domainOptions,
  emptyServiceForm,
  formToService,
  lawOptions,
  municipalityOf,
  serviceToForm,
  type ServiceForm,
} from './socialmap';
import { MunicipalityPicker, type MunicipalityChoice } from './MunicipalityPicker';
import { useSocialMapText } from './texts';

const fieldId = (name: string) => `service-${name.replace(/_/g, '-')}`;

/** Records a new service. */
export function NewServicePage() {
  const mt = useSocialMapText();
  return (
    <>
      <PageHeading title={mt('service.newTitle')} />
      <SocialMapNav />
      <ServiceFormBody service={null} knownCodes={[]} />
    </>
  );
}

/** Changes or deletes a service. */
export function ServicePage() {
  const mt = useSocialMapText();
  const { workspace } = useWorkspace();
  const id = idParam(useParams().serviceId);
  const service = useApiData(`service:${workspace.slug}:${id}`, (signal) =>
    id ? getService({ slug: workspace.slug, service_id: id }, { signal }) : Promise.resolve(null),
  );
  const areas = useApiData(`areas:${workspace.slug}:all`, (signal) =>
    listAreas({ slug: workspace.slug }, {}, { signal }),
  );
  if (id === null) return <NotFoundContent />;
  const loaded = service.data && areas.data;
  return (
    <>
      <PageHeading title={service.data ? service.data.name : mt('service.editTitle')} />
      <SocialMapNav />
      {service.error ? <ErrorAlert error={service.error} /> : null}
      {areas.error ? <ErrorAlert error={areas.error} /> : null}
      {!loaded && !service.error ? <Loading /> : null}
      {loaded && service.data ? (
        <ServiceFormBody
          key={service.data.id}
          service={service.data}
          knownCodes={areas.data?.items.map((a) => a.code) ?? []}
        />
      ) : null}
    </>
  );
}

function ServiceFormBody({ service, knownCodes }: { service: SocialService | null; knownCodes: string[] }) {
  const mt = useSocialMapText();
  const { workspace } = useWorkspace();
  const base = useSocialMapBase();
  const canEdit = useCanEdit();
  const navigate = useNavigate();
  const { organisations, municipalities, providers } = useWorkspaceOrganisations();
  const [form, setForm] = useState<ServiceForm>(() => {
    if (!service) return emptyServiceForm();
    const known = [...knownCodes, ...service.areas.filter((c) => /^GM\d{4}$/.test(c))];
    return serviceToForm(service, known);
  });
  const [shownMunicipality, setShownMunicipality] = useState<string>(() => {
    const first = form.areas[0];
    return first ? (municipalityOf(first) ?? '') : '';
  });
  const [picked, setPicked] = useState<MunicipalityChoice | null>(null);
  const [areaFilter, setAreaFilter] = useState('');
  // Any municipality of the register can be shown: the workspace's own, or one found by name.
  const municipalityCode = /^GM\d{4}$/.test(shownMunicipality) ? shownMunicipality : (municipalities[0]?.code ?? '');
  const followedMunicipality = municipalities.find((m) => m.code === municipalityCode);
  const detail = useApiData(`municipality:${municipalityCode}`, (signal) =>
    municipalityCode && !followedMunicipality && picked?.code !== municipalityCode
      ? getMunicipality({ code: municipalityCode }, { signal })
      : Promise.resolve(undefined),
  );
  const municipality: MunicipalityChoice | undefined =
    followedMunicipality ??
    (picked?.code === municipalityCode ? picked : undefined) ??
    (detail.data?.code === municipalityCode ? { code: detail.data.code, name: detail.data.name } : undefined);
  const areas = useApiData(`areas:${workspace.slug}:${municipalityCode}`, (signal) =>
    municipalityCode ? listAreas({ slug: workspace.slug }, { municipality_code: municipalityCode }, { signal }) : Promise.resolve({ items: [] }),
  );
  const [deleting, setDeleting] = useState(false);

  function set<K extends keyof ServiceForm>(name: K, value: ServiceForm[K]) {
    setForm((f) => ({ ...f, [name]: value }));
  }

  function toggleArea(code: string, on: boolean) {
    setForm((f) => ({ ...f, areas: on ? [...f.areas, code] : f.areas.filter((c) => c !== code) }));
  }

  const fieldForm = useFieldForm(SERVICE_FIELDS, (name) => {
    // The areas' first checkbox (the whole municipality), else the box for typed codes.
    const target =
      name === 'areas'
        ? (document.querySelector<HTMLInputElement>('#service-areas input[type="checkbox"]') ??
          document.getElementById(fieldId('codes')))
        : document.getElementById(fieldId(name));
    target?.focus();
  });
  const { fieldErrors: errors, busy } = fieldForm;

  function submit(event: FormEvent) {
    const checked = formToService(form, mt);
    void fieldForm.submit(event, {
      check: () => checked.errors ?? {},
      send: async () => {
        if (!checked.body) return;
        const saved = service
          ? await replaceService({ slug: workspace.slug, service_id: service.id }, checked.body)
          : await addService({ slug: workspace.slug }, checked.body);
        navigate(`${base}/services`, { state: { status: mt('service.saved', { name: saved.name }) } });
      },
    });
  }

  const areaItems = areas.data?.items ?? [];
  const needle = areaFilter.trim().toLocaleLowerCase('nl');
  // Chosen areas stay in view while the list is filtered.
  const shownAreas = needle
    ? areaItems.filter(
        (a) =>
          form.areas.includes(a.code) ||
          a.name.toLocaleLowerCase('nl').includes(needle) ||
          a.code.toLowerCase().includes(needle),
      )
    : areaItems;
  const shownCodes = new Set(areaItems.map((a) => a.code));
  const otherChosen = form.areas.filter((c) => !shownCodes.has(c) && c !== municipalityCode);
  const areaOptions = [
    ...(municipality
      ? [
          {
            value: municipality.code,
            id: `service-area-${municipality.code}`,
            label: mt('service.wholeMunicipality', { name: municipality.name, code: municipality.code }),
          },
        ]
      : []),
    ...shownAreas.map((a) => ({
      value: a.code,
      id: `service-area-${a.code}`,
      label: (
        <>
          {a.name} <span className="aantafel-meta">({a.code})</span>
        </>
      ),
    })),
  ];

  if (!canEdit) return <Paragraph>{mt('viewerReadOnly')}</Paragraph>;
  if (organisations.loading && !organisations.data) return <Loading />;
  return (
    <>
      {organisations.error ? <ErrorAlert error={organisations.error} /> : null}
      {organisations.data && providers.length === 0 ? (
        <Alert type="info">
          <Paragraph>{mt('service.noOrganisations')}</Paragraph>
        </Alert>
      ) : null}
      <form noValidate onSubmit={submit} aria-busy={busy || undefined} aria-labelledby="page-heading">
        {fieldForm.error ? <ErrorAlert error={fieldForm.error} /> : null}
        <SelectField
          id={fieldId('organisation_id')}
          label={mt('service.organisation')}
          options={[
            { value: '', label: mt('service.noOrganisation') },
            ...providers.map((o) => ({ value: String(o.id), label: o.name })),
          ]}
          value={form.organisation_id}
          onChange={(event) => set('organisation_id', event.target.value)}
          error={errors.organisation_id}
          required
        />
        <TextField
          id={fieldId('name')}
          label={mt('service.name')}
          value={form.name}
          onChange={(event) => set('name', event.target.value)}
          error={errors.name}
          maxLength={200}
          required
          autoComplete="off"
        />
        <SelectField
          id={fieldId('domain')}
          label={mt('service.domain')}
          options={domainOptions(mt, mt('service.noDomain'))}
          value={form.domain}
          onChange={(event) => set('domain', event.target.value)}
          error={errors.domain}
          required
        />
        <SelectField
          id={fieldId('law')}
          label={mt('service.law')}
          description={mt('service.lawHint')}
          options={lawOptions(mt)}
          value={form.law}
          onChange={(event) => set('law', event.target.value)}
          error={errors.law}
        />
        <TextField
          id={fieldId('target_groups')}
          label={mt('service.groups')}
          description={mt('service.groupsHint')}
          value={form.target_groups}
          onChange={(event) => set('target_groups', event.target.value)}
          error={errors.target_groups}
          autoComplete="off"
        />
        <CheckboxGroupField
          id="service-areas"
          idBase="service-areas"
          legend={mt('service.areas')}
          description={mt('service.areasHint')}
          error={errors.areas}
          options={areaOptions}
          selected={form.areas}
          onToggle={toggleArea}
          after={
            <div className="aantafel-map-areas-more">
              {municipality && areas.data && areas.data.items.length === 0 ? (
                <Paragraph>{mt('service.noKnownAreas')}</Paragraph>
              ) : null}
              {otherChosen.length > 0 ? (
                <Paragraph>{mt('service.otherChosen', { codes: otherChosen.join(', ') })}</Paragraph>
              ) : null}
              <TextField
                id={fieldId('codes')}
                label={mt('service.codes')}
                description={mt('service.codesHint')}
                value={form.codes}
                onChange={(event) => set('codes', event.target.value)}
                autoComplete="off"
                spellCheck={false}
              />
            </div>
          }
        >
          <MunicipalityPicker
            id="service-areas-municipality"
            followed={municipalities}
            current={municipality ?? null}
            searchLabel={mt('service.otherMunicipality')}
            onChoose={(choice) => {
              setPicked(choice);
              setShownMunicipality(choice.code);
              setAreaFilter('');
            }}
          />
          {areas.error ? <ErrorAlert error={areas.error} /> : null}
          {areaItems.length > AREA_FILTER_FROM ? (
            <AreaFilter
              id="service-areas-filter"
              label={mt('service.areasFilter')}
              hint={mt('service.areasFilterHint')}
              value={areaFilter}
              onChange={setAreaFilter}
              status={needle ? mt('service.areasShown', { shown: shownAreas.length, count: areaItems.length }) : ''}
            />
          ) : null}
        </CheckboxGroupField>
        <TextField
          id={fieldId('contact')}
          label={mt('service.contact')}
          description={mt('service.contactHint')}
          value={form.contact}
          onChange={(event) => set('contact', event.target.value)}
          error={errors.contact}
          maxLength={500}
          autoComplete="off"
        />
        <TextAreaField
          id={fieldId('capacity_note')}
          label={mt('service.capacity')}
          description={mt('service.capacityHint')}
          value={form.capacity_note}
          onChange={(event) => set('capacity_note', event.target.value)}
          error={errors.capacity_note}
          maxLength={1000}
        />
        <TextField
          id={fieldId('waiting_weeks')}
          label={mt('service.waiting')}
          value={form.waiting_weeks}
          onChange={(event) => set('waiting_weeks', event.target.value)}
          error={errors.waiting_weeks}
          className="aantafel-map-weeks"
          inputMode="numeric"
          autoComplete="off"
        />
        <div className="aantafel-radio aantafel-map-publish">
          <input
            type="checkbox"
            id={fieldId('published')}
            className="aantafel-radio__input"
            checked={form.published}
            aria-describedby="service-published-hint"
            onChange={(event) => set('published', event.target.checked)}
          />
          <label htmlFor={fieldId('published')} className="aantafel-radio__label">
            <strong>{mt('service.published')}</strong>
          </label>
        </div>
        <Paragraph id="service-published-hint" className="aantafel-map-note">
          {mt('service.publishedHint')}
        </Paragraph>
        <FormActions
          busy={busy}
          submitLabel={mt('service.save')}
          busyLabel={mt('common.saving')}
          cancelTo={`${base}/services`}
        >
          {service ? (
            <Button type="button" appearance="subtle-button" onClick={() => setDeleting(true)}>
              {mt('service.delete')}
            </Button>
          ) : null}
        </FormActions>
      </form>
      {service && deleting ? (
        <ConfirmDialog
          open
          title={mt('service.deleteTitle', { name: service.name })}
          confirmLabel={mt('common.delete')}
          busyLabel={mt('common.deleting')}
          onCancel={() => setDeleting(false)}
          onConfirm={async () => {
            await deleteService({ slug: workspace.slug, service_id: service.id });
            setDeleting(false);
            navigate(`${base}/services`, { state: { status: mt('service.deleted', { name: service.name }) } });
          }}
        >
          {mt('service.deleteBody')}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
