import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../api/client';
import { renderWithProviders } from '../test/render';
import { ConfirmDialog } from './ConfirmDialog';

function Harness({ onConfirm }: { onConfirm: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Verwijder Jan
      </button>
      {done ? <p>verwijderd</p> : null}
      <ConfirmDialog
        open={open}
        title="Jan verwijderen?"
        confirmLabel="Ja, verwijderen"
        busyLabel="Bezig met verwijderen…"
        onCancel={() => setOpen(false)}
        onConfirm={async () => {
          await onConfirm();
          setOpen(false);
          setDone(true);
        }}
      >
        Jan kan daarna niet meer in de werkruimte.
      </ConfirmDialog>
    </>
  );
}

/** Upper bound for one wait; the tests finish far sooner unless the machine is very busy. */
const WAIT = 10_000;

describe('ConfirmDialog', () => {
  it('asks first, and cancelling does nothing', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn(async () => undefined);
    renderWithProviders(<Harness onConfirm={onConfirm} />);
    await user.click(screen.getByRole('button', { name: 'Verwijder Jan' }));

    const dialog = screen.getByRole('alertdialog', { name: 'Jan verwijderen?' });
    expect(dialog).toHaveAttribute('open');
    expect(dialog).toHaveAccessibleDescription('Jan kan daarna niet meer in de werkruimte.');
    // Focus starts on the safe choice.
    expect(screen.getByRole('button', { name: 'Annuleren' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(dialog).not.toHaveAttribute('open');
    expect(onConfirm).not.toHaveBeenCalled();
  });

  // The action is a promise the test settles itself, and every wait is an explicit findBy/waitFor
  // with a generous timeout: under load the render after a click can take longer than the
  // default second, but nothing here depends on timing any more.
  it('shows progress while the action runs, then closes', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    let finish!: () => void;
    const action = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const onConfirm = vi.fn(() => action);
    renderWithProviders(<Harness onConfirm={onConfirm} />);
    await user.click(screen.getByRole('button', { name: 'Verwijder Jan' }));
    await user.click(await screen.findByRole('button', { name: 'Ja, verwijderen' }, { timeout: WAIT }));

    const busy = await screen.findByRole('button', { name: 'Bezig met verwijderen…' }, { timeout: WAIT });
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(busy).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('button', { name: 'Annuleren' })).toBeDisabled();
    expect(screen.getByRole('alertdialog')).toHaveAttribute('open');
    expect(screen.queryByText('verwijderd')).not.toBeInTheDocument();

    await act(async () => {
      finish();
      await action;
    });
    expect(await screen.findByText('verwijderd', undefined, { timeout: WAIT })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('alertdialog', { hidden: true })).not.toHaveAttribute('open'), {
      timeout: WAIT,
    });
  });

  it('stays open and shows the API message when the action fails', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn(async () => {
      throw new ApiError(409, 'last_owner', 'Een werkruimte heeft altijd een eigenaar nodig.');
    });
    renderWithProviders(<Harness onConfirm={onConfirm} />);
    await user.click(screen.getByRole('button', { name: 'Verwijder Jan' }));
    await user.click(screen.getByRole('button', { name: 'Ja, verwijderen' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Een werkruimte heeft altijd een eigenaar nodig.',
    );
    await waitFor(() =>
      expect(screen.getByRole('alertdialog')).toHaveAttribute('open'),
    );
    expect(screen.queryByText('verwijderd')).not.toBeInTheDocument();
  });
});
