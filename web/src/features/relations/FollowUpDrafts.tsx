import { Button, FormFieldErrorMessage } from '@utrecht/component-library-react';
import type { Member } from '../../api/types';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { FieldErrors } from '../../components/formErrors';
import { todayIso } from '../whoiswho/lists';
import type { FollowUpDraft } from './relations';
import { useRelationsText } from './texts';

/** The id of one field of a draft group: `${prefix}-${key}-title`, …-owner-id, …-due-on. */
export function draftFieldId(prefix: string, key: number, field: 'title' | 'owner_id' | 'due_on'): string {
  return `${prefix}-${key}-${field.replace(/_/g, '-')}`;
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
  if (drafts.length === 0) return null;
  const ownerOptions = [
    { value: '', label: rt('followUp.noOwner') },
    ...members.map((m) => ({ value: String(m.user.id), label: m.user.name })),
  ];
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
              <TextField
                id={draftFieldId(idPrefix, draft.key, 'title')}
                label={rt('followUp.title')}
                required
                autoComplete="off"
                maxLength={200}
                value={draft.title}
                onChange={(event) => onChange(draft.key, { title: event.target.value })}
                error={problems.title}
              />
              <SelectField
                id={draftFieldId(idPrefix, draft.key, 'owner_id')}
                label={rt('followUp.owner')}
                options={ownerOptions}
                value={draft.owner_id}
                onChange={(event) => onChange(draft.key, { owner_id: event.target.value })}
                error={problems.owner_id}
              />
              <TextField
                id={draftFieldId(idPrefix, draft.key, 'due_on')}
                type="date"
                label={rt('followUp.dueOn')}
                required
                min={todayIso()}
                value={draft.due_on}
                onChange={(event) => onChange(draft.key, { due_on: event.target.value })}
                error={problems.due_on}
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
