import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role, Session, Workspace } from '../../api/types';
import { mockFetch, type Handler } from '../whoiswho/testing';
import { answer, problem, noContent, type RequestBody, type Schema } from '../../test/answer';
import { PUBLIC_URL_SET, renderWithProviders } from '../../test/render';
import { WorkspaceContext } from '../shell/workspaceContext';
import { WorkspaceSettingsPage } from './WorkspaceSettingsPage';

const me = { id: 1, email: 'demo@aantafel.example', name: 'Demo Gebruiker', language: 'nl' as const };
const sam = { id: 2, email: 'sam@wijkzorg.example', name: 'Sam de Vries', language: 'nl' as const };

const pending = {
  id: 7,
  email: 'nieuw@wijkzorg.example',
  role: 'viewer',
  language: 'en',
  invited_by: 'Demo Gebruiker',
  created_at: '2026-11-23T09:00:00Z',
  expires_at: '2026-11-30T09:00:00Z',
  expired: false,
  sent_at: '2026-11-23T09:00:00Z',
} satisfies Schema<'Invitation'>;

let routes: Record<string, Handler>;
let fetchMock: ReturnType<typeof mockFetch>;

beforeEach(() => {
  routes = {
    'GET /api/v1/workspaces/demo/members': () =>
      answer('listMembers', 200, {
        items: [
          { user: me, role: 'owner' },
          { user: sam, role: 'viewer' },
        ],
      }),
    'GET /api/v1/workspaces/demo/tokens': () => answer('listTokens', 200, { items: [] }),
    'GET /api/v1/workspaces/demo/invitations': () => answer('listInvitations', 200, { items: [] }),
    'GET /api/v1/workspaces/demo/sso': () => answer('getWorkspaceSingleSignOn', 200, { enabled: false, sso_only: false, mappings: [] }),
    'GET /api/v1/sso': () => answer('getSingleSignOn', 200, { enabled: false, label: '' }),
  };
  fetchMock = mockFetch(routes);
});
afterEach(() => vi.unstubAllGlobals());

function renderSettings(
  role: Role,
  reload: () => Promise<void> = async () => undefined,
  signedInWithSso?: boolean,
) {
  const workspace: Workspace = { slug: 'demo', name: 'Demo Zorg', kind: 'care_provider', role };
  const session: Session = {
    user: me,
    workspaces: [workspace],
    public_url: PUBLIC_URL_SET,
    mail: false,
    csrf_token: 'csrf',
    ...(signedInWithSso === undefined ? {} : { signed_in_with_sso: signedInWithSso }),
  };
  return renderWithProviders(
    <WorkspaceContext.Provider value={{ workspace, reload }}>
      <WorkspaceSettingsPage />
    </WorkspaceContext.Provider>,
    { session: { status: 'authenticated', session } },
  );
}

