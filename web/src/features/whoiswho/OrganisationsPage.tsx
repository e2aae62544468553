import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  Button,
  Heading2,
  Heading3,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import { ORGANISATION_KINDS, type Municipality, type Organisation, type OrganisationKind } from '../../api/types';
import { addOrganisation, listOrganisations, searchMunicipalities } from '../../api/generated/whoiswho';
import { DataTable, StackLabel } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { WorkspaceMap } from '../municipality/WorkspaceMap';
import { useWorkspace } from '../shell/workspaceContext';
import { useCanEdit, usePeopleBase, WhoIsWhoNav } from './common';
import { CardForm } from '../../components/CardForm';
import { useFieldForm } from '../../components/useFieldForm';
import { organisationKindLabel } from './labels';

/** The municipalities and other organisations this workspace keeps track of. */
export function OrganisationsPage() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const base = usePeopleBase();
  const canEdit = useCanEdit();
  const organisations = useApiData(`organisations:${slug}`, (signal) =>
    listOrganisations({ slug }, { signal }),
  );
  const [status, setStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const items = organisations.data?.items ?? [];

  async function added(organisation: Organisation) {
    await organisations.reload();
    setStatus(t('organisation.added', { name: organisation.name }));
    headingRef.current?.focus();
  }

  return (
    <>
      <PageHeading title={t('organisation.listTitle')} />
      <WhoIsWhoNav />
      <Paragraph>{t('organisation.listIntro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      <section className="aantafel-section" aria-labelledby="organisations-heading">
        <Heading2 id="organisations-heading" ref={headingRef} tabIndex={-1}>
          {t('organisation.yours')}
        </Heading2>
        {organisations.error ? <ErrorAlert error={organisations.error} /> : null}
        <div aria-busy={organisations.loading || undefined}>
          {organisations.loading && !organisations.data ? <Loading /> : null}
          {organisations.data && items.length === 0 ? (
            <Paragraph>{t('organisation.none')}</Paragraph>
          ) : null}
          {items.length > 0 ? (
            <DataTable
              caption={t('organisation.tableCaption', { workspace: workspace.name })}
              captionHidden
              stack
              columns={[t('organisation.name'), t('organisation.kind'), t('organisation.code')]}
            >
              {items.map((o) => (
                <TableRow key={o.id}>
                  <TableHeaderCell scope="row">
                    <Link to={`${base}/organisations/${o.id}`} className="utrecht-link utrecht-link--html-a">
                      {o.name}
                    </Link>
                  </TableHeaderCell>
                  <TableCell>
                    <StackLabel>{t('organisation.kind')}</StackLabel>
                    {t(organisationKindLabel(o.kind))}
                  </TableCell>
                  <TableCell>
                    <StackLabel>{t('organisation.code')}</StackLabel>
                    {o.municipality_code ?? <span className="aantafel-meta">–</span>}
                  </TableCell>
                </TableRow>
              ))}
            </DataTable>
          ) : null}
        </div>
      </section>
      {organisations.data ? <WorkspaceMap slug={slug} organisations={items} /> : null}
      {canEdit ? (
        <>
          <AddMunicipalityForm slug={slug} known={items} onAdded={added} />
          <AddOrganisationForm slug={slug} onAdded={added} />
        </>
      ) : null}
    </>
  );
}

/** Search the municipality reference data and add one to the workspace. */
function AddMunicipalityForm({
  slug,
  known,
  onAdded,
}: {
  slug: string;
  known: readonly Organisation[];
  onAdded: (organisation: Organisation) => Promise<void>;
}) {
  const { t, formatNumber } = useI18n();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Municipality[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [addingCode, setAddingCode] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const resultsHeadingRef = useRef<HTMLHeadingElement>(null);
  const [focusResults, setFocusResults] = useState(false);
  const knownCodes = new Set(known.map((o) => o.municipality_code).filter(Boolean));

  useEffect(() => {
    if (focusResults && results) {
      resultsHeadingRef.current?.focus();
      setFocusResults(false);
    }
  }, [focusResults, results]);

  async function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (searching) return;
    setError(null);
    if (!query.trim()) {
      setFieldError(t('organisation.searchRequired'));
      inputRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    setSearching(true);
    try {
      const found = await searchMunicipalities({ q: query.trim() });
      setResults(found.items);
      setFocusResults(true);
    } catch (caught) {
      if (isApiError(caught) && caught.fields.q) {
        setFieldError(caught.fields.q);
        inputRef.current?.focus();
      } else {
        setError(caught);
      }
    } finally {
      setSearching(false);
    }
  }

  async function add(municipality: Municipality) {
    if (addingCode) return;
    setAddingCode(municipality.code);
    setError(null);
    try {
      const organisation = await addOrganisation({ slug }, {
        kind: 'municipality',
        municipality_code: municipality.code,
      });
      setResults(null);
      setQuery('');
      await onAdded(organisation);
    } catch (caught) {
      setError(caught);
    } finally {
      setAddingCode(null);
    }
  }

  return (
    <section className="aantafel-card" aria-labelledby="add-municipality-heading">
      <Heading2 id="add-municipality-heading">{t('organisation.addMunicipality')}</Heading2>
      <Paragraph>{t('organisation.addMunicipalityIntro')}</Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      <form
        className="aantafel-inline-form aantafel-inline-form--bottom"
        role="search"
        aria-label={t('organisation.addMunicipality')}
        noValidate
        onSubmit={(event) => void search(event)}
      >
        <TextField
          id="municipality-search"
          type="search"
          label={t('organisation.searchLabel')}
          autoComplete="off"
          maxLength={200}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          error={fieldError}
          inputRef={inputRef}
        />
        <Button type="submit" appearance="secondary-action-button" busy={searching}>
          {searching ? t('organisation.searching') : t('organisation.search')}
        </Button>
      </form>
      {results ? (
        <div>
          <Heading3 id="municipality-results-heading" ref={resultsHeadingRef} tabIndex={-1}>
            {t('organisation.results', { count: results.length })}
          </Heading3>
          {results.length === 0 ? (
            <Paragraph>{t('organisation.noResults')}</Paragraph>
          ) : (
            <ul className="aantafel-result-list">
              {results.map((m) => (
                <li key={m.code} className="aantafel-result-list__item">
                  <span>
                    <strong>{m.name}</strong> <span className="aantafel-meta">({m.code}{m.province ? `, ${m.province}` : ''}{m.population ? `, ${t('organisation.population', { count: formatNumber(m.population) })}` : ''})</span>
                  </span>
                  {knownCodes.has(m.code) ? (
                    <span className="aantafel-meta">{t('organisation.alreadyAdded')}</span>
                  ) : (
                    <Button
                      type="button"
                      appearance="secondary-action-button"
                      busy={addingCode === m.code}
                      onClick={() => void add(m)}
                    >
                      {t('organisation.addThis')}
                      <span className="aantafel-visually-hidden"> {m.name}</span>
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </section>
  );
}

const ORG_FIELDS = ['kind', 'name'] as const;

/** Adds another kind of organisation (a provider, a housing corporation, …) by name. */
function AddOrganisationForm({
  slug,
  onAdded,
}: {
  slug: string;
  onAdded: (organisation: Organisation) => Promise<void>;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<OrganisationKind>('provider');
  const [name, setName] = useState('');
  const form = useFieldForm(ORG_FIELDS, (field) => document.getElementById(`add-organisation-${field}`)?.focus());
  const { fieldErrors, busy } = form;

  async function send() {
    const organisation = await addOrganisation({ slug }, { kind, name: name.trim() });
    setName('');
    await onAdded(organisation);
  }

  return (
    <CardForm
      headingId="add-organisation-heading"
      heading={
        <>
          <Heading2 id="add-organisation-heading">{t('organisation.addOther')}</Heading2>
          <Paragraph>{t('organisation.addOtherIntro')}</Paragraph>
        </>
      }
      busy={busy}
      error={form.error}
      onSubmit={(event) =>
        void form.submit(event, { check: () => (name.trim() ? {} : { name: t('organisation.nameRequired') }), send })
      }
    >
      <SelectField
        id="add-organisation-kind"
        label={t('organisation.kind')}
        options={ORGANISATION_KINDS.filter((k) => k !== 'municipality').map((k) => ({
          value: k,
          label: t(organisationKindLabel(k)),
        }))}
        value={kind}
        onChange={(event) => setKind(event.target.value as OrganisationKind)}
        error={fieldErrors.kind}
      />
      <TextField
        id="add-organisation-name"
        label={t('organisation.name')}
        required
        maxLength={200}
        autoComplete="off"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={fieldErrors.name}
      />
      <Button type="submit" appearance="primary-action-button" busy={busy}>
        {busy ? t('common.saving') : t('organisation.addOtherSubmit')}
      </Button>
    </CardForm>
  );
}
