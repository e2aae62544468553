import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, ButtonGroup, Heading2, Heading3 } from '@utrecht/component-library-react';
import { StatusMessage } from '../StatusMessage';
import { TextField } from '../TextField';
import './secret.css';

/**
 * A secret the server shows once (an API token, a calendar feed's address, an invitation link):
 * a warning box whose heading takes focus when it appears, the secret in a read-only field that
 * selects itself, "copy" (or, without clipboard access, the text selected for Ctrl+C, said in
 * words) and "done". `intro` stands above the field, `actions` between "copy" and "done",
 * `children` at the end.
 */
export function SecretShownOnce({
  headingId,
  headingLevel,
  heading,
  intro,
  fieldId,
  fieldLabel,
  secret,
  texts,
  actions,
  onDone,
  children,
}: {
  headingId: string;
  headingLevel: 2 | 3;
  heading: string;
  intro: ReactNode;
  fieldId: string;
  fieldLabel: string;
  secret: string;
  texts: { copy: string; copied: string; copyManually: string; done: string };
  actions?: ReactNode;
  onDone: () => void;
  children?: ReactNode;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyStatus, setCopyStatus] = useState('');

  // A new secret: say so (focus on its heading), and forget what was said about the last one.
  useEffect(() => {
    headingRef.current?.focus();
    setCopyStatus('');
  }, [secret]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopyStatus(texts.copied);
    } catch {
      // No clipboard access: select the text so Ctrl+C works.
      inputRef.current?.select();
      setCopyStatus(texts.copyManually);
    }
  }

  const Heading = headingLevel === 2 ? Heading2 : Heading3;
  return (
    <Alert type="warning" className="aantafel-new-token">
      <Heading ref={headingRef} tabIndex={-1} id={headingId}>
        {heading}
      </Heading>
      {intro}
      <TextField
        id={fieldId}
        label={fieldLabel}
        value={secret}
        readOnly
        spellCheck={false}
        autoComplete="off"
        className="aantafel-secret"
        inputRef={inputRef}
        onFocus={(event) => event.currentTarget.select()}
      />
      <ButtonGroup>
        <Button type="button" appearance="primary-action-button" onClick={() => void copy()}>
          {texts.copy}
        </Button>
        {actions}
        <Button type="button" appearance="secondary-action-button" onClick={onDone}>
          {texts.done}
        </Button>
      </ButtonGroup>
      <StatusMessage>{copyStatus}</StatusMessage>
      {children ? <div className="aantafel-new-token__more">{children}</div> : null}
    </Alert>
  );
}
