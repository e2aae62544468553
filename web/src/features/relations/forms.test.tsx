import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import type { Agreement, FollowUp, Interaction } from '../../api/types';
import { answer, problem, type Schema } from '../../test/answer';
import { positionFixture } from '../../test/fixtures';
import { mockFetch, renderInWorkspace, type Handler } from '../whoiswho/testing';
import { AgreementPage, NewAgreementPage } from './AgreementFormPage';
import { InteractionPage, NewInteractionPage } from './InteractionFormPage';

afterEach(() => vi.unstubAllGlobals());

const WS = '/api/v1/workspaces/demo';
const zeist = { id: 5, kind: 'municipality', municipality_code: 'GM0355', name: 'Zeist' } satisfies Schema<'Organisation'>;
// The signed-in person in renderInWorkspace is user 1, "Demo Gebruiker".
const members = {
  items: [
    { user: { id: 1, email: 'demo@aantafel.example', name: 'Demo Gebruiker', language: 'nl' }, role: 'editor' },
    { user: { id: 2, email: 'eva@aantafel.example', name: 'Eva Editor', language: 'nl' }, role: 'editor' },
  ],
} satisfies Schema<'MemberList'>;
const wendy = {
  id: 9,
  name: 'Wendy Wethouder',
  fictional: false,
  current_positions: [positionFixture({ id: 90, person_id: 9, organisation_id: 5, kind: 'alderman' })],
  latest_assessment: null,
  quadrant: null,
} satisfies Schema<'PersonSummary'>;

function interaction(over: Partial<Interaction> = {}): Interaction {
  return {
    id: 42,
    occurred_at: '2026-11-23T09:00:00Z',
    kind: 'working_visit',
    organisation_id: 5,
    subject: 'Werkbezoek Zeist-West',
    notes: 'Pilot met de wijkverpleging.',
    stance: 'ask',
    tags: ['Wmo', 'wijkteam'],
    plan_id: null,
    person_ids: [9],
    staff_ids: [1],
    created_by: 1,
    created_at: '2026-11-23T09:05:00Z',
    updated_at: '2026-11-23T09:05:00Z',
    ...over,
  };
}

function followUp(over: Partial<FollowUp> = {}): FollowUp {
  return {
    id: 7,
    interaction_id: 42,
    title: 'Offerte sturen',
    owner_id: 2,
    due_on: '2099-01-15',
    done: false,
    done_at: null,
    overdue: false,
    ...over,
  };
}

function agreement(over: Partial<Agreement> = {}): Agreement {
  return {
    id: 12,
    title: 'Pilot wijkverpleging',
    description: 'Twee jaar.',
    organisation_ids: [5],
    commitments: [
      { organisation_id: null, text: 'Wij leveren twee wijkverpleegkundigen.' },
      { organisation_id: 5, text: 'Zeist betaalt de coördinatie.' },
    ],
    owner_id: 2,
    due_on: '2099-03-01',
    status: 'agreed',
    open: true,
    overdue: false,
    interaction_id: null,
    history: [{ status: 'agreed', at: '2026-11-23T09:05:00Z', by: 2 }],
    created_at: '2026-11-23T09:05:00Z',
    updated_at: '2026-11-23T09:05:00Z',
    ...over,
  };
}

/** The area's routes as the app has them (new, one record), below /w/:slug/interactions. */
function Area() {
  return (
    <Routes>
      <Route path="new" element={<NewInteractionPage />} />
      <Route path="agreements/new" element={<NewAgreementPage />} />
      <Route path="agreements/:agreementId" element={<AgreementPage />} />
      <Route path=":interactionId" element={<InteractionPage />} />
    </Routes>
  );
}

const at = (route: string) => ({ route, path: '/w/:slug/interactions/*' });

function body(init: RequestInit | undefined): Record<string, unknown> {
  return JSON.parse(String(init?.body)) as Record<string, unknown>;
}

function common(extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    [`GET ${WS}/organisations`]: () => answer('listOrganisations', 200, { items: [zeist] }),
    [`GET ${WS}/members`]: () => answer('listMembers', 200, members),
    [`GET ${WS}/people`]: () => answer('listPeople', 200, { items: [wendy], has_more: false }),
    ...extra,
  });
}

/**
 * The server saving a new contact (`saved`, id 42) and then its follow-ups (`addFollowUp`), and
 * the saved contact's page, which lists `listed()` as the follow-ups.
 */