describe('WorkspaceSettingsPage', () => {
  it('shows members read-only to someone who is not an owner', async () => {
    renderSettings('viewer');
    const table = await screen.findByRole('table', { name: 'Leden van Demo Zorg' });
    expect(within(table).getByRole('rowheader', { name: 'Sam de Vries' })).toBeInTheDocument();
    expect(within(table).getByText('Lezer')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Rol wijzigen|Verwijderen|Uitnodiging sturen/ })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Openstaande uitnodigingen' })).toBeNull();
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes('/invitations'))).toBe(false);
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes('/workspaces/demo/sso'))).toBe(false);
    expect(screen.queryByRole('heading', { name: 'Single sign-on' })).toBeNull();
    expect(screen.getByText('Als lezer kun je geen API-sleutels maken.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Logboek/ })).toBeNull();
  });

  it('links owners to the audit log', async () => {
    renderSettings('owner');
    await screen.findByRole('table', { name: 'Leden van Demo Zorg' });
    expect(screen.getByRole('link', { name: 'Logboek: wie wat heeft gewijzigd' })).toHaveAttribute(
      'href',
      '/w/demo/settings/audit-log',
    );
  });

  it('shows the API field error next to the e-mail field when inviting', async () => {
    const user = userEvent.setup();
    routes['POST /api/v1/workspaces/demo/invitations'] = () =>
      problem('invite', 'conflict', 'Dit bestaat al.', { email: 'Deze persoon is al lid van deze werkruimte.' });
    renderSettings('owner');
    await screen.findByRole('table', { name: 'Leden van Demo Zorg' });
    const email = screen.getByRole('textbox', { name: 'E-mailadres' });
    await user.type(email, 'sam@wijkzorg.example');
    await user.click(screen.getByRole('button', { name: 'Uitnodiging sturen' }));
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('Deze persoon is al lid van deze werkruimte.');
    expect(email).toHaveFocus();
    expect(screen.queryByRole('alert')).toBeNull();
    const [, init] = fetchMock.mock.calls.at(-1) ?? [];
    expect((init?.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf');
  });

  it('asks for an e-mail address before sending an invitation', async () => {
    const user = userEvent.setup();
    renderSettings('owner');
    await screen.findByText('Er zijn geen openstaande uitnodigingen.');
    await user.click(screen.getByRole('button', { name: 'Uitnodiging sturen' }));
    const email = screen.getByRole('textbox', { name: 'E-mailadres' });
    expect(email).toHaveAccessibleDescription('Vul een e-mailadres in.');
    expect(email).toHaveFocus();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it('invites a colleague by e-mail and lists the open invitation', async () => {
    const user = userEvent.setup();
    routes['POST /api/v1/workspaces/demo/invitations'] = (_url, init) => {
      expect(JSON.parse(init?.body as string)).toEqual({
        email: 'nieuw@wijkzorg.example',
        role: 'viewer',
        language: 'en',
      });
      routes['GET /api/v1/workspaces/demo/invitations'] = () => answer('listInvitations', 200, { items: [pending] });
      return answer('invite', 201, { invitation: pending, mailed: true });
    };
    renderSettings('owner');
    await screen.findByText('Er zijn geen openstaande uitnodigingen.');
    await user.type(screen.getByRole('textbox', { name: 'E-mailadres' }), 'nieuw@wijkzorg.example');
    const role = screen.getByRole('combobox', { name: 'Rol' });
    expect(role).toHaveAccessibleDescription(/Bewerker: kan gegevens toevoegen en wijzigen/);
    await user.selectOptions(role, 'viewer');
    await user.click(screen.getByRole('radio', { name: 'English' }));
    await user.click(screen.getByRole('button', { name: 'Uitnodiging sturen' }));

    expect(
      await screen.findByText('We hebben een uitnodiging gestuurd naar nieuw@wijkzorg.example.'),
    ).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Openstaande uitnodigingen voor Demo Zorg' });
    const [item] = within(list).getAllByRole('listitem');
    expect(item).toHaveTextContent('nieuw@wijkzorg.example');
    expect(item).toHaveTextContent('RolLezer');
    expect(item).toHaveTextContent('Per e-mail verstuurd23 nov 2026, 10:00');
    expect(item).toHaveTextContent('Link werkt tot30 nov 2026, 10:00');
    expect(item).toHaveTextContent('Uitgenodigd doorDemo Gebruiker');
    expect(screen.getByRole('textbox', { name: 'E-mailadres' })).toHaveValue('');
  });

  it('shows the link to pass on when the server could not send the e-mail', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const link = 'https://aantafel.example.nl/invitation#geheim-123';
    routes['POST /api/v1/workspaces/demo/invitations'] = () => {
      routes['GET /api/v1/workspaces/demo/invitations'] = () =>
        answer('listInvitations', 200, { items: [{ ...pending, sent_at: null }] });
      return answer('invite', 201, { invitation: { ...pending, sent_at: null }, mailed: false, link });
    };
    renderSettings('owner');
    await screen.findByText('Er zijn geen openstaande uitnodigingen.');
    await user.type(screen.getByRole('textbox', { name: 'E-mailadres' }), 'nieuw@wijkzorg.example');
    await user.click(screen.getByRole('button', { name: 'Uitnodiging sturen' }));

    const heading = await screen.findByRole('heading', {
      name: 'Geef deze link zelf door aan nieuw@wijkzorg.example',
    });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText(/deze server kan nu geen e-mail versturen/)).toBeInTheDocument();
    expect(screen.getByText(/De link werkt één keer, tot 30 nov 2026, 10:00/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Link voor de uitnodiging' })).toHaveValue(link);
    expect(await screen.findByRole('list', { name: 'Openstaande uitnodigingen voor Demo Zorg' })).toHaveTextContent(
      'Per e-mail verstuurdNee',
    );
    await user.click(screen.getByRole('button', { name: 'Kopieer link' }));
    expect(writeText).toHaveBeenCalledWith(link);
    expect(await screen.findByText('De link staat op het klembord.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Klaar' }));
    expect(screen.queryByDisplayValue(link)).toBeNull();
    expect(screen.getByRole('textbox', { name: 'E-mailadres' })).toHaveFocus();
  });

  it('sends an invitation again and withdraws one after confirmation', async () => {
    const user = userEvent.setup();
    const expired = { ...pending, id: 8, email: 'oud@wijkzorg.example', expired: true };
    routes['GET /api/v1/workspaces/demo/invitations'] = () => answer('listInvitations', 200, { items: [expired] });
    routes['POST /api/v1/workspaces/demo/invitations/8/resend'] = () => {
      routes['GET /api/v1/workspaces/demo/invitations'] = () =>
        answer('listInvitations', 200, { items: [{ ...expired, expired: false }] });
      return answer('resendInvitation', 200, { invitation: { ...expired, expired: false }, mailed: true });
    };
    routes['DELETE /api/v1/workspaces/demo/invitations/8'] = () => {
      routes['GET /api/v1/workspaces/demo/invitations'] = () => answer('listInvitations', 200, { items: [] });
      return noContent('withdrawInvitation');
    };
    renderSettings('owner');
    expect(await screen.findByText('Verlopen op 30 nov 2026, 10:00')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Opnieuw sturen uitnodiging voor oud@wijkzorg.example' }));
    expect(
      await screen.findByText(
        'We hebben de uitnodiging opnieuw gestuurd naar oud@wijkzorg.example. De oude link werkt niet meer.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Verlopen op/)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Intrekken uitnodiging voor oud@wijkzorg.example' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Uitnodiging voor oud@wijkzorg.example intrekken?' });
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Ja, intrekken' }));
    expect(await screen.findByText('De uitnodiging voor oud@wijkzorg.example is ingetrokken.')).toBeInTheDocument();
    expect(screen.getByText('Er zijn geen openstaande uitnodigingen.')).toBeInTheDocument();
  });

  it('shows a new token once, with a warning and a copy button', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const token = {
      id: 5,
      label: 'Koppeling planning',
      created_at: '2026-11-23T09:00:00.000Z',
      user: me,
    } satisfies Schema<'Token'>;
    routes['POST /api/v1/workspaces/demo/tokens'] = (_url, init) => {
      expect(JSON.parse(init?.body as string)).toEqual({ label: 'Koppeling planning' });
      routes['GET /api/v1/workspaces/demo/tokens'] = () => answer('listTokens', 200, { items: [token] });
      return answer('createToken', 201, { ...token, token: 'aat_geheim123' });
    };
    renderSettings('owner');
    await user.type(await screen.findByLabelText('Naam van de sleutel', { exact: false }), 'Koppeling planning');
    await user.click(screen.getByRole('button', { name: 'Sleutel maken' }));

    const heading = await screen.findByRole('heading', { name: 'Je nieuwe sleutel "Koppeling planning"' });
    expect(heading).toHaveFocus();
    expect(screen.getByText(/Je ziet de sleutel hierna nooit meer/)).toBeInTheDocument();
    expect(screen.getByLabelText('API-sleutel')).toHaveValue('aat_geheim123');
    // The list shows the token with its date in Dutch, Amsterdam time.
    expect(await screen.findByText('23 nov 2026, 10:00')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Kopieer sleutel' }));
    expect(writeText).toHaveBeenCalledWith('aat_geheim123');
    expect(await screen.findByText('De sleutel staat op het klembord.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Ik heb de sleutel bewaard' }));
    expect(screen.queryByDisplayValue('aat_geheim123')).toBeNull();
  });
});

describe('WorkspaceSettingsPage: single sign-on', () => {
  const configured = {
    enabled: true,
    sso_only: false,
    mappings: [
      { group: '0b1c2d3e-4f5a-4789-abcd-ef0123456789', role: 'editor' },
      { group: 'aantafel.lezers', role: 'viewer' },
    ],
  } satisfies Schema<'WorkspaceSso'>;

  function lastPut() {
    const call = fetchMock.mock.calls.filter(([url, init]) => init?.method === 'PUT' && String(url).endsWith('/sso')).at(-1);
    return call ? JSON.parse(call[1]?.body as string) : undefined;
  }

  beforeEach(() => {
    routes['GET /api/v1/sso'] = () => answer('getSingleSignOn', 200, { enabled: true, label: 'Microsoft 365' });
    routes['GET /api/v1/workspaces/demo/sso'] = () => answer('getWorkspaceSingleSignOn', 200, configured);
  });

  it('says who can set it up when the server has no single sign-on', async () => {
    routes['GET /api/v1/workspaces/demo/sso'] = () => answer('getWorkspaceSingleSignOn', 200, { enabled: false, sso_only: false, mappings: [] });
    renderSettings('owner');
    const section = await screen.findByRole('region', { name: 'Single sign-on' });
    expect(await within(section).findByText(/Op deze server is single sign-on nog niet ingesteld/)).toHaveTextContent(
      'docs/operations.md',
    );
    expect(within(section).queryByRole('checkbox')).toBeNull();
    expect(within(section).queryByRole('button')).toBeNull();
  });

  it('shows the choice, its consequence, the rules and the mappings', async () => {
    renderSettings('owner');
    const only = await screen.findByRole('checkbox', { name: 'Alleen inloggen met single sign-on' });
    expect(only).not.toBeChecked();
    expect(only).toHaveAccessibleDescription(/kan deze werkruimte dan niet meer openen.*API-sleutels blijven wel werken/);
    const section = screen.getByRole('region', { name: 'Single sign-on' });
    expect(section).toHaveTextContent('Dan krijgt die persoon de hoogste rol.');
    expect(section).toHaveTextContent('vanaf de volgende keer inloggen geen lid meer');
    expect(section).toHaveTextContent('met een uitnodiging lid zijn geworden, houden hun rol');
    expect(section).toHaveTextContent('Object ID');
    const list = within(section).getByRole('list', { name: 'Gekoppelde groepen' });
    const first = within(list).getByRole('group', { name: 'Koppeling 1' });
    expect(within(first).getByRole('textbox', { name: 'ID van de groep' })).toHaveValue(
      '0b1c2d3e-4f5a-4789-abcd-ef0123456789',
    );
    expect(within(first).getByRole('combobox', { name: 'Rol' })).toHaveValue('editor');
    const second = within(list).getByRole('group', { name: 'Koppeling 2' });
    expect(within(second).getByRole('combobox', { name: 'Rol' })).toHaveValue('viewer');
  });

  it('adds, checks, removes and saves mappings', async () => {
    const user = userEvent.setup();
    routes['PUT /api/v1/workspaces/demo/sso'] = (_url, init) => answer('saveWorkspaceSingleSignOn', 200, { enabled: true, ...(JSON.parse(init?.body as string) as RequestBody<'saveWorkspaceSingleSignOn'>) });
    renderSettings('owner');
    await screen.findByRole('group', { name: 'Koppeling 2' });

    await user.click(screen.getByRole('button', { name: 'Groep toevoegen' }));
    const third = screen.getByRole('group', { name: 'Koppeling 3' });
    const group = within(third).getByRole('textbox', { name: 'ID van de groep' });
    expect(group).toHaveFocus();
    expect(within(third).getByRole('combobox', { name: 'Rol' })).toHaveValue('viewer');

    // Empty: a field error, nothing sent.
    await user.click(screen.getByRole('button', { name: 'Instellingen voor single sign-on opslaan' }));
    expect(group).toHaveAccessibleDescription('Vul het ID van de groep in.');
    expect(group).toHaveFocus();
    expect(lastPut()).toBeUndefined();

    await user.type(group, '  9e8d7c6b-5a4f-4321-8765-43210fedcba9 ');
    await user.selectOptions(within(third).getByRole('combobox', { name: 'Rol' }), 'owner');
    // Remove the first: focus goes to the one that took its place.
    await user.click(screen.getByRole('button', { name: 'Weghalen koppeling 1' }));
    expect(screen.getByText('Koppeling 1 is weggehaald. Sla de instellingen op om dit te bewaren.')).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Koppeling 1' })).getByRole('textbox')).toHaveFocus();
    expect(within(screen.getByRole('group', { name: 'Koppeling 1' })).getByRole('textbox')).toHaveValue('aantafel.lezers');

    await user.click(screen.getByRole('button', { name: 'Instellingen voor single sign-on opslaan' }));
    expect(await screen.findByText('De instellingen voor single sign-on zijn opgeslagen.')).toBeInTheDocument();
    expect(lastPut()).toEqual({
      sso_only: false,
      mappings: [
        { group: 'aantafel.lezers', role: 'viewer' },
        { group: '9e8d7c6b-5a4f-4321-8765-43210fedcba9', role: 'owner' },
      ],
    });
    const [, init] = fetchMock.mock.calls.at(-1) ?? [];
    expect((init?.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf');
  });

  it('shows field errors from the API at the mapping they belong to', async () => {
    const user = userEvent.setup();
    routes['PUT /api/v1/workspaces/demo/sso'] = () =>
      problem('saveWorkspaceSingleSignOn', 'invalid_input', 'Niet alle velden zijn goed ingevuld.', { 'mappings[1].group': 'Deze groep staat er al.' });
    renderSettings('owner');
    await screen.findByRole('group', { name: 'Koppeling 2' });
    await user.click(screen.getByRole('button', { name: 'Instellingen voor single sign-on opslaan' }));
    const group = within(screen.getByRole('group', { name: 'Koppeling 2' })).getByRole('textbox', {
      name: 'ID van de groep',
    });
    await waitFor(() => expect(group).toHaveAccessibleDescription('Deze groep staat er al.'));
    expect(group).toHaveFocus();
    expect(within(screen.getByRole('group', { name: 'Koppeling 1' })).getByRole('textbox')).not.toHaveAttribute(
      'aria-invalid',
    );
  });

  it('asks before turning on "only single sign-on", then saves and reloads the workspace', async () => {
    const user = userEvent.setup();
    const reload = vi.fn(async () => undefined);
    routes['PUT /api/v1/workspaces/demo/sso'] = (_url, init) => answer('saveWorkspaceSingleSignOn', 200, { enabled: true, ...(JSON.parse(init?.body as string) as RequestBody<'saveWorkspaceSingleSignOn'>) });
    renderSettings('owner', reload, false);
    await user.click(await screen.findByRole('checkbox', { name: 'Alleen inloggen met single sign-on' }));
    await user.click(screen.getByRole('button', { name: 'Instellingen voor single sign-on opslaan' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Alleen inloggen met single sign-on aanzetten?' });
    // This owner signed in with a password: they themselves will need single sign-on.
    expect(dialog).toHaveTextContent(
      'Let op: je bent nu zelf ingelogd met je e-mailadres en wachtwoord. Daarna moet je dus zelf ook inloggen met Microsoft 365 om deze werkruimte te openen.',
    );
    expect(lastPut()).toBeUndefined();

    await user.click(within(dialog).getByRole('button', { name: 'Annuleren' }));
    expect(lastPut()).toBeUndefined();

    await user.click(screen.getByRole('button', { name: 'Instellingen voor single sign-on opslaan' }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Ja, aanzetten en opslaan' }),
    );
    expect(await screen.findByText('De instellingen voor single sign-on zijn opgeslagen.')).toBeInTheDocument();
    expect(lastPut()).toEqual({ sso_only: true, mappings: configured.mappings });
    expect(reload).toHaveBeenCalled();

    // Saving again while it stays on does not ask again.
    await user.click(screen.getByRole('button', { name: 'Instellingen voor single sign-on opslaan' }));
    await waitFor(() => expect(fetchMock.mock.calls.filter(([, i]) => i?.method === 'PUT')).toHaveLength(2));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('does not warn owners about themselves when they signed in with single sign-on', async () => {
    const user = userEvent.setup();
    renderSettings('owner', undefined, true);
    await user.click(await screen.findByRole('checkbox', { name: 'Alleen inloggen met single sign-on' }));
    await user.click(screen.getByRole('button', { name: 'Instellingen voor single sign-on opslaan' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Alleen inloggen met single sign-on aanzetten?' });
    expect(dialog).toHaveTextContent('Zorg dat minstens één eigenaar kan inloggen met Microsoft 365.');
    expect(dialog).not.toHaveTextContent(/je nu zelf ingelogd|Ben je nu zelf/);
    expect(lastPut()).toBeUndefined();
  });

  it('asks owners to check how they signed in when the session does not say', async () => {
    const user = userEvent.setup();
    renderSettings('owner');
    await user.click(await screen.findByRole('checkbox', { name: 'Alleen inloggen met single sign-on' }));
    await user.click(screen.getByRole('button', { name: 'Instellingen voor single sign-on opslaan' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent(
      'Ben je nu zelf ingelogd met je e-mailadres en wachtwoord? Dan moet je daarna ook zelf inloggen met Microsoft 365',
    );
  });
});
