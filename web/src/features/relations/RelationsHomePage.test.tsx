import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { answer } from '../../test/answer';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import { RelationsHomePage } from './RelationsHomePage';

const route = { route: '/w/demo/interactions', path: '/w/:slug/interactions' };

describe('RelationsHomePage', () => {
  it('shows "Deze week" with overdue items highlighted and the reason in words', async () => {
    mockFetch({
      'GET /api/v1/workspaces/demo/organisations': () =>
        answer('listOrganisations', 200, { items: [{ id: 5, kind: 'municipality', municipality_code: 'GM0355', name: 'Zeist' }] }),
      'GET /api/v1/workspaces/demo/this-week': () =>
        answer('getThisWeek', 200, {
          today: '2026-11-23',
          follow_ups: [
            { id: 1, interaction_id: null, title: 'Verslag sturen', owner_id: null, due_on: '2026-11-20', done: false, done_at: null, overdue: true },
            { id: 2, interaction_id: 3, title: 'Offerte', owner_id: null, due_on: '2026-11-24', done: false, done_at: null, overdue: false },
          ],
          agreements: [
            {
              id: 4, title: 'Pilot', description: '', organisation_ids: [5], commitments: [], owner_id: null,
              due_on: '2026-11-27', status: 'agreed', open: true, overdue: false, interaction_id: null,
              history: [], created_at: '', updated_at: '',
            },
          ],
        }),
      'GET /api/v1/workspaces/demo/interactions': () => answer('listInteractions', 200, { items: [], has_more: false }),
    });
    renderInWorkspace(<RelationsHomePage />, route);
    const followUps = await screen.findByRole('list', { name: 'Vervolgacties' });
    const overdue = within(followUps).getByText('Verslag sturen').closest('li');
    expect(overdue).toHaveClass('aantafel-relations-item--overdue');
    expect(overdue).toHaveTextContent('te laat sinds 20 november 2026');
    expect(within(followUps).getByText('Offerte').closest('li')).toHaveTextContent('moet morgen');
    const agreements = screen.getByRole('list', { name: 'Afspraken' });
    expect(within(agreements).getByRole('listitem')).toHaveTextContent('Pilot Zeist moet uiterlijk 27 november 2026');
    expect(screen.getByRole('button', { name: 'Klaar: Verslag sturen' })).toBeInTheDocument();
    expect(await screen.findByText('Er zijn geen contacten gevonden.')).toBeInTheDocument();
  });
});
