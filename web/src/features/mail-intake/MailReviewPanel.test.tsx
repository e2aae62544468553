import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role } from '../../api/types';
import { answer, noContent, problem, type ResponseBody, type Schema } from '../../test/answer';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import { MailReviewPanel } from './MailReviewPanel';

const PATH = '/api/v1/workspaces/demo/mail-intake/reviews';
const ADDRESS = 'dossier+demo@aantafel.example';

const KADERNOTA = {
  id: 7,
  received_at: '2026-11-23T09:30:00Z',
  sent_at: '2026-11-20T14:05:00Z',
  subject: 'Kadernota 2027',
  from: { name: 'Jansen, Els', address: 'e.jansen@denkstad.example' },
  forwarded_by: { user_id: 1, name: 'Demo Gebruiker' },
  preview: 'Beste collega’s,\nHierbij de kadernota.',
  addresses: [
    { name: 'Jansen, Els', address: 'e.jansen@denkstad.example', person_id: null, person_name: null, user_id: null },
    { name: 'Bo Beleid', address: 'b.beleid@denkstad.example', person_id: 3, person_name: 'Bo Beleid', user_id: null },
    { name: '', address: 'demo@aantafel.example', person_id: null, person_name: null, user_id: 1 },
  ],
  files: ['kadernota.pdf'],
} satisfies Schema<'MailReview'>;

const NIEUWSBRIEF = {
  id: 8,
  received_at: '2026-11-22T08:00:00Z',
  sent_at: null,
  subject: 'Nieuwsbrief november',
  from: null,
  forwarded_by: null,
  preview: '',
  addresses: [],
  files: [],
} satisfies Schema<'MailReview'>;

const FILED = {
  interaction_id: 77,
  already_filed: false,
  people: [],
  staff: [{ user_id: 1, address: 'demo@aantafel.example' }],
  unmatched: [{ name: 'Jansen, Els', address: 'e.jansen@denkstad.example' }],
  files: ['kadernota.pdf'],
  skipped_files: [],
} satisfies Schema<'MailFiling'>;

type List = ResponseBody<'listMailReviews', 200>;

function waiting(items: Schema<'MailReview'>[], address: string | null = ADDRESS): List {
  return { address, items, total: items.length };
}

function renderPanel(role: Role = 'editor', onFiled = vi.fn()) {
  renderInWorkspace(<MailReviewPanel onFiled={onFiled} />, { role, route: '/w/demo/interactions', path: '/w/:slug/interactions' });
  return onFiled;
}

