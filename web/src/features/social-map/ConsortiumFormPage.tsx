import { useNavigate, useParams } from 'react-router';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { Consortium, ConsortiumWrite } from '../../api/types';
import { addConsortium, getConsortium, replaceConsortium } from '../../api/generated/social-map';
import { CheckboxGroupField } from '../../components/CheckboxGroupField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useApiData } from '../../components/useApiData';
import { FormActions } from '../../components/FormActions';
import type { FieldErrors } from '../../components/formErrors';
import { useFieldForm, useFormValues } from '../../components/useFieldForm';
import { NotFoundContent } from '../shell/NotFoundPage';
import { useWorkspace } from '../shell/workspaceContext';
import { SocialMapNav, idParam, useCanEdit, useSocialMapBase, useWorkspaceOrganisations } from './common';
import { useSocialMapText } from './texts';

const FIELDS = ['name', 'municipality_code', 'member_ids', 'contact_organisation_id', 'contact'] as const;
const fieldId = (name: string) => `consortium-${name.replace(/_/g, '-')}`;

/** Makes a new consortium. */
export function NewConsortiumPage() {
  const mt = useSocialMapText();
  return (
    <>
      <PageHeading title={mt('consortium.newTitle')} />
      <SocialMapNav />
      <ConsortiumForm consortium={null} />
    </>
  );
}

/** Changes a consortium. */
export function EditConsortiumPage() {
  const mt = useSocialMapText();
  const { workspace } = useWorkspace();
  const id = idParam(useParams().consortiumId);
  const consortium = useApiData(`consortium:${workspace.slug}:${id}`, (signal) =>
    id ? getConsortium({ slug: workspace.slug, consortium_id: id }, { signal }) : Promise.resolve(null),
  );
  if (id === null) return <NotFoundContent />;
  return (
    <>
      <PageHeading title={mt('consortium.editTitle')} />
      <SocialMapNav />
      {consortium.error ? <ErrorAlert error={consortium.error} /> : null}
      {consortium.loading && !consortium.data ? <Loading /> : null}
      {consortium.data ? <ConsortiumForm key={consortium.data.id} consortium={consortium.data} /> : null}
    </>
  );
}

interface Values {
  name: string;
  municipality_code: string;
  member_ids: number[];
  contact_organisation_id: string;
  contact: string;
}

function ConsortiumForm({ consortium }: { consortium: Consortium | null }) {
  const mt = useSocialMapText();
  const { workspace } = useWorkspace();
  const base = useSocialMapBase();
  const canEdit = useCanEdit();
  const navigate = useNavigate();
  const { organisations, municipalities, providers: candidates } = useWorkspaceOrganisations();
  const { values, setValues, set } = useFormValues<Values>(() => ({
    name: consortium?.name ?? '',
    municipality_code: consortium?.municipality_code ?? '',
    member_ids: consortium?.member_ids ?? [],
    contact_organisation_id: consortium?.contact_organisation_id ? String(consortium.contact_organisation_id) : '',
    contact: consortium?.contact ?? '',
  }));

  function toggleMember(id: number, on: boolean) {
    setValues((v) => {
      const member_ids = on ? [...v.member_ids, id] : v.member_ids.filter((m) => m !== id);
      const contact_organisation_id =
        !on && v.contact_organisation_id === String(id) ? '' : v.contact_organisation_id;
      return { ...v, member_ids, contact_organisation_id };
    });
  }

  const form = useFieldForm(FIELDS, (name) => {
    const target =
      name === 'member_ids'
        ? document.querySelector<HTMLInputElement>('#consortium-members input')
        : document.getElementById(fieldId(name));
    target?.focus();
  });
  const { fieldErrors: errors, busy } = form;

  function check() {
    const found: FieldErrors = {};
    if (!values.name.trim()) found.name = mt('error.consortiumName');
    if (!values.municipality_code) found.municipality_code = mt('error.municipality');
    if (values.member_ids.length === 0) found.member_ids = mt('error.members');
    return found;
  }

  async function send() {
    const body: ConsortiumWrite = {
      name: values.name.trim(),
      municipality_code: values.municipality_code,
      member_ids: values.member_ids,
      contact_organisation_id: values.contact_organisation_id ? Number(values.contact_organisation_id) : null,
      contact: values.contact.trim(),
    };
    const saved = consortium
      ? await replaceConsortium({ slug: workspace.slug, consortium_id: consortium.id }, body)
      : await addConsortium({ slug: workspace.slug }, body);
    navigate(`${base}/consortia/${saved.id}`, { state: { status: mt('consortium.saved', { name: saved.name }) } });
  }

  if (!canEdit) return <Paragraph>{mt('viewerReadOnly')}</Paragraph>;
  if (organisations.loading && !organisations.data) return <Loading />;
  const members = candidates.filter((o) => values.member_ids.includes(o.id));
  return (
    <form
      noValidate
      onSubmit={(event) => void form.submit(event, { check, send })}
      aria-busy={busy || undefined}
      aria-labelledby="page-heading"
    >
      {organisations.error ? <ErrorAlert error={organisations.error} /> : null}
      {form.error ? <ErrorAlert error={form.error} /> : null}
      <TextField
        id={fieldId('name')}
        label={mt('consortium.name')}
        value={values.name}
        onChange={(event) => set('name', event.target.value)}
        error={errors.name}
        maxLength={200}
        required
        autoComplete="off"
      />
      {organisations.data && municipalities.length === 0 ? (
        <Alert type="info">
          <Paragraph>{mt('municipality.none')}</Paragraph>
        </Alert>
      ) : null}
      <SelectField
        id={fieldId('municipality_code')}
        label={mt('consortium.municipality')}
        options={[
          { value: '', label: mt('consortium.noMunicipality') },
          ...municipalities.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` })),
        ]}
        value={values.municipality_code}
        onChange={(event) => set('municipality_code', event.target.value)}
        error={errors.municipality_code}
        required
      />
      <CheckboxGroupField
        id="consortium-members"
        idBase="consortium-members"
        legend={mt('consortium.members')}
        error={errors.member_ids}
        options={candidates.map((o) => ({ value: o.id, id: `consortium-member-${o.id}`, label: o.name }))}
        selected={values.member_ids}
        onToggle={toggleMember}
      >
        {organisations.data && candidates.length === 0 ? <Paragraph>{mt('consortium.noCandidates')}</Paragraph> : null}
      </CheckboxGroupField>
      <SelectField
        id={fieldId('contact_organisation_id')}
        label={mt('consortium.contactOrganisation')}
        description={mt('consortium.contactOrganisationHint')}
        options={[
          { value: '', label: mt('consortium.noContact') },
          ...members.map((o) => ({ value: String(o.id), label: o.name })),
        ]}
        value={values.contact_organisation_id}
        onChange={(event) => set('contact_organisation_id', event.target.value)}
        error={errors.contact_organisation_id}
      />
      <TextField
        id={fieldId('contact')}
        label={mt('consortium.contact')}
        description={mt('consortium.contactHint')}
        value={values.contact}
        onChange={(event) => set('contact', event.target.value)}
        error={errors.contact}
        maxLength={500}
        autoComplete="off"
      />
      <FormActions
        busy={busy}
        submitLabel={mt('consortium.save')}
        busyLabel={mt('common.saving')}
        cancelTo={consortium ? `${base}/consortia/${consortium.id}` : `${base}/consortia`}
      />
    </form>
  );
}
