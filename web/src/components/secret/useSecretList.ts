import { useRef, useState } from 'react';

/**
 * The state of a list of secrets (API tokens, calendar feeds): the one just made (shown once), the
 * one being revoked (asked first), and the status line. Revoking reloads the list, forgets the
 * shown secret if it was that one, says so and moves focus to the list's heading; "done" on the
 * shown secret moves focus to the label field of the form that makes the next.
 */
export function useSecretList<Item extends { id: number }, Created extends { id: number }>({
  reload,
  revoke,
  revokedMessage,
}: {
  reload: () => Promise<void>;
  revoke: (item: Item) => Promise<unknown>;
  revokedMessage: (item: Item) => string;
}) {
  const [status, setStatus] = useState('');
  const [created, setCreated] = useState<Created | null>(null);
  const [revoking, setRevoking] = useState<Item | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const labelRef = useRef<HTMLInputElement>(null);

  async function confirmRevoke() {
    const item = revoking;
    if (!item) return;
    await revoke(item);
    setRevoking(null);
    if (created?.id === item.id) setCreated(null);
    await reload();
    setStatus(revokedMessage(item));
    headingRef.current?.focus();
  }

  async function onCreated(item: Created) {
    setStatus('');
    setCreated(item);
    await reload();
  }

  function done() {
    setCreated(null);
    labelRef.current?.focus();
  }

  return { status, created, revoking, setRevoking, confirmRevoke, onCreated, done, headingRef, labelRef };
}
