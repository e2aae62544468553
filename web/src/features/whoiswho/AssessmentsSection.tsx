import { useEffect, useRef, useState } from 'react';
import {
  Heading2,
  Heading3,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { Assessment } from '../../api/types';
import { addAssessment } from '../../api/generated/whoiswho';
import { DataTable } from '../../components/DataTable';
import { CardForm } from '../../components/CardForm';
import { FormActions } from '../../components/FormActions';
import { OpenInPlace, useOpenInPlace } from '../../components/OpenInPlace';
import { RadioGroupField } from '../../components/RadioGroupField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useI18n } from '../../i18n/I18nProvider';
import type { FieldErrors } from '../../components/formErrors';
import { useFieldForm } from '../../components/useFieldForm';
import type { PersonSectionProps } from './common';
import { attitudeLabel, quadrantLabel, scoreLabel, signed } from './labels';
import { todayIso } from './lists';

interface Props extends PersonSectionProps {
  assessments: readonly Assessment[];
}

/** Dated assessments of power, interest and attitude; the newest counts, history is kept. */
export function AssessmentsSection({ slug, personId, personName, assessments, canEdit, onChanged }: Props) {
  const { t, formatDate } = useI18n();
  const adding = useOpenInPlace();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const history = [...assessments].sort(
    (a, b) => b.assessed_on.localeCompare(a.assessed_on) || b.id - a.id,
  );
  const latest = history[0];

  return (
    <section className="aantafel-section" aria-labelledby="assessments-heading">
      <Heading2 id="assessments-heading" ref={headingRef} tabIndex={-1}>
        {t('assessment.title')}
      </Heading2>
      <Paragraph>{t('assessment.intro')}</Paragraph>
      {latest ? (
        <Paragraph>
          {t('assessment.latest', {
            date: formatDate(latest.assessed_on),
            quadrant: t(quadrantLabel(latest.quadrant)),
            attitude: t(attitudeLabel(latest.attitude)),
          })}
        </Paragraph>
      ) : (
        <Paragraph>{t('assessment.none')}</Paragraph>
      )}
      {history.length > 0 ? (
        <DataTable
          caption={t('assessment.tableCaption', { name: personName })}
          captionHidden
          columns={[
            t('assessment.date'),
            t('assessment.power'),
            t('assessment.interest'),
            t('assessment.attitude'),
            t('assessment.quadrant'),
            t('assessment.note'),
          ]}
        >
          {history.map((a) => (
            <TableRow key={a.id}>
              <TableHeaderCell scope="row">{formatDate(a.assessed_on)}</TableHeaderCell>
              <TableCell className="aantafel-number">{a.power}</TableCell>
              <TableCell className="aantafel-number">{a.interest}</TableCell>
              <TableCell>
                {t(attitudeLabel(a.attitude))} ({signed(a.attitude)})
              </TableCell>
              <TableCell>{t(quadrantLabel(a.quadrant))}</TableCell>
              <TableCell>
                {a.note ? <span className="aantafel-pre-line">{a.note}</span> : <span className="aantafel-meta">–</span>}
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      ) : null}
      {canEdit ? (
        <OpenInPlace state={adding} label={t('assessment.add')}>
          <AddAssessmentForm
            slug={slug}
            personId={personId}
            initial={latest}
            onCancel={adding.cancel}
            onAdded={async (assessment) => {
              adding.close();
              await onChanged(
                t('assessment.added', {
                  name: personName,
                  quadrant: t(quadrantLabel(assessment.quadrant)),
                }),
              );
              headingRef.current?.focus();
            }}
          />
        </OpenInPlace>
      ) : null}
    </section>
  );
}

const FIELDS = ['power', 'interest', 'attitude', 'assessed_on', 'note'] as const;

export function AddAssessmentForm({
  slug,
  personId,
  initial,
  onAdded,
  onCancel,
}: {
  slug: string;
  personId: number;
  /** The latest assessment, as a starting point. */
  initial?: Assessment | undefined;
  onAdded: (assessment: Assessment) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [power, setPower] = useState(initial ? String(initial.power) : '');
  const [interest, setInterest] = useState(initial ? String(initial.interest) : '');
  const [attitude, setAttitude] = useState(initial ? String(initial.attitude) : '');
  const [date, setDate] = useState(todayIso());
  const [note, setNote] = useState('');
  const powerRef = useRef<HTMLInputElement>(null);
  const refs: Record<(typeof FIELDS)[number], { current: HTMLElement | null }> = {
    power: powerRef,
    interest: useRef<HTMLInputElement>(null),
    attitude: useRef<HTMLInputElement>(null),
    assessed_on: useRef<HTMLInputElement>(null),
    note: useRef<HTMLTextAreaElement>(null),
  };
  const form = useFieldForm(FIELDS, (name) => refs[name as (typeof FIELDS)[number]].current?.focus());
  const { fieldErrors, busy } = form;

  useEffect(() => {
    // The form opens on request: start at its first question.
    powerRef.current?.focus();
  }, []);

  const scoreOptions = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(scoreLabel(n)) }));
  const attitudeOptions = [-2, -1, 0, 1, 2].map((n) => ({
    value: String(n),
    label: `${t(attitudeLabel(n))} (${signed(n)})`,
  }));

  function check() {
    const missing: FieldErrors = {};
    if (!power) missing.power = t('assessment.powerRequired');
    if (!interest) missing.interest = t('assessment.interestRequired');
    if (!attitude) missing.attitude = t('assessment.attitudeRequired');
    return missing;
  }

  async function send() {
    const assessment = await addAssessment({ slug, person_id: personId }, {
      power: Number(power),
      interest: Number(interest),
      attitude: Number(attitude),
      ...(date ? { assessed_on: date } : {}),
      ...(note.trim() ? { note } : {}),
    });
    await onAdded(assessment);
  }

  return (
    <CardForm
      headingId="add-assessment-heading"
      heading={<Heading3 id="add-assessment-heading">{t('assessment.addTitle')}</Heading3>}
      busy={busy}
      error={form.error}
      onSubmit={(event) => void form.submit(event, { check, send })}
    >
      <RadioGroupField
        legend={t('assessment.power')}
        description={t('assessment.powerHint')}
        name="power"
        options={scoreOptions}
        value={power}
        onChange={setPower}
        error={fieldErrors.power}
        firstRef={(el) => {
          refs.power.current = el;
        }}
        inline
      />
      <RadioGroupField
        legend={t('assessment.interest')}
        description={t('assessment.interestHint')}
        name="interest"
        options={scoreOptions}
        value={interest}
        onChange={setInterest}
        error={fieldErrors.interest}
        firstRef={(el) => {
          refs.interest.current = el;
        }}
        inline
      />
      <RadioGroupField
        legend={t('assessment.attitude')}
        description={t('assessment.attitudeHint')}
        name="attitude"
        options={attitudeOptions}
        value={attitude}
        onChange={setAttitude}
        error={fieldErrors.attitude}
        firstRef={(el) => {
          refs.attitude.current = el;
        }}
        inline
      />
      <TextField
        id="add-assessment-date"
        type="date"
        label={t('assessment.date')}
        value={date}
        onChange={(event) => setDate(event.target.value)}
        error={fieldErrors.assessed_on}
        inputRef={(el) => {
          refs.assessed_on.current = el;
        }}
      />
      <TextAreaField
        id="add-assessment-note"
        label={t('assessment.note')}
        description={t('assessment.noteHint')}
        rows={3}
        maxLength={10000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={fieldErrors.note}
        textareaRef={(el) => {
          refs.note.current = el;
        }}
      />
      <FormActions
        busy={busy}
        submitLabel={t('assessment.addSubmit')}
        busyLabel={t('common.saving')}
        onCancel={onCancel}
        cancelAppearance="secondary-action-button"
      />
    </CardForm>
  );
}
