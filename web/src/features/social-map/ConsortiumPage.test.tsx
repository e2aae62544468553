import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, noContent } from '../../test/answer';
import { PUBLIC_URL_LOCAL } from '../../test/render';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import { ConsortiumPage } from './ConsortiumPage';
import { CONSORTIUM, OFFER } from './testdata';

const route = { route: '/w/demo/social-map/consortia/5', path: '/w/:slug/social-map/consortia/:consortiumId' };

describe('ConsortiumPage', () => {
  it('shows the joint offer with names, niches in words, overlaps and gaps, and shares a link once', async () => {
    let shared = false;
    const fetchMock = mockFetch({
      'GET /api/v1/workspaces/demo/consortia/5': () => answer('getConsortium', 200, { ...CONSORTIUM, shared }),
      'GET /api/v1/workspaces/demo/consortia/5/offer': () => answer('getConsortiumOffer', 200, OFFER),
      'POST /api/v1/workspaces/demo/consortia/5/share': () => {
        shared = true;
        return answer('shareConsortium', 201, { url: 'http://localhost/c/abc123' });
      },
      'DELETE /api/v1/workspaces/demo/consortia/5/share': () => {
        shared = false;
        return noContent('unshareConsortium');
      },
    });
    const user = userEvent.setup();
    renderInWorkspace(<ConsortiumPage />, route);
    expect(await screen.findByRole('heading', { level: 1, name: 'Samen Zeist' })).toBeInTheDocument();
    expect(screen.getByText(/Hier staan alleen gepubliceerde voorzieningen/)).toBeInTheDocument();
    expect(screen.getByText('Buurtkracht: Loket Buurtkracht, 030 123 45 67')).toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'Wie biedt welke hulp in Zeist' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Gebied',
      'Welzijn',
      'Dagbesteding',
      'Jeugdhulp',
    ]);
    const centrum = within(table).getByRole('row', { name: /Centrum/ });
    const cells = within(centrum).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('2 aanbieders:BuurtkrachtDe Linde');
    expect(cells[1]).toHaveTextContent('Eén aanbieder:Thuis');
    expect(cells[2]).toHaveTextContent('Geen aanbieder');
    expect(screen.getByText('Geen aanbieder: 3')).toBeInTheDocument();
    expect(screen.getByText('Maar één aanbieder: 2')).toBeInTheDocument();

    expect(screen.getByText('Alleen Thuis biedt Dagbesteding in Centrum.')).toBeInTheDocument();
    expect(screen.getByText('Alleen Buurtkracht biedt Welzijn in Kerckebosch.')).toBeInTheDocument();
    expect(screen.getByText('Welzijn in Centrum: Buurtkracht, De Linde')).toBeInTheDocument();
    expect(screen.getByText('Kerckebosch: Dagbesteding, Jeugdhulp')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Gepubliceerde voorzieningen (1)' })).getByText('Buurtkamer')).toBeInTheDocument();

    expect(screen.getByText('Er is nu geen link gedeeld.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Deel met de gemeente' }));
    expect(await screen.findByTitle('http://localhost/c/abc123')).toHaveTextContent('http://localhost/c/abc123');
    expect(screen.getByText(/Je ziet deze link maar één keer/)).toBeInTheDocument();
    expect(await screen.findByText('Er is een link gedeeld met de gemeente.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Klaar, link verbergen' }));
    expect(screen.queryByTitle('http://localhost/c/abc123')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Link intrekken' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'De link intrekken?' });
    await user.click(within(dialog).getByRole('button', { name: 'Link intrekken' }));
    expect(await screen.findByText('De link is ingetrokken. Hij werkt niet meer.')).toBeInTheDocument();
    expect(await screen.findByText('Er is nu geen link gedeeld.')).toBeInTheDocument();
    expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'DELETE')).toHaveLength(1);
  });

  it('warns next to the shared link while the public address only works on the server', async () => {
    mockFetch({
      'GET /api/v1/workspaces/demo/consortia/5': () => answer('getConsortium', 200, CONSORTIUM),
      'GET /api/v1/workspaces/demo/consortia/5/offer': () => answer('getConsortiumOffer', 200, OFFER),
      'POST /api/v1/workspaces/demo/consortia/5/share': () => answer('shareConsortium', 201, { url: 'http://127.0.0.1:8080/c/abc123' }),
    });
    const user = userEvent.setup();
    renderInWorkspace(<ConsortiumPage />, { ...route, publicUrl: PUBLIC_URL_LOCAL });
    await screen.findByRole('heading', { level: 1, name: 'Samen Zeist' });
    // Not before there is a link to copy.
    expect(screen.queryByText(/deze link werkt nu alleen op de computer/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Deel met de gemeente' }));
    await screen.findByTitle('http://127.0.0.1:8080/c/abc123');
    expect(screen.getByText('Deze link werkt nu alleen op de computer waarop aantafel draait')).toBeInTheDocument();
  });

  it('lets a viewer look without share or change buttons', async () => {
    mockFetch({
      'GET /api/v1/workspaces/demo/consortia/5': () => answer('getConsortium', 200, CONSORTIUM),
      'GET /api/v1/workspaces/demo/consortia/5/offer': () => answer('getConsortiumOffer', 200, OFFER),
    });
    renderInWorkspace(<ConsortiumPage />, { ...route, role: 'viewer' });
    await screen.findByRole('heading', { level: 1, name: 'Samen Zeist' });
    expect(screen.queryByRole('button', { name: 'Deel met de gemeente' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Wijzigen' })).not.toBeInTheDocument();
  });
});
