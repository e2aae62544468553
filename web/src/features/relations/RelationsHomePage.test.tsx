import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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
      'GET /api/v1/workspaces/demo/mail-intake/reviews': () => answer('listMailReviews', 200, { address: null, items: [], total: 0 }),
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

  it('shows every member the e-mail to check, and loads the contacts again when one is saved as a contact', async () => {
    let waiting = true;
    let listed = 0;
    const review = {
      id: 7, received_at: '2026-11-23T09:30:00Z', sent_at: null, subject: 'Kadernota', from: null, forwarded_by: null,
      preview: '', addresses: [], files: [],
    };
    mockFetch({
      'GET /api/v1/workspaces/demo/organisations': () => answer('listOrganisations', 200, { items: [] }),
      'GET /api/v1/workspaces/demo/this-week': () => answer('getThisWeek', 200, { today: '2026-11-23', follow_ups: [], agreements: [] }),
      'GET /api/v1/workspaces/demo/interactions': () => {
        listed += 1;
        return answer('listInteractions', 200, { items: [], has_more: false });
      },
      'GET /api/v1/workspaces/demo/mail-intake/reviews': () =>
        answer('listMailReviews', 200, { address: 'dossier+demo@aantafel.example', items: waiting ? [review] : [], total: waiting ? 1 : 0 }),
      'POST /api/v1/workspaces/demo/mail-intake/reviews/7/file': () => {
        waiting = false;
        return answer('fileMailReview', 201, {
          interaction_id: 77, already_filed: false, people: [], staff: [], unmatched: [], files: [], skipped_files: [],
        });
      },
    });
    const user = userEvent.setup();
    renderInWorkspace(<RelationsHomePage />, route);
    await user.click(await screen.findByRole('button', { name: 'Opslaan als contact: Kadernota' }));
    expect(await screen.findByText('“Kadernota” is opgeslagen als contact.')).toBeInTheDocument();
    await waitFor(() => expect(listed).toBe(2));
  });

  it('shows a viewer the e-mail to check without buttons, and no upload', async () => {
    mockFetch({
      'GET /api/v1/workspaces/demo/organisations': () => answer('listOrganisations', 200, { items: [] }),
      'GET /api/v1/workspaces/demo/this-week': () => answer('getThisWeek', 200, { today: '2026-11-23', follow_ups: [], agreements: [] }),
      'GET /api/v1/workspaces/demo/interactions': () => answer('listInteractions', 200, { items: [], has_more: false }),
      'GET /api/v1/workspaces/demo/mail-intake/reviews': () =>
        answer('listMailReviews', 200, { address: 'dossier+demo@aantafel.example', items: [], total: 0 }),
    });
    renderInWorkspace(<RelationsHomePage />, { ...route, role: 'viewer' });
    expect(await screen.findByText('Er wacht geen e-mail.')).toBeInTheDocument();
    expect(screen.getByText('dossier+demo@aantafel.example')).toBeInTheDocument();
    expect(screen.queryByLabelText('E-mail toevoegen (.eml)')).not.toBeInTheDocument();
  });
});
