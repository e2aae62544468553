import { useRef, useState } from 'react';
import { TextField } from '../../components/TextField';
import { characterCount, MIN_PASSWORD_LENGTH } from './api';
import type { AccountKey } from './texts';
import { useAccountText } from './texts';

// A type, not an interface: it is also a form's FieldErrors (an index signature).
export type NewPasswordErrors = {
  password?: string | undefined;
  repeat?: string | undefined;
};

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

/** A new password typed twice, with refs to move focus to either field. */
export function useNewPassword() {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);
  const repeatRef = useRef<HTMLInputElement>(null);
  const clear = () => {
    setPassword('');
    setRepeat('');
  };
  return { password, repeat, setPassword, setRepeat, passwordRef, repeatRef, clear };
}

export type NewPassword = ReturnType<typeof useNewPassword>;

/** "New password" with its rule, and "repeat": both as new-password fields for password managers. */
export function NewPasswordFields({
  idPrefix,
  value,
  errors,
}: {
  idPrefix: string;
  value: NewPassword;
  errors: NewPasswordErrors;
}) {
  const at = useAccountText();
  const { password, repeat, passwordRef, repeatRef } = value;
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
        onChange={(event) => value.setPassword(event.target.value)}
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
        onChange={(event) => value.setRepeat(event.target.value)}
        error={errors.repeat}
        inputRef={repeatRef}
      />
    </>
  );
}
