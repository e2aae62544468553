import { Button, FormFieldErrorMessage } from '@utrecht/component-library-react';
import type { Member } from '../../api/types';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { FieldErrors } from '../../components/formErrors';
import { todayIso } from '../whoiswho/lists';
import type { FollowUpDraft } from './relations';
import { useOwnerOptions } from './common';
import { useRelationsText } from './texts';

/** The fields of one follow-up, by the API's names. */
export type FollowUpField = 'title' | 'owner_id' | 'due_on';
type FollowUpValues = Pick<FollowUpDraft, FollowUpField>;

/** The id of one field of a draft group: `${prefix}-${key}-title`, …-owner-id, …-due-on. */
export function draftFieldId(prefix: string, key: number, field: FollowUpField): string {
  return `${prefix}-${key}-${field.replace(/_/g, '-')}`;
}

/**
 * A follow-up's fields: what must happen, who does it, by when (today or later). The same in the
 * groups typed into a contact form and in the form that adds one to a saved contact.
 */
export function FollowUpFields({
  idOf,
  values,
  errors,
  ownerOptions,
  onChange,
}: {
  idOf: (field: FollowUpField) => string;
  values: FollowUpValues;
  errors: FieldErrors;
  ownerOptions: { value: string; label: string }[];
  onChange: (patch: Partial<FollowUpValues>) => void;
}) {
  const rt = useRelationsText();
  return (
    <>
      <TextField
        id={idOf('title')}
        label={rt('followUp.title')}
        required
        autoComplete="off"
        maxLength={200}
        value={values.title}
        onChange={(event) => onChange({ title: event.target.value })}
        error={errors.title}
      />
      <SelectField
        id={idOf('owner_id')}
        label={rt('followUp.owner')}
        options={ownerOptions}
        value={values.owner_id}
        onChange={(event) => onChange({ owner_id: event.target.value })}
        error={errors.owner_id}
      />
      <TextField
        id={idOf('due_on')}
        type="date"
        label={rt('followUp.dueOn')}
        required
        min={todayIso()}
        value={values.due_on}
        onChange={(event) => onChange({ due_on: event.target.value })}
        error={errors.due_on}
      />
    </>
  );
}

/**
 * Follow-ups typed in before they are saved: one small group (what, who, by when) per follow-up,
 * each with its own legend and a "remove" button that says which one it removes.
 */
export function FollowUpDrafts({
  drafts,
  errors,
  members,
  idPrefix,
  listLabel,
  onChange,
  onRemove,
}: {
  drafts: readonly FollowUpDraft[];
  /** Problems per draft key, by field name. */
  errors: Record<number, FieldErrors>;
  members: readonly Member[];
  idPrefix: string;
  listLabel: string;
  onChange: (key: number, patch: Partial<Omit<FollowUpDraft, 'key'>>) => void;
  onRemove: (index: number) => void;
}) {
  const rt = useRelationsText();
  const ownerOptions = useOwnerOptions(members);
  if (drafts.length === 0) return null;
  return (
    <ul className="aantafel-cards aantafel-follow-up-drafts" aria-label={listLabel}>
      {drafts.map((draft, index) => {
        const number = index + 1;
        const problems = errors[draft.key] ?? {};
        return (
          <li key={draft.key} className="aantafel-cards__item">
            <fieldset
              className="aantafel-follow-up-draft"
              aria-describedby={problems.other ? `${idPrefix}-${draft.key}-problem` : undefined}
            >
              <legend className="aantafel-cards__title">{rt('followUp.number', { number })}</legend>
              {problems.other ? (
                <FormFieldErrorMessage id={`${idPrefix}-${draft.key}-problem`}>{problems.other}</FormFieldErrorMessage>
              ) : null}
              <FollowUpFields
                idOf={(field) => draftFieldId(idPrefix, draft.key, field)}
                values={draft}
                errors={problems}
                ownerOptions={ownerOptions}
                onChange={(patch) => onChange(draft.key, patch)}
              />
              <Button type="button" appearance="subtle-button" hint="danger" onClick={() => onRemove(index)}>
                {rt('followUp.remove')}{' '}
                <span className="aantafel-visually-hidden">{rt('followUp.removeWhich', { number })}</span>
              </Button>
            </fieldset>
          </li>
        );
      })}
    </ul>
  );
}
