import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, problem, type Schema } from '../../test/answer';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import { MailIntakePanel } from './MailIntakePanel';

const PATH = '/api/v1/workspaces/demo/mail-intake';

const FILED = {
  interaction_id: 77,
  already_filed: false,
  people: [
    { id: 3, name: 'Bo Beleid', address: 'b.beleid@denkstad.example' },
    { id: 4, name: 'Els Jansen', address: 'e.jansen@denkstad.example' },
  ],
  staff: [{ user_id: 1, address: 'demo@aantafel.example' }],
  unmatched: [{ name: 'Kader, Kees', address: 'kees@denkstad.example' }],
  files: ['kadernota.eml', 'verslag.pdf'],
  skipped_files: [
    {
      name: 'bom.pdf',
      code: 'file_content_mismatch',
      message: 'De inhoud van dit bestand past niet bij de naam. Controleer of je het goede bestand kiest.',
    },
  ],
} satisfies Schema<'MailFiling'>;

function renderPanel(onFiled = vi.fn()) {
  renderInWorkspace(<MailIntakePanel onFiled={onFiled} />, { route: '/w/demo/interactions', path: '/w/:slug/interactions' });
  return onFiled;
}

describe('MailIntakePanel', () => {
  it('files an .eml and shows the contact, who was matched, who not and what was left out', async () => {
    const fetchMock = mockFetch({
      [`POST ${PATH}`]: (url, init) => {
        expect(url.searchParams.get('name')).toBe('kadernota.eml');
        expect((init?.headers as Record<string, string>)['Content-Type']).toBe('message/rfc822');
        return answer('fileMailMessage', 201, FILED);
      },
    });
    const user = userEvent.setup();
    const onFiled = renderPanel();
    await user.upload(screen.getByLabelText('E-mail toevoegen (.eml)'), new File(['From: x'], 'kadernota.eml'));

    const progress = await screen.findByRole('list', { name: 'E-mails die je toevoegt' });
    const line = await within(progress).findByText(/Toegevoegd als contact\./);
    const item = line.closest('li')!;
    expect(within(item).getByRole('link', { name: 'Open het contact' })).toHaveAttribute('href', '/w/demo/interactions/77');
    expect(item).toHaveTextContent('Mensen: Bo Beleid, Els Jansen.');
    expect(item).toHaveTextContent('Collega’s: 1.');
    // An address nobody had yet: one step to add the person, with the name turned round.
    expect(within(item).getByRole('link', { name: 'Voeg Kees Kader (kees@denkstad.example) toe aan Wie is wie' })).toHaveAttribute(
      'href',
      '/w/demo/people/new?name=Kees+Kader&email=kees%40denkstad.example',
    );
    expect(item).toHaveTextContent('Niet bewaard: bom.pdf. De inhoud van dit bestand past niet bij de naam.');
    expect(await screen.findByText('kadernota.eml is toegevoegd als contact.')).toBeInTheDocument();
    expect(onFiled).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('says when an e-mail was already in the dossier, and does not reload the list for it', async () => {
    mockFetch({ [`POST ${PATH}`]: () => answer('fileMailMessage', 200, { ...FILED, already_filed: true, files: [], skipped_files: [] }) });
    const user = userEvent.setup();
    const onFiled = renderPanel();
    await user.upload(screen.getByLabelText('E-mail toevoegen (.eml)'), new File(['From: x'], 'kadernota.eml'));
    expect(await screen.findByText(/Stond al in het dossier\./)).toBeInTheDocument();
    expect(await screen.findByText('kadernota.eml stond al in het dossier.')).toBeInTheDocument();
    expect(onFiled).not.toHaveBeenCalled();
  });

  it("sends no file that is not .eml and shows the server's reason for one it refuses", async () => {
    const fetchMock = mockFetch({
      [`POST ${PATH}`]: () =>
        problem('fileMailMessage', 'invalid_input', 'Niet alle velden zijn goed ingevuld.', { file: 'Dit bestand kunnen wij niet lezen.' }),
    });
    const user = userEvent.setup({ applyAccept: false });
    renderPanel();
    const input = screen.getByLabelText('E-mail toevoegen (.eml)');
    await user.upload(input, [new File(['x'], 'bericht.msg'), new File(['x'], 'kapot.eml')]);
    const progress = await screen.findByRole('list', { name: 'E-mails die je toevoegt' });
    expect(await within(progress).findByText(/Dit bestand kunnen wij niet lezen\./)).toBeInTheDocument();
    const [msg] = within(progress).getAllByRole('listitem');
    expect(msg).toHaveTextContent('bericht.msg: Niet toegevoegd. Dit is geen .eml-bestand.');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('0 van de 2 e-mails zijn toegevoegd.')).toBeInTheDocument();
  });
});