describe('MailReviewPanel', () => {
  it('shows the dossier address and each waiting e-mail with its people, colleagues and addresses nobody has', async () => {
    mockFetch({ [`GET ${PATH}`]: () => answer('listMailReviews', 200, waiting([KADERNOTA, NIEUWSBRIEF])) });
    renderPanel();

    expect(await screen.findByRole('heading', { level: 2, name: 'E-mail om na te kijken (2)' })).toBeInTheDocument();
    expect(screen.getByText(ADDRESS).tagName).toBe('CODE');
    expect(screen.getByText(ADDRESS).closest('p')).toHaveTextContent(
      `Stuur een e-mail door naar ${ADDRESS}, of zet dit adres in de BCC. Dan komt de e-mail vanzelf als contact in het dossier.`,
    );
    expect(screen.getByRole('button', { name: 'Kopieer het adres' })).toBeInTheDocument();

    const list = screen.getByRole('list', { name: 'E-mails om na te kijken' });
    const messages = within(list)
      .getAllByRole('listitem')
      .filter((item) => item.parentElement === list);
    expect(messages).toHaveLength(2);
    const [first, second] = messages as [HTMLElement, HTMLElement];
    expect(within(first).getByRole('heading', { level: 3, name: 'Kadernota 2027' })).toBeInTheDocument();
    expect(first).toHaveTextContent('VanEls Jansen (e.jansen@denkstad.example)');
    expect(first).toHaveTextContent('Verstuurd20 nov 2026, 15:05');
    expect(first).toHaveTextContent('Naar het dossier gestuurd doorDemo Gebruiker');
    expect(first).toHaveTextContent('Hierbij de kadernota.');
    expect(first).toHaveTextContent('Bijlagenkadernota.pdf');
    // A person of Wie is wie: a link to that person.
    expect(within(first).getByRole('link', { name: 'Bo Beleid' })).toHaveAttribute('href', '/w/demo/people/3');
    // A colleague.
    expect(first).toHaveTextContent('demo@aantafel.example: collega');
    // An address nobody has: one step to add the person, with the name turned round.
    expect(within(first).getByRole('link', { name: 'Voeg Els Jansen (e.jansen@denkstad.example) toe aan Wie is wie' })).toHaveAttribute(
      'href',
      '/w/demo/people/new?name=Els+Jansen&email=e.jansen%40denkstad.example',
    );
    expect(within(first).getByRole('button', { name: 'Opslaan als contact: Kadernota 2027' })).toBeInTheDocument();
    expect(within(first).getByRole('button', { name: 'Weggooien: Kadernota 2027' })).toBeInTheDocument();

    // Without its own date: when aantafel read it; without sender or forwarder: said in words.
    expect(second).toHaveTextContent('Binnengekomen22 nov 2026, 09:00');
    expect(second).toHaveTextContent('Vanonbekend');
    expect(second).toHaveTextContent('Naar het dossier gestuurd dooriemand die geen lid meer is');
  });

  it('leaves out who sent it to the dossier when that colleague wrote it (the address in BCC or Cc)', async () => {
    const own = {
      ...KADERNOTA,
      from: { name: 'Demo Gebruiker', address: 'demo@aantafel.example' },
    } satisfies Schema<'MailReview'>;
    mockFetch({ [`GET ${PATH}`]: () => answer('listMailReviews', 200, waiting([own])) });
    renderPanel();
    const heading = await screen.findByRole('heading', { level: 3, name: 'Kadernota 2027' });
    const item = heading.closest('li') as HTMLElement;
    expect(item).toHaveTextContent('VanDemo Gebruiker (demo@aantafel.example)');
    expect(item).not.toHaveTextContent('Naar het dossier gestuurd door');
  });

  it('saves an e-mail as a contact: the result line, the list again, the contacts again and focus on the next e-mail', async () => {
    let left: Schema<'MailReview'>[] = [KADERNOTA, NIEUWSBRIEF];
    const fetchMock = mockFetch({
      [`GET ${PATH}`]: () => answer('listMailReviews', 200, waiting(left)),
      [`POST ${PATH}/7/file`]: () => {
        left = [NIEUWSBRIEF];
        return answer('fileMailReview', 201, FILED);
      },
    });
    const user = userEvent.setup();
    const onFiled = renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Opslaan als contact: Kadernota 2027' }));

    expect(await screen.findByText('“Kadernota 2027” is opgeslagen als contact.')).toBeInTheDocument();
    const saved = screen.getByRole('list', { name: 'E-mails die je net hebt opgeslagen' });
    const line = within(saved).getByText(/Toegevoegd als contact\./).closest('li')!;
    expect(line).toHaveTextContent('Kadernota 2027: Toegevoegd als contact.');
    expect(within(line).getByRole('link', { name: 'Open het contact' })).toHaveAttribute('href', '/w/demo/interactions/77');
    expect(line).toHaveTextContent('Collega’s: 1.');
    expect(within(line).getByRole('link', { name: 'Voeg Els Jansen (e.jansen@denkstad.example) toe aan Wie is wie' })).toBeInTheDocument();

    expect(await screen.findByRole('heading', { level: 2, name: 'E-mail om na te kijken (1)' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Kadernota 2027' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('heading', { level: 3, name: 'Nieuwsbrief november' })).toHaveFocus());
    expect(onFiled).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls.map(([, init]) => init?.method ?? 'GET')).toEqual(['GET', 'POST', 'GET']);
  });

  it('does not reload the contacts for an e-mail that was already in the dossier', async () => {
    let left: Schema<'MailReview'>[] = [KADERNOTA];
    mockFetch({
      [`GET ${PATH}`]: () => answer('listMailReviews', 200, waiting(left)),
      [`POST ${PATH}/7/file`]: () => {
        left = [];
        return answer('fileMailReview', 200, { ...FILED, already_filed: true });
      },
    });
    const user = userEvent.setup();
    const onFiled = renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Opslaan als contact: Kadernota 2027' }));
    expect(await screen.findByText('“Kadernota 2027” stond al in het dossier.')).toBeInTheDocument();
    expect(await screen.findByText('Er wacht geen e-mail.')).toBeInTheDocument();
    // Nothing left: focus on the heading.
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'E-mail om na te kijken' })).toHaveFocus());
    expect(onFiled).not.toHaveBeenCalled();
  });

  it('shows the reason when saving fails', async () => {
    mockFetch({
      [`GET ${PATH}`]: () => answer('listMailReviews', 200, waiting([KADERNOTA])),
      [`POST ${PATH}/7/file`]: () => problem('fileMailReview', 'invalid_input', 'Deze e-mail kunnen wij niet lezen.'),
    });
    const user = userEvent.setup();
    const onFiled = renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Opslaan als contact: Kadernota 2027' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Deze e-mail kunnen wij niet lezen.');
    expect(screen.getByRole('heading', { level: 3, name: 'Kadernota 2027' })).toBeInTheDocument();
    expect(onFiled).not.toHaveBeenCalled();
  });

  it('asks before it throws an e-mail away, and sends nothing when you cancel', async () => {
    let left: Schema<'MailReview'>[] = [KADERNOTA, NIEUWSBRIEF];
    const discard = vi.fn(() => {
      left = [KADERNOTA];
      return noContent('discardMailReview');
    });
    mockFetch({
      [`GET ${PATH}`]: () => answer('listMailReviews', 200, waiting(left)),
      [`DELETE ${PATH}/8`]: discard,
    });
    const user = userEvent.setup();
    const onFiled = renderPanel();
    const button = await screen.findByRole('button', { name: 'Weggooien: Nieuwsbrief november' });

    await user.click(button);
    const dialog = await screen.findByRole('alertdialog', { name: 'E-mail “Nieuwsbrief november” weggooien?' });
    expect(dialog).toHaveTextContent('Dit kun je niet ongedaan maken.');
    await user.click(within(dialog).getByRole('button', { name: 'Annuleren' }));
    expect(discard).not.toHaveBeenCalled();
    await waitFor(() => expect(button).toHaveFocus());

    await user.click(button);
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Weggooien' }));
    expect(await screen.findByText('“Nieuwsbrief november” is weggegooid.')).toBeInTheDocument();
    expect(discard).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('heading', { level: 2, name: 'E-mail om na te kijken (1)' })).toBeInTheDocument();
    // The last one went: focus on the one before it.
    await waitFor(() => expect(screen.getByRole('heading', { level: 3, name: 'Kadernota 2027' })).toHaveFocus());
    expect(onFiled).not.toHaveBeenCalled();
  });

  it('shows a viewer what waits, without buttons', async () => {
    mockFetch({ [`GET ${PATH}`]: () => answer('listMailReviews', 200, waiting([KADERNOTA])) });
    renderPanel('viewer');
    expect(await screen.findByRole('heading', { level: 3, name: 'Kadernota 2027' })).toBeInTheDocument();
    expect(screen.getByText(/Een bewerker of eigenaar kijkt hem na\./)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Opslaan als contact|Weggooien/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Kopieer het adres' })).toBeInTheDocument();
  });

  it('says that nothing waits when there is an address', async () => {
    mockFetch({ [`GET ${PATH}`]: () => answer('listMailReviews', 200, waiting([])) });
    renderPanel();
    expect(await screen.findByText('Er wacht geen e-mail.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'E-mail om na te kijken' })).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'E-mails om na te kijken' })).not.toBeInTheDocument();
  });

  it('shows nothing without a mailbox and without waiting e-mail', async () => {
    const fetchMock = mockFetch({ [`GET ${PATH}`]: () => answer('listMailReviews', 200, waiting([], null)) });
    renderPanel();
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    // Give the answer time to arrive and be drawn.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('heading', { name: /E-mail om na te kijken/ })).not.toBeInTheDocument();
    expect(screen.queryByText('Er wacht geen e-mail.')).not.toBeInTheDocument();
  });

  it('copies the address, or selects it when the clipboard is closed', async () => {
    mockFetch({ [`GET ${PATH}`]: () => answer('listMailReviews', 200, waiting([])) });
    const user = userEvent.setup();
    renderPanel();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(await screen.findByRole('button', { name: 'Kopieer het adres' }));
    expect(writeText).toHaveBeenCalledWith(ADDRESS);
    expect(await screen.findByText('Het adres is gekopieerd.')).toBeInTheDocument();

    writeText.mockRejectedValueOnce(new Error('denied'));
    await user.click(screen.getByRole('button', { name: 'Kopieer het adres' }));
    expect(await screen.findByText(/Het adres is nu geselecteerd/)).toBeInTheDocument();
    expect(window.getSelection()?.toString()).toBe(ADDRESS);
  });
});
