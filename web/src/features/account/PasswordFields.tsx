import type { Ref } from 'react';
import { TextField } from '../../components/TextField';
import { characterCount, MIN_PASSWORD_LENGTH } from './api';
import type { AccountKey } from './texts';
import { useAccountText } from './texts';

export interface NewPasswordErrors {
  password?: string | undefined;
  repeat?: string | undefined;
}

/** The checks the browser can do before sending: filled in, long enough, typed the same twice. */
export function checkNewPassword(
  password: string,
  repeat: string,
  at: (key: AccountKey, vars?: Record<string, string | number>) => string,
): NewPasswordErrors {
  const errors: NewPasswordErrors = {};
  const count = characterCount(password);
  if (!password) errors.password = at('password.required');
  else if (count < MIN_PASSWORD_LENGTH) errors.password = at('password.tooShort', { count });
  if (!repeat) {
    if (password && !errors.password) errors.repeat = at('password.repeatRequired');
  } else if (repeat !== password) {
    errors.repeat = at('password.mismatch');
  }
  return errors;
}

/** "New password" with its rule, and "repeat": both as new-password fields for password managers. */
export function NewPasswordFields({
  idPrefix,
  password,
  repeat,
  onPasswordChange,
  onRepeatChange,
  errors,
  passwordRef,
  repeatRef,
}: {
  idPrefix: string;
  password: string;
  repeat: string;
  onPasswordChange: (value: string) => void;
  onRepeatChange: (value: string) => void;
  errors: NewPasswordErrors;
  passwordRef?: Ref<HTMLInputElement>;
  repeatRef?: Ref<HTMLInputElement>;
}) {
  const at = useAccountText();
  return (
    <>
      <TextField
        id={`${idPrefix}-password`}
        name="new-password"
        type="password"
        label={at('password.new')}
        description={at('password.rule')}
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        maxLength={1024}
        value={password}
        onChange={(event) => onPasswordChange(event.target.value)}
        error={errors.password}
        inputRef={passwordRef}
      />
      <TextField
        id={`${idPrefix}-repeat`}
        name="repeat-password"
        type="password"
        label={at('password.repeat')}
        autoComplete="new-password"
        required
        maxLength={1024}
        value={repeat}
        onChange={(event) => onRepeatChange(event.target.value)}
        error={errors.repeat}
        inputRef={repeatRef}
      />
    </>
  );
}
