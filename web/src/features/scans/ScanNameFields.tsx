import { TextField } from '../../components/TextField';
import type { FieldErrors } from '../../components/formErrors';
import type { ScanNames } from './scans';
import { useScansText } from './texts';

/**
 * A scan's name and the collaboration it looks at, both required: on a new scan (with `hints`,
 * an example under each label) and in the form that changes them. Ids: `${idPrefix}-title` and
 * `${idPrefix}-collaboration`.
 */
export function ScanNameFields({
  idPrefix,
  values,
  errors,
  hints = false,
  onChange,
}: {
  idPrefix: string;
  values: ScanNames;
  errors: FieldErrors;
  hints?: boolean;
  onChange: (patch: Partial<ScanNames>) => void;
}) {
  const st = useScansText();
  return (
    <>
      <TextField
        id={`${idPrefix}-title`}
        label={st('field.title')}
        description={hints ? st('field.titleHint') : undefined}
        value={values.title}
        maxLength={200}
        required
        error={errors.title}
        onChange={(event) => onChange({ title: event.target.value })}
      />
      <TextField
        id={`${idPrefix}-collaboration`}
        label={st('field.collaboration')}
        description={hints ? st('field.collaborationHint') : undefined}
        value={values.collaboration}
        maxLength={200}
        required
        error={errors.collaboration}
        onChange={(event) => onChange({ collaboration: event.target.value })}
      />
    </>
  );
}
