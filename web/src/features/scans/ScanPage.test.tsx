import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Scan, ScanRespondent } from '../../api/types';
import { answer, problem } from '../../test/answer';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import { ScanPage } from './ScanPage';

const route = { route: '/w/demo/scan/7', path: '/w/:slug/scan/:scanId' };

const SCAN: Scan = {
  id: 7,
  title: 'Najaar',
  collaboration: 'A en B',
  template_id: 'care_cooperative',
  template_title: 'Scan zorg en coöperatie',
  status: 'open',
  previous_scan_id: null,
  invited: 0,
  answered: 0,
  created_at: '2026-11-01T10:00:00Z',
  closed_at: null,
};

function respondent(extra: Partial<ScanRespondent> = {}): ScanRespondent {
  return {
    id: 31,
    organisation: 'De Linde',
    label: 'teamleider',
    status: 'invited',
    expires_at: '2026-12-20T10:00:00Z',
    submitted_at: null,
    updated_at: null,
    mail: null,
    ...extra,
  };
}

/** Routes for the scan page; `respondents` is what GET …/respondents answers (it may change). */
function routes(state: { respondents: ScanRespondent[] }, post: Parameters<typeof mockFetch>[0][string]) {
  return {
    'GET /api/v1/workspaces/demo/scans/7': () => answer('getScan', 200, SCAN),
    'GET /api/v1/workspaces/demo/scans/7/respondents': () => answer('listScanRespondents', 200, { items: state.respondents }),
    'POST /api/v1/workspaces/demo/scans/7/respondents': post,
  };
}

function postedBody(fetchMock: ReturnType<typeof mockFetch>): unknown {
  const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
  return JSON.parse(String(post?.[1]?.body));
}

