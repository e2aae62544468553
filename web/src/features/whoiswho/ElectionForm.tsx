import { useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  ButtonGroup,
  FormFieldErrorMessage,
  Heading2,
  Heading3,
  Paragraph,
} from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import type { ElectionCreate, ElectionResult, Organisation, Seats } from '../../api/types';
import { applyElection } from '../../api/generated/whoiswho';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { useI18n } from '../../i18n/I18nProvider';
import { PersonLink } from './common';

interface SeatRow {
  key: number;
  party: string;
  seats: string;
}

type RowErrors = Record<number, { party?: string; seats?: string }>;

/**
 * Maps the API's field names for seat rows ("seats[2].party", "seats.2.seats") to row errors.
 * Returns the other field errors separately.
 */
export function seatRowErrors(fields: Record<string, string>): {
  rows: RowErrors;
  other: Record<string, string>;
} {
  const rows: RowErrors = {};
  const other: Record<string, string> = {};
  for (const [name, message] of Object.entries(fields)) {
    const match = /^seats(?:\[(\d+)\]|\.(\d+))\.(party|seats)$/.exec(name);
    if (match) {
      const index = Number(match[1] ?? match[2]);
      const field = match[3] as 'party' | 'seats';
      rows[index] = { ...rows[index], [field]: message };
    } else {
      other[name] = message;
    }
  }
  return { rows, other };
}

let nextKey = 1;

