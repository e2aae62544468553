import { useRef, useState } from 'react';
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
import { POSITION_KINDS, type Organisation, type Position, type PositionKind } from '../../api/types';
import { addPosition, deletePosition, endPosition } from '../../api/generated/whoiswho';
import { DataTable } from '../../components/DataTable';
import { CardForm } from '../../components/CardForm';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormActions } from '../../components/FormActions';
import { OpenInPlace, useOpenInPlace } from '../../components/OpenInPlace';
import { RowActionButton } from '../../components/RowActionButton';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useI18n } from '../../i18n/I18nProvider';
import { usePeopleBase, type PersonSectionProps } from './common';
import type { FieldErrors } from '../../components/formErrors';
import { useFieldForm } from '../../components/useFieldForm';
import { positionKindLabel } from './labels';
import { splitList, todayIso } from './lists';

interface Props extends PersonSectionProps {
  positions: readonly Position[];
  organisations: readonly Organisation[];
  orgs: ReadonlyMap<number, Organisation>;
}

/** All positions of a person, current and ended, with end, delete and add. */
export function PositionsSection({
  slug,
  personId,
  personName,
  positions,
  organisations,
  orgs,
  canEdit,
  onChanged,
}: Props) {
  const { t, formatDate } = useI18n();
  const [ending, setEnding] = useState<Position | null>(null);
  const [deleting, setDeleting] = useState<Position | null>(null);
  const adding = useOpenInPlace();
  const headingRef = useRef<HTMLHeadingElement>(null);

  const sorted = [...positions].sort(
    (a, b) =>
      Number(b.current) - Number(a.current) ||
      b.started_on.localeCompare(a.started_on) ||
      b.id - a.id,
  );
  const roleText = (p: Position) => {
    const role = t(positionKindLabel(p.kind));
    return p.title.trim() ? `${role} (${p.title.trim()})` : role;
  };
  const orgName = (p: Position) => orgs.get(p.organisation_id)?.name ?? t('position.unknownOrganisation');
  const describe = (p: Position) => t('position.describe', { role: roleText(p), organisation: orgName(p) });

  async function remove(position: Position) {
    await deletePosition({ slug, position_id: position.id });
    setDeleting(null);
    await onChanged(t('position.deleted', { position: describe(position) }));
    headingRef.current?.focus();
  }

  return (
    <section className="aantafel-section" aria-labelledby="positions-heading">
      <Heading2 id="positions-heading" ref={headingRef} tabIndex={-1}>
        {t('position.title')}
      </Heading2>
      {positions.length === 0 ? (
        <Paragraph>{t('position.none')}</Paragraph>
      ) : (
        <DataTable
          caption={t('position.tableCaption', { name: personName })}
          captionHidden
          columns={[
            t('position.role'),
            t('position.organisation'),
            t('position.details'),
            t('position.period'),
            canEdit && t('common.actions'),
          ]}
        >
          {sorted.map((p) => (
            <TableRow key={p.id}>
              <TableHeaderCell scope="row">
                {roleText(p)}
                <br />
                <span className={p.current ? 'aantafel-badge aantafel-badge--ok' : 'aantafel-badge aantafel-badge--muted'}>
                  {p.current ? t('position.current') : t('position.ended')}
                </span>
              </TableHeaderCell>
              <TableCell>{orgName(p)}</TableCell>
              <TableCell>
                <PositionDetails position={p} />
              </TableCell>
              <TableCell>
                {p.ended_on
                  ? t('position.fromTo', { from: formatDate(p.started_on), to: formatDate(p.ended_on) })
                  : t('position.since', { from: formatDate(p.started_on) })}
              </TableCell>
              {canEdit ? (
                <TableCell>
                  <div className="aantafel-row-actions">
                    {!p.ended_on ? (
                      <Button
                        type="button"
                        appearance="subtle-button"
                        aria-expanded={ending?.id === p.id}
                        aria-controls={ending?.id === p.id ? 'end-position-form' : undefined}
                        onClick={() => setEnding(p)}
                      >
                        {t('position.end')}
                        <span className="aantafel-visually-hidden"> {describe(p)}</span>
                      </Button>
                    ) : null}
                    <RowActionButton danger onClick={() => setDeleting(p)} target={describe(p)}>
                      {t('position.delete')}
                    </RowActionButton>
                  </div>
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </DataTable>
      )}
      {canEdit && ending ? (
        <EndPositionForm
          key={ending.id}
          slug={slug}
          position={ending}
          description={describe(ending)}
          onCancel={() => {
            setEnding(null);
            headingRef.current?.focus();
          }}
          onEnded={async () => {
            const text = t('position.endedStatus', { position: describe(ending) });
            setEnding(null);
            await onChanged(text);
            headingRef.current?.focus();
          }}
        />
      ) : null}
      {canEdit ? (
        <OpenInPlace state={adding} label={t('position.add')}>
          <AddPositionForm
            slug={slug}
            personId={personId}
            organisations={organisations}
            onCancel={adding.cancel}
            onAdded={async (position) => {
              adding.close();
              await onChanged(t('position.added', { position: describe(position) }));
              headingRef.current?.focus();
            }}
          />
        </OpenInPlace>
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t('position.deleteTitle')}
        confirmLabel={t('position.deleteConfirm')}
        busyLabel={t('common.deleting')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => (deleting ? remove(deleting) : undefined)}
      >
        {t('position.deleteBody', { position: deleting ? describe(deleting) : '' })}
      </ConfirmDialog>
    </section>
  );
}

function PositionDetails({ position }: { position: Position }) {
  const { t } = useI18n();
  const rows: [string, string][] = [];
  if (position.party) rows.push([t('position.party'), position.party]);
  if (position.portfolios.length) rows.push([t('position.portfolios'), position.portfolios.join(', ')]);
  if (position.domains.length) rows.push([t('position.domains'), position.domains.join(', ')]);
  if (position.committees.length) rows.push([t('position.committees'), position.committees.join(', ')]);
  if (rows.length === 0) return <span className="aantafel-meta">–</span>;
  return (
    <ul className="aantafel-plain-list">
      {rows.map(([label, value]) => (
        <li key={label}>
          <span className="aantafel-meta">{label}:</span> {value}
        </li>
      ))}
    </ul>
  );
}

function EndPositionForm({
  slug,
  position,
  description,
  onCancel,
  onEnded,
}: {
  slug: string;
  position: Position;
  description: string;
  onCancel: () => void;
  onEnded: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [date, setDate] = useState(todayIso());
  const inputRef = useRef<HTMLInputElement>(null);
  const form = useFieldForm(['ended_on'], () => inputRef.current?.focus());

  async function send() {
    await endPosition({ slug, position_id: position.id }, { ended_on: date });
    await onEnded();
  }

  return (
    <CardForm
      id="end-position-form"
      headingId="end-position-heading"
      heading={<Heading3 id="end-position-heading">{t('position.endTitle', { position: description })}</Heading3>}
      busy={form.busy}
      error={form.error}
      onSubmit={(event) =>
        void form.submit(event, { check: () => (date ? {} : { ended_on: t('position.endedOnRequired') }), send })
      }
    >
      <TextField
        id="end-position-date"
        type="date"
        label={t('position.endedOn')}
        description={t('position.endedOnHint')}
        required
        min={position.started_on}
        value={date}
        onChange={(event) => setDate(event.target.value)}
        error={form.fieldErrors.ended_on}
        inputRef={inputRef}
        autoFocus
      />
      <FormActions
        busy={form.busy}
        submitLabel={t('position.endSubmit')}
        busyLabel={t('common.saving')}
        onCancel={onCancel}
        cancelAppearance="secondary-action-button"
      />
    </CardForm>
  );
}

const POSITION_FIELDS = [
  'organisation_id',
  'kind',
  'title',
  'party',
  'portfolios',
  'domains',
  'committees',
  'started_on',
  'ended_on',
] as const;
type PositionField = (typeof POSITION_FIELDS)[number];

/** Adds a position: organisation, role, and what goes with the role (party, portfolios, …). */
export function AddPositionForm({
  slug,
  personId,
  organisations,
  onAdded,
  onCancel,
}: {
  slug: string;
  personId: number;
  organisations: readonly Organisation[];
  onAdded: (position: Position) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const base = usePeopleBase();
  const [values, setValues] = useState<Record<PositionField, string>>({
    organisation_id: organisations[0] ? String(organisations[0].id) : '',
    kind: 'alderman',
    title: '',
    party: '',
    portfolios: '',
    domains: '',
    committees: '',
    started_on: '',
    ended_on: '',
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useFieldForm(POSITION_FIELDS, (name) => document.getElementById(`add-position-${name}`)?.focus());
  const { fieldErrors, busy } = form;

  function check() {
    const missing: FieldErrors = {};
    if (!values.organisation_id) missing.organisation_id = t('position.organisationRequired');
    if (!values.started_on) missing.started_on = t('position.startedOnRequired');
    return missing;
  }

  async function send() {
    const position = await addPosition({ slug, person_id: personId }, {
      organisation_id: Number(values.organisation_id),
      kind: values.kind as PositionKind,
      started_on: values.started_on,
      ...(values.title.trim() ? { title: values.title.trim() } : {}),
      ...(values.party.trim() ? { party: values.party.trim() } : {}),
      portfolios: splitList(values.portfolios),
      domains: splitList(values.domains),
      committees: splitList(values.committees),
      ...(values.ended_on ? { ended_on: values.ended_on } : {}),
    });
    await onAdded(position);
  }

  const field = (name: PositionField) => ({
    id: `add-position-${name}`,
    name,
    value: values[name],
    error: fieldErrors[name],
    onChange: (event: { target: { value: string } }) =>
      setValues((v) => ({ ...v, [name]: event.target.value })),
  });

  return (
    <CardForm
      headingId="add-position-heading"
      heading={
        <Heading3 id="add-position-heading" ref={headingRef} tabIndex={-1}>
          {t('position.addTitle')}
        </Heading3>
      }
      busy={busy}
      error={form.error}
      onSubmit={(event) => void form.submit(event, { check, send })}
    >
      {organisations.length === 0 ? (
        <Paragraph>
          {t('position.noOrganisations')}{' '}
          <Link to={`${base}/organisations`} className="utrecht-link utrecht-link--html-a">
            {t('position.addOrganisationLink')}
          </Link>
        </Paragraph>
      ) : null}
      <SelectField
        {...field('organisation_id')}
        label={t('position.organisation')}
        required
        autoFocus
        options={[
          ...(organisations.length === 0 ? [{ value: '', label: t('position.noOrganisationOption') }] : []),
          ...organisations.map((o) => ({ value: String(o.id), label: o.name })),
        ]}
      />
      <SelectField
        {...field('kind')}
        label={t('position.role')}
        required
        options={POSITION_KINDS.map((kind) => ({ value: kind, label: t(positionKindLabel(kind)) }))}
      />
      <TextField {...field('title')} label={t('position.titleLabel')} description={t('position.titleHint')} maxLength={200} autoComplete="off" />
      <TextField {...field('party')} label={t('position.party')} description={t('position.partyHint')} maxLength={200} autoComplete="off" />
      <TextField {...field('portfolios')} label={t('position.portfolios')} description={t('position.portfoliosHint')} autoComplete="off" />
      <TextField {...field('domains')} label={t('position.domains')} description={t('position.domainsHint')} autoComplete="off" />
      <TextField {...field('committees')} label={t('position.committees')} description={t('position.committeesHint')} autoComplete="off" />
      <TextField {...field('started_on')} type="date" label={t('position.startedOn')} required />
      <TextField {...field('ended_on')} type="date" label={t('position.endedOnOptional')} description={t('position.endedOnOptionalHint')} />
      <FormActions
        busy={busy}
        submitLabel={t('position.addSubmit')}
        busyLabel={t('common.saving')}
        onCancel={onCancel}
        cancelAppearance="secondary-action-button"
      />
    </CardForm>
  );
}