function savingContact(saved: Interaction, addFollowUp: Handler, listed: () => FollowUp[] = () => []) {
  return {
    [`POST ${WS}/interactions`]: () => answer('addInteraction', 201, saved),
    [`POST ${WS}/follow-ups`]: addFollowUp,
    [`GET ${WS}/interactions/42`]: () => answer('getInteraction', 200, saved),
    [`GET ${WS}/follow-ups`]: () => answer('listFollowUps', 200, { items: listed() }),
  };
}

async function fillContact(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('option', { name: 'Zeist' });
  await user.selectOptions(screen.getByLabelText('Gemeente of organisatie'), 'Zeist');
  await user.type(screen.getByLabelText('Onderwerp'), 'Werkbezoek Zeist-West');
  await user.click(await screen.findByRole('checkbox', { name: /^Wendy Wethouder/ }));
}

describe('a new contact', () => {
  it('starts with the signed-in person ticked as one of ours', async () => {
    common();
    renderInWorkspace(<Area />, at('/w/demo/interactions/new'));
    const group = screen.getByRole('group', { name: 'Wie waren er van ons?' });
    expect(await within(group).findByRole('checkbox', { name: 'Demo Gebruiker' })).toBeChecked();
    expect(within(group).getByRole('checkbox', { name: 'Eva Editor' })).not.toBeChecked();
  });

  it('saves the contact, then its follow-ups, and opens the saved contact with its heading focused', async () => {
    const user = userEvent.setup();
    const saved = interaction();
    const created: FollowUp[] = [];
    const fetchMock = common(
      savingContact(
        saved,
        (_url, init) => {
          const sent = body(init);
          const made = followUp({ id: 7 + created.length, title: String(sent.title), owner_id: sent.owner_id as number | null, due_on: String(sent.due_on) });
          created.push(made);
          return answer('addFollowUp', 201, made);
        },
        () => created,
      ),
    );
    renderInWorkspace(<Area />, at('/w/demo/interactions/new'));
    await fillContact(user);

    // Two follow-ups typed into the form; an empty third group is skipped.
    const add = screen.getByRole('button', { name: 'Vervolgactie toevoegen' });
    await user.click(add);
    const first = screen.getByRole('group', { name: 'Vervolgactie 1' });
    // Focus moves to the new group's first field on the next frame.
    await waitFor(() => expect(within(first).getByLabelText(/Wat moet er gebeuren\?/)).toHaveFocus());
    await user.type(within(first).getByLabelText(/Wat moet er gebeuren\?/), 'Offerte sturen');
    await user.selectOptions(within(first).getByLabelText('Wie doet het?'), 'Eva Editor');
    await user.type(within(first).getByLabelText(/Uiterlijk op/), '2099-01-15');
    await user.click(screen.getByRole('button', { name: 'Nog een vervolgactie toevoegen' }));
    const second = screen.getByRole('group', { name: 'Vervolgactie 2' });
    await user.type(within(second).getByLabelText(/Wat moet er gebeuren\?/), 'Verslag delen');
    await user.type(within(second).getByLabelText(/Uiterlijk op/), '2099-01-20');
    await user.click(screen.getByRole('button', { name: 'Nog een vervolgactie toevoegen' }));
    expect(screen.getByRole('group', { name: 'Vervolgactie 3' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Contact opslaan' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Werkbezoek Zeist-West' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByTestId('location')).toHaveTextContent('/w/demo/interactions/42');
    expect(await screen.findByText('Contact "Werkbezoek Zeist-West" is opgeslagen, met 2 vervolgacties.')).toBeInTheDocument();

    // The contact first, then each follow-up, tied to it.
    const posts = fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST');
    expect(posts.map(([input]) => new URL(String(input), 'http://localhost').pathname)).toEqual([
      `${WS}/interactions`,
      `${WS}/follow-ups`,
      `${WS}/follow-ups`,
    ]);
    expect(body(posts[0]![1]).staff_ids).toEqual([1]);
    expect(body(posts[1]![1])).toEqual({ title: 'Offerte sturen', due_on: '2099-01-15', owner_id: 2, interaction_id: 42 });
    expect(body(posts[2]![1])).toEqual({ title: 'Verslag delen', due_on: '2099-01-20', owner_id: null, interaction_id: 42 });

    // The read view: no form, readable facts, and the follow-ups.
    expect(screen.queryByRole('form', { name: 'Contact wijzigen' })).not.toBeInTheDocument();
    const details = screen.getByRole('region', { name: 'Gegevens van dit contact' });
    const fact = (name: string) => within(details).getByText(name, { selector: 'dt' }).nextElementSibling;
    expect(fact('Datum en tijd')).toHaveTextContent('23 nov 2026, 10:00');
    expect(fact('Soort contact')).toHaveTextContent('Werkbezoek of wijkbezoek');
    expect(await within(details).findByRole('link', { name: 'Zeist' })).toHaveAttribute('href', '/w/demo/interactions/organisations/5');
    expect(fact('Brengen of vragen')).toHaveTextContent('Vragen');
    expect(fact('Trefwoorden')).toHaveTextContent('Wmo, wijkteam');
    await waitFor(() => expect(fact('Van de gemeente of organisatie')).toHaveTextContent('Wendy Wethouder'));
    await waitFor(() => expect(fact('Van ons')).toHaveTextContent('Demo Gebruiker'));
    expect(fact('Aantekeningen')).toHaveTextContent('Pilot met de wijkverpleging.');
    expect(within(details).getByRole('button', { name: 'Contact wijzigen' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Vervolgacties bij dit contact' });
    expect(within(list).getByText(/Offerte sturen/).closest('li')).toHaveTextContent('(Eva Editor)');
    expect(within(list).getByText(/Verslag delen/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Niet alle vervolgacties zijn opgeslagen' })).not.toBeInTheDocument();
  });

  it('asks to finish a half-filled follow-up before anything is sent', async () => {
    const user = userEvent.setup();
    const fetchMock = common();
    renderInWorkspace(<Area />, at('/w/demo/interactions/new'));
    await fillContact(user);
    await user.click(screen.getByRole('button', { name: 'Vervolgactie toevoegen' }));
    const group = screen.getByRole('group', { name: 'Vervolgactie 1' });
    await user.type(within(group).getByLabelText(/Wat moet er gebeuren\?/), 'Bellen');
    await user.click(screen.getByRole('button', { name: 'Contact opslaan' }));
    const due = within(group).getByLabelText(/Uiterlijk op/);
    expect(due).toHaveFocus();
    expect(due).toHaveAccessibleDescription('Vul een datum in.');
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);

    // "Weghalen" removes the group and says so; focus goes back to "add".
    await user.click(within(group).getByRole('button', { name: 'Weghalen vervolgactie 1' }));
    expect(screen.queryByRole('group', { name: 'Vervolgactie 1' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Vervolgactie toevoegen' })).toHaveFocus();
    expect(screen.getByText('Vervolgactie 1 is weggehaald.')).toBeInTheDocument();
  });

  it('shows the server’s field problems next to the fields', async () => {
    const user = userEvent.setup();
    common({
      [`POST ${WS}/interactions`]: () =>
        problem('addInteraction', 'invalid_input', 'Controleer de velden.', { subject: 'Dit onderwerp is te lang.', staff_ids: 'Deze persoon is geen lid.' }),
    });
    renderInWorkspace(<Area />, at('/w/demo/interactions/new'));
    await fillContact(user);
    await user.click(screen.getByRole('button', { name: 'Contact opslaan' }));
    const subject = screen.getByLabelText('Onderwerp');
    await waitFor(() => expect(subject).toHaveFocus());
    expect(subject).toHaveAccessibleDescription('Dit onderwerp is te lang.');
    expect(screen.getByRole('group', { name: 'Wie waren er van ons?' })).toHaveAccessibleDescription('Deze persoon is geen lid.');
  });

  it('keeps a follow-up the server refused, on the saved contact, to correct and save again', async () => {
    const user = userEvent.setup();
    const saved = interaction();
    const created: FollowUp[] = [];
    let refuse = true;
    common(
      savingContact(
        saved,
        (_url, init) => {
          if (refuse) {
            return problem('addFollowUp', 'invalid_input', 'Controleer de velden.', { due_on: 'Deze datum is te ver weg.' });
          }
          const sent = body(init);
          const made = followUp({ title: String(sent.title), due_on: String(sent.due_on), owner_id: null });
          created.push(made);
          return answer('addFollowUp', 201, made);
        },
        () => created,
      ),
    );
    renderInWorkspace(<Area />, at('/w/demo/interactions/new'));
    await fillContact(user);
    await user.click(screen.getByRole('button', { name: 'Vervolgactie toevoegen' }));
    const group = screen.getByRole('group', { name: 'Vervolgactie 1' });
    await user.type(within(group).getByLabelText(/Wat moet er gebeuren\?/), 'Verslag delen');
    await user.type(within(group).getByLabelText(/Uiterlijk op/), '2099-02-28');
    await user.click(screen.getByRole('button', { name: 'Contact opslaan' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Werkbezoek Zeist-West' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(await screen.findByText('Contact "Werkbezoek Zeist-West" is opgeslagen.')).toBeInTheDocument();
    const unsaved = screen.getByRole('region', { name: 'Niet alle vervolgacties zijn opgeslagen' });
    expect(unsaved).toHaveTextContent('Het contact is wel opgeslagen.');
    const kept = within(unsaved).getByRole('group', { name: 'Vervolgactie 1' });
    expect(within(kept).getByLabelText(/Wat moet er gebeuren\?/)).toHaveValue('Verslag delen');
    const due = within(kept).getByLabelText(/Uiterlijk op/);
    expect(due).toHaveAccessibleDescription('Deze datum is te ver weg.');

    refuse = false;
    await user.clear(due);
    await user.type(due, '2099-03-01');
    await user.click(within(unsaved).getByRole('button', { name: 'Vervolgacties opslaan' }));
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Niet alle vervolgacties zijn opgeslagen' })).not.toBeInTheDocument(),
    );
    expect(await screen.findByText('De vervolgacties zijn opgeslagen.')).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Vervolgacties bij dit contact' });
    expect(within(list).getByText(/Verslag delen/)).toBeInTheDocument();
    await waitFor(() => expect(heading).toHaveFocus());
  });
});

describe('a follow-up that fails for another reason', () => {
  it('keeps it with the server’s message on the group', async () => {
    const user = userEvent.setup();
    const saved = interaction();
    common(savingContact(saved, () => problem('addFollowUp', 'unavailable', 'De server is even niet bereikbaar.')));
    renderInWorkspace(<Area />, at('/w/demo/interactions/new'));
    await fillContact(user);
    await user.click(screen.getByRole('button', { name: 'Vervolgactie toevoegen' }));
    const group = screen.getByRole('group', { name: 'Vervolgactie 1' });
    await user.type(within(group).getByLabelText(/Wat moet er gebeuren\?/), 'Bellen');
    await user.type(within(group).getByLabelText(/Uiterlijk op/), '2099-01-10');
    await user.click(screen.getByRole('button', { name: 'Contact opslaan' }));
    const unsaved = await screen.findByRole('region', { name: 'Niet alle vervolgacties zijn opgeslagen' });
    const kept = within(unsaved).getByRole('group', { name: 'Vervolgactie 1' });
    expect(kept).toHaveAccessibleDescription('De server is even niet bereikbaar.');
    expect(within(kept).getByLabelText(/Uiterlijk op/)).toHaveValue('2099-01-10');
    expect(await screen.findByText('Er zijn nog geen vervolgacties.')).toBeInTheDocument();
  });
});

describe('a saved contact', () => {
  it('is shown read-only; "Contact wijzigen" opens the form, saving returns to the read view', async () => {
    const user = userEvent.setup();
    let current = interaction();
    common({
      [`GET ${WS}/interactions/42`]: () => answer('getInteraction', 200, current),
      [`GET ${WS}/follow-ups`]: () => answer('listFollowUps', 200, { items: [] }),
      [`PATCH ${WS}/interactions/42`]: (_url, init) => {
        current = { ...current, subject: String(body(init).subject) };
        return answer('updateInteraction', 200, current);
      },
    });
    renderInWorkspace(<Area />, at('/w/demo/interactions/42'));
    await screen.findByRole('heading', { level: 1, name: 'Werkbezoek Zeist-West' });
    expect(screen.queryByLabelText('Onderwerp')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Contact wijzigen' }));
    const subject = screen.getByLabelText('Onderwerp');
    await waitFor(() => expect(screen.getByLabelText('Datum en tijd')).toHaveFocus());
    await user.clear(subject);
    await user.type(subject, 'Werkbezoek Zeist-Oost');
    await user.click(screen.getByRole('button', { name: 'Contact opslaan' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Werkbezoek Zeist-Oost' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.queryByLabelText('Onderwerp')).not.toBeInTheDocument();
    expect(await screen.findByText('Contact "Werkbezoek Zeist-Oost" is opgeslagen.')).toBeInTheDocument();
  });

  it('shows a viewer the facts without any buttons to change them', async () => {
    common({
      [`GET ${WS}/interactions/42`]: () => answer('getInteraction', 200, interaction()),
      [`GET ${WS}/follow-ups`]: () => answer('listFollowUps', 200, { items: [] }),
    });
    renderInWorkspace(<Area />, { ...at('/w/demo/interactions/42'), role: 'viewer' });
    await screen.findByRole('heading', { level: 1, name: 'Werkbezoek Zeist-West' });
    expect(screen.getByRole('region', { name: 'Gegevens van dit contact' })).toHaveTextContent('Pilot met de wijkverpleging.');
    expect(screen.queryByRole('button', { name: 'Contact wijzigen' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Contact verwijderen' })).not.toBeInTheDocument();
  });
});

describe('agreements', () => {
  it('after saving a new one, opens its read view with the heading focused', async () => {
    const user = userEvent.setup();
    const saved = agreement();
    common({
      [`POST ${WS}/agreements`]: () => answer('addAgreement', 201, saved),
      [`GET ${WS}/agreements/12`]: () => answer('getAgreement', 200, saved),
    });
    renderInWorkspace(<Area />, at('/w/demo/interactions/agreements/new'));
    await user.type(screen.getByLabelText('Titel'), 'Pilot wijkverpleging');
    await user.click(await screen.findByRole('checkbox', { name: 'Zeist' }));
    await user.click(screen.getByRole('button', { name: 'Afspraak opslaan' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Pilot wijkverpleging' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByTestId('location')).toHaveTextContent('/w/demo/interactions/agreements/12');
    expect(await screen.findByText('Afspraak "Pilot wijkverpleging" is opgeslagen.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Titel')).not.toBeInTheDocument();
    const details = screen.getByRole('region', { name: 'Gegevens van deze afspraak' });
    const fact = (name: string) => within(details).getByText(name, { selector: 'dt' }).nextElementSibling;
    expect(fact('Status')).toHaveTextContent('Afgesproken');
    expect(fact('Uiterlijk klaar op')).toHaveTextContent('1 maart 2099');
    expect(fact('Partijen')).toHaveTextContent('Zeist');
    await waitFor(() => expect(fact('Wie doet wat?')).toHaveTextContent('Wij: Wij leveren twee wijkverpleegkundigen.'));
    expect(fact('Wie doet wat?')).toHaveTextContent('Zeist: Zeist betaalt de coördinatie.');
    await waitFor(() => expect(fact('Wie van ons is verantwoordelijk?')).toHaveTextContent('Eva Editor'));
    expect(within(details).getByRole('button', { name: 'Afspraak wijzigen' })).toBeInTheDocument();
  });

  it('changes in place and returns to the read view, focus on the heading', async () => {
    const user = userEvent.setup();
    let current = agreement();
    common({
      [`GET ${WS}/agreements/12`]: () => answer('getAgreement', 200, current),
      [`PATCH ${WS}/agreements/12`]: (_url, init) => {
        current = {
          ...current,
          status: body(init).status as Agreement['status'],
          history: [...current.history, { status: 'in_progress', at: '2026-11-24T09:00:00Z', by: 1 }],
        };
        return answer('updateAgreement', 200, current);
      },
    });
    renderInWorkspace(<Area />, at('/w/demo/interactions/agreements/12'));
    await screen.findByRole('heading', { level: 1, name: 'Pilot wijkverpleging' });
    await user.click(screen.getByRole('button', { name: 'Afspraak wijzigen' }));
    await user.selectOptions(screen.getByLabelText('Status'), 'Bezig');
    await user.click(screen.getByRole('button', { name: 'Afspraak opslaan' }));
    const heading = screen.getByRole('heading', { level: 1, name: 'Pilot wijkverpleging' });
    await waitFor(() => expect(heading).toHaveFocus());
    const details = screen.getByRole('region', { name: 'Gegevens van deze afspraak' });
    expect(within(details).getByText('Status', { selector: 'dt' }).nextElementSibling).toHaveTextContent('Bezig');
    const history = screen.getByRole('region', { name: 'Geschiedenis van de status' });
    expect(within(history).getAllByRole('listitem')).toHaveLength(2);

    // Cancel returns to the read view with focus on the button that opened the form.
    await user.click(screen.getByRole('button', { name: 'Afspraak wijzigen' }));
    await user.click(screen.getByRole('button', { name: 'Annuleren' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Afspraak wijzigen' })).toHaveFocus());
  });
});