/** "Verkiezing verwerken": a new council is installed; ends old positions, lists whom to meet. */
export function ElectionForm({
  slug,
  organisation,
  currentSeats,
  onApplied,
}: {
  slug: string;
  organisation: Organisation;
  currentSeats: readonly Seats[];
  onApplied: (result: ElectionResult) => Promise<void>;
}) {
  const { t } = useI18n();
  const [installation, setInstallation] = useState('');
  const [election, setElection] = useState('');
  const [rows, setRows] = useState<SeatRow[]>(() =>
    currentSeats.length > 0
      ? currentSeats.map((s) => ({ key: nextKey++, party: s.party, seats: String(s.seats) }))
      : [{ key: nextKey++, party: '', seats: '' }],
  );
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [rowErrors, setRowErrors] = useState<RowErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ElectionResult | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  function focusFirstError(fields: Record<string, string>, rowErr: RowErrors) {
    if (fields.installation_date) return document.getElementById('election-installation')?.focus();
    if (fields.election_date) return document.getElementById('election-date')?.focus();
    const index = Object.keys(rowErr).map(Number).sort((a, b) => a - b)[0];
    if (index !== undefined) {
      const row = rows[index];
      const which = rowErr[index]?.party ? 'party' : 'seats';
      if (row) document.getElementById(`election-${which}-${row.key}`)?.focus();
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const used = rows.filter((r) => r.party.trim() || r.seats.trim());
    const localRows: RowErrors = {};
    rows.forEach((r, index) => {
      if (!r.party.trim() && !r.seats.trim()) return;
      if (!r.party.trim()) localRows[index] = { party: t('election.partyRequired') };
      if (!/^\d{1,3}$/.test(r.seats.trim()))
        localRows[index] = { ...localRows[index], seats: t('election.seatsInvalid') };
    });
    const localFields: Record<string, string> = {};
    if (!installation) localFields.installation_date = t('election.installationRequired');
    if (Object.keys(localFields).length > 0 || Object.keys(localRows).length > 0) {
      setFieldErrors(localFields);
      setRowErrors(localRows);
      focusFirstError(localFields, localRows);
      return;
    }
    setFieldErrors({});
    setRowErrors({});
    setBusy(true);
    const body: ElectionCreate = {
      installation_date: installation,
      ...(election ? { election_date: election } : {}),
      ...(used.length > 0
        ? { seats: used.map((r) => ({ party: r.party.trim(), seats: Number(r.seats.trim()) })) }
        : {}),
    };
    // Row numbers in the API's errors count the rows that were sent.
    const sentIndex = rows.flatMap((r, index) => (r.party.trim() || r.seats.trim() ? [index] : []));
    try {
      const applied = await applyElection({ slug, organisation_id: organisation.id }, body);
      setResult(applied);
      await onApplied(applied);
      resultRef.current?.focus();
    } catch (caught) {
      if (isApiError(caught) && Object.keys(caught.fields).length > 0) {
        const { rows: apiRows, other } = seatRowErrors(caught.fields);
        const mapped: RowErrors = {};
        for (const [sent, errors] of Object.entries(apiRows)) {
          const index = sentIndex[Number(sent)];
          if (index !== undefined) mapped[index] = errors;
        }
        const known: Record<string, string> = {};
        let unknown = false;
        for (const [name, message] of Object.entries(other)) {
          if (name === 'installation_date' || name === 'election_date') known[name] = message;
          else unknown = true;
        }
        setFieldErrors(known);
        setRowErrors(mapped);
        setError(unknown ? caught : null);
        focusFirstError(known, mapped);
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  }

  const setRow = (key: number, patch: Partial<SeatRow>) =>
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <section className="aantafel-card" aria-labelledby="election-heading">
      <Heading2 id="election-heading">{t('election.title')}</Heading2>
      <Paragraph>{t('election.intro', { name: organisation.name })}</Paragraph>
      <form noValidate aria-busy={busy || undefined} onSubmit={(event) => void submit(event)} aria-labelledby="election-heading">
        {error ? <ErrorAlert error={error} /> : null}
        <TextField
          id="election-installation"
          type="date"
          label={t('election.installationDate')}
          description={t('election.installationHint')}
          required
          value={installation}
          onChange={(event) => setInstallation(event.target.value)}
          error={fieldErrors.installation_date}
        />
        <TextField
          id="election-date"
          type="date"
          label={t('election.electionDate')}
          value={election}
          onChange={(event) => setElection(event.target.value)}
          error={fieldErrors.election_date}
        />
        <fieldset className="aantafel-seat-rows">
          <legend className="aantafel-radio-group__legend">{t('election.seatsLegend')}</legend>
          <Paragraph className="aantafel-meta">{t('election.seatsHint')}</Paragraph>
          {rows.map((row, index) => {
            const errors = rowErrors[index] ?? {};
            const n = index + 1;
            return (
              <div key={row.key} className="aantafel-seat-row">
                <TextField
                  id={`election-party-${row.key}`}
                  label={t('election.partyN', { n })}
                  autoComplete="off"
                  maxLength={200}
                  value={row.party}
                  onChange={(event) => setRow(row.key, { party: event.target.value })}
                  error={errors.party}
                />
                <TextField
                  id={`election-seats-${row.key}`}
                  label={t('election.seatsN', { n })}
                  inputMode="numeric"
                  className="aantafel-seat-row__seats"
                  autoComplete="off"
                  value={row.seats}
                  onChange={(event) => setRow(row.key, { seats: event.target.value })}
                  error={errors.seats}
                />
                <Button
                  type="button"
                  appearance="subtle-button"
                  disabled={rows.length === 1}
                  onClick={() => {
                    const next = rows[index + 1] ?? rows[index - 1];
                    setRows((list) => list.filter((r) => r.key !== row.key));
                    setRowErrors({});
                    if (next) requestAnimationFrame(() => document.getElementById(`election-party-${next.key}`)?.focus());
                  }}
                >
                  {t('election.removeRow')}
                  <span className="aantafel-visually-hidden"> {t('election.rowN', { n })}</span>
                </Button>
              </div>
            );
          })}
          {Object.keys(rowErrors).length > 0 ? (
            <FormFieldErrorMessage>{t('election.rowsHaveErrors')}</FormFieldErrorMessage>
          ) : null}
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => {
              const key = nextKey++;
              setRows((list) => [...list, { key, party: '', seats: '' }]);
              requestAnimationFrame(() => document.getElementById(`election-party-${key}`)?.focus());
            }}
          >
            {t('election.addRow')}
          </Button>
        </fieldset>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {busy ? t('election.applying') : t('election.apply')}
          </Button>
        </ButtonGroup>
      </form>
      {result ? (
        <Alert type="ok">
          <Heading3 id="election-result-heading" ref={resultRef} tabIndex={-1}>
            {t('election.resultTitle')}
          </Heading3>
          <Paragraph>
            {t(result.ended.length === 1 ? 'election.endedOne' : 'election.ended', {
              count: result.ended.length,
            })}
          </Paragraph>
          <Heading3>{t('election.notYetMet')}</Heading3>
          {result.not_yet_met.length === 0 ? (
            <Paragraph>{t('election.allMet')}</Paragraph>
          ) : (
            <>
              <Paragraph>{t('election.notYetMetIntro')}</Paragraph>
              <ul className="aantafel-plain-list">
                {result.not_yet_met.map((person) => (
                  <li key={person.id}>
                    <PersonLink person={person} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </Alert>
      ) : null}
    </section>
  );
}