describe('ScanPage: links by e-mail', () => {
  it('mails a link with the chosen language and reminder, and shows the mail status per respondent', async () => {
    const state = { respondents: [] as ScanRespondent[] };
    const mailed = respondent({
      mail: { sent_at: '2026-12-06T09:00:00Z', remind_at: '2026-12-09T09:00:00Z', reminded_at: null },
    });
    const fetchMock = mockFetch(
      routes(state, () => {
        state.respondents = [mailed];
        return answer('inviteScanRespondents', 201, { items: [{ respondent: mailed, url: 'https://aantafel.example.nl/s/sAbc', mailed: true }] });
      }),
    );
    const user = userEvent.setup();
    renderInWorkspace(<ScanPage />, { ...route, mail: true });
    const row = await screen.findByRole('group', { name: 'Persoon 1' });
    expect(screen.getByText(/Vul je een e-mailadres in\? Dan krijgt die persoon de link per e-mail/)).toBeInTheDocument();
    // The mail's choices appear once an address is filled in.
    expect(screen.queryByRole('group', { name: 'Taal van de e-mail' })).not.toBeInTheDocument();
    await user.type(within(row).getByLabelText('Organisatie'), 'De Linde');
    await user.type(within(row).getByLabelText('Rol (niet verplicht)'), 'teamleider');
    await user.type(within(row).getByLabelText('E-mailadres (niet verplicht)'), 'anna@delinde.example');
    const days = screen.getByLabelText('Hoeveel dagen werkt de link?');
    await user.clear(days);
    await user.type(days, '5');
    const remind = screen.getByLabelText('Herinnering');
    // Only reminders before the link stops working (5 days): none and 3 days.
    expect(within(remind).getAllByRole('option').map((o) => o.textContent)).toEqual(['Geen herinnering', 'Na 3 dagen']);
    await user.clear(days);
    await user.type(days, '14');
    expect(within(remind).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Geen herinnering',
      'Na 3 dagen',
      'Na 5 dagen',
      'Na 7 dagen',
    ]);
    await user.selectOptions(remind, 'Na 3 dagen');
    const language = screen.getByRole('group', { name: 'Taal van de e-mail' });
    await user.click(within(language).getByLabelText('English'));
    await user.click(screen.getByRole('button', { name: 'Links maken en versturen' }));

    expect(await screen.findByText('Verstuurd naar het e-mailadres')).toBeInTheDocument();
    expect(postedBody(fetchMock)).toEqual({
      invitees: [{ organisation: 'De Linde', label: 'teamleider', email: 'anna@delinde.example' }],
      expires_in_days: 14,
      language: 'en',
      remind_after_days: 3,
    });
    expect(screen.getByText('De link is per e-mail verstuurd. Je hoeft niets te kopiëren.')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Nieuwe links, één per persoon' })).getByRole('listitem')).toHaveTextContent(
      'De Linde (teamleider) Verstuurd naar het e-mailadres',
    );
    expect(screen.queryByRole('button', { name: /Kopieer de link/ })).not.toBeInTheDocument();
    expect(screen.getByText('De link is gemaakt en per e-mail verstuurd.')).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Uitgenodigde personen, per organisatie' });
    await waitFor(() => expect(within(table).getByText(/^Gemaild op 6 dec\.?( 2026)?$/)).toBeInTheDocument());
    expect(within(table).getByText(/^Herinnering op 9 dec\.?( 2026)?$/)).toBeInTheDocument();
    // In the status column, under "Uitgenodigd".
    expect(within(table).getAllByRole('row')[1]?.children[2]).toHaveTextContent(/UitgenodigdGemaild op 6 dec/);
  });

  it('shows a link whose mail could not be sent to copy, with a note to pass it on', async () => {
    const state = { respondents: [] as ScanRespondent[] };
    const fetchMock = mockFetch(
      routes(state, () =>
        answer('inviteScanRespondents', 201, {
          items: [
            { respondent: respondent({ id: 31 }), url: 'https://aantafel.example.nl/s/sOne', mailed: false },
            { respondent: respondent({ id: 32, organisation: 'Hart van Oost', label: '' }), url: 'https://aantafel.example.nl/s/sTwo', mailed: false },
          ],
        }),
      ),
    );
    const user = userEvent.setup();
    renderInWorkspace(<ScanPage />, { ...route, mail: true });
    const first = await screen.findByRole('group', { name: 'Persoon 1' });
    await user.type(within(first).getByLabelText('Organisatie'), 'De Linde');
    await user.type(within(first).getByLabelText('E-mailadres (niet verplicht)'), 'anna@delinde.example');
    await user.click(screen.getByRole('button', { name: 'Nog een persoon toevoegen' }));
    await user.type(within(screen.getByRole('group', { name: 'Persoon 2' })).getByLabelText('Organisatie'), 'Hart van Oost');
    await user.click(screen.getByRole('button', { name: 'Links maken en versturen' }));

    const links = await screen.findByRole('list', { name: 'Nieuwe links, één per persoon' });
    const rows = within(links).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('https://aantafel.example.nl/s/sOne');
    expect(rows[0]).toHaveTextContent('De e-mail kon niet worden verstuurd. Geef de link zelf door.');
    expect(rows[1]).toHaveTextContent('https://aantafel.example.nl/s/sTwo');
    expect(rows[1]).not.toHaveTextContent('De e-mail kon niet worden verstuurd');
    expect(within(links).getAllByRole('button', { name: /^Kopieer de link voor/ })).toHaveLength(2);
    expect(postedBody(fetchMock)).toEqual({
      invitees: [{ organisation: 'De Linde', email: 'anna@delinde.example' }, { organisation: 'Hart van Oost' }],
      expires_in_days: 30,
      language: 'nl',
    });
  });

  it('without mail on this server: no e-mail field, one sentence, and links to copy as before', async () => {
    const state = { respondents: [] as ScanRespondent[] };
    const fetchMock = mockFetch(
      routes(state, () =>
        answer('inviteScanRespondents', 201, { items: [{ respondent: respondent(), url: 'https://aantafel.example.nl/s/sAbc', mailed: false }] }),
      ),
    );
    const user = userEvent.setup();
    renderInWorkspace(<ScanPage />, { ...route, mail: false });
    const row = await screen.findByRole('group', { name: 'Persoon 1' });
    expect(screen.getByText('E-mail is op deze server niet ingesteld. Daarom geef je de links zelf door.')).toBeInTheDocument();
    expect(within(row).queryByLabelText(/E-mailadres/)).not.toBeInTheDocument();
    await user.type(within(row).getByLabelText('Organisatie'), 'De Linde');
    await user.click(screen.getByRole('button', { name: 'Links maken' }));
    // Shortened in the middle where it does not fit: the whole link is its text and its tooltip.
    expect(await screen.findByTitle('https://aantafel.example.nl/s/sAbc')).toHaveTextContent('https://aantafel.example.nl/s/sAbc');
    expect(screen.getByText('Er is 1 link gemaakt. Je ziet hem alleen nu.')).toBeInTheDocument();
    expect(screen.queryByText('De e-mail kon niet worden verstuurd. Geef de link zelf door.')).not.toBeInTheDocument();
    expect(postedBody(fetchMock)).toEqual({ invitees: [{ organisation: 'De Linde' }], expires_in_days: 30 });
  });

  it('checks an address before sending, and shows the server problems (422) at their fields', async () => {
    const state = { respondents: [] as ScanRespondent[] };
    const fetchMock = mockFetch(
      routes(state, () =>
        problem('inviteScanRespondents', 'invalid_input', 'Niet alle velden zijn goed ingevuld.', { 'invitees[1].email': 'Dit e-mailadres bestaat niet.', remind_after_days: 'Kies een kleiner getal.' }),
      ),
    );
    const user = userEvent.setup();
    renderInWorkspace(<ScanPage />, { ...route, mail: true });
    const first = await screen.findByRole('group', { name: 'Persoon 1' });
    await user.type(within(first).getByLabelText('Organisatie'), 'De Linde');
    await user.type(within(first).getByLabelText('E-mailadres (niet verplicht)'), 'anna-at-delinde');
    await user.click(screen.getByRole('button', { name: 'Links maken en versturen' }));
    const email = within(first).getByLabelText('E-mailadres (niet verplicht)');
    expect(email).toHaveAccessibleDescription('Vul een goed e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.');
    expect(email).toHaveFocus();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);

    // An empty row between two filled rows: the server's invitees[1] is the third row.
    await user.clear(email);
    await user.type(email, 'anna@delinde.example');
    await user.click(screen.getByRole('button', { name: 'Nog een persoon toevoegen' }));
    await user.click(screen.getByRole('button', { name: 'Nog een persoon toevoegen' }));
    const third = screen.getByRole('group', { name: 'Persoon 3' });
    await user.type(within(third).getByLabelText('Organisatie'), 'Hart van Oost');
    await user.type(within(third).getByLabelText('E-mailadres (niet verplicht)'), 'bob@hart.example');
    await user.click(screen.getByRole('button', { name: 'Links maken en versturen' }));
    const thirdEmail = within(third).getByLabelText('E-mailadres (niet verplicht)');
    await waitFor(() => expect(thirdEmail).toHaveAccessibleDescription('Dit e-mailadres bestaat niet.'));
    expect(thirdEmail).toHaveFocus();
    expect(screen.getByLabelText('Herinnering')).toHaveAccessibleDescription(/Kies een kleiner getal\./);
    expect(screen.getByRole('alert')).toHaveTextContent('Niet alle velden zijn goed ingevuld.');
  });

  it('says when a reminder went out', async () => {
    mockFetch({
      'GET /api/v1/workspaces/demo/scans/7': () => answer('getScan', 200, { ...SCAN, invited: 2 }),
      'GET /api/v1/workspaces/demo/scans/7/respondents': () =>
        answer('listScanRespondents', 200, {
          items: [
            respondent({ mail: { sent_at: '2026-12-06T09:00:00Z', remind_at: null, reminded_at: '2026-12-13T09:00:00Z' } }),
            respondent({ id: 32, organisation: 'Hart van Oost', label: '' }),
          ],
        }),
    });
    renderInWorkspace(<ScanPage />, { ...route, mail: true });
    const table = await screen.findByRole('table', { name: 'Uitgenodigde personen, per organisatie' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(/Gemaild op 6 dec\.?( 2026)?Herinnerd op 13 dec/);
    expect(rows[2]).not.toHaveTextContent(/Gemaild|Herinner/);
  });
});
