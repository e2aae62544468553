import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { components } from '../../api/schema';
import { mockFetch, type Handler } from '../whoiswho/testing';
import { answer, problem } from '../../test/answer';
import { PUBLIC_URL_SET, renderWithProviders } from '../../test/render';
import { browser } from '../sso/api';
import { InvitationPage } from './InvitationPage';

type Schemas = components['schemas'];

const details = {
  workspace: { slug: 'wijkzorg', name: 'Wijkzorg Noord' },
  role: 'editor',
  email: 'sanne@wijkzorg.example',
  inviter_name: 'Demo Gebruiker',
  language: 'nl',
  expires_at: '2026-11-30T09:00:00Z',
  account_exists: false,
} satisfies Schemas['InvitationDetails'];

const session = {
  user: { id: 3, email: 'sanne@wijkzorg.example', name: 'Sanne de Vries', language: 'nl' },
  workspaces: [{ slug: 'wijkzorg', name: 'Wijkzorg Noord', kind: 'care_provider', role: 'editor' }],
  public_url: PUBLIC_URL_SET,
  mail: false,
  csrf_token: 'csrf',
} satisfies Schemas['Session'];

let routes: Record<string, Handler>;
let fetchMock: ReturnType<typeof mockFetch>;

beforeEach(() => {
  routes = {
    'GET /api/v1/sso': () => answer('getSingleSignOn', 200, { enabled: false, label: '' }),
    'POST /api/v1/invitations/lookup': (_url, init) => {
      expect(JSON.parse(init?.body as string)).toEqual({ token: 'geheim-123' });
      return answer('lookUpInvitation', 200, details);
    },
  };
  fetchMock = mockFetch(routes);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function renderInvitation(hash = '#geheim-123', language: 'nl' | 'en' = 'nl') {
  return renderWithProviders(<InvitationPage />, {
    route: `/invitation${hash}`,
    path: '/invitation',
    language,
  });
}

function bodyOf(key: string) {
  const call = fetchMock.mock.calls.find(([url, init]) => `${init?.method} ${String(url)}` === key);
  return call ? JSON.parse(call[1]?.body as string) : undefined;
}

describe('InvitationPage', () => {
  it('says what the invitation is for: workspace, inviter, role in words and what it means', async () => {
    renderInvitation();
    expect(await screen.findByRole('heading', { level: 1, name: 'Uitnodiging voor Wijkzorg Noord' })).toBeInTheDocument();
    expect(
      screen.getByText('Demo Gebruiker nodigt je uit om samen te werken in de werkruimte Wijkzorg Noord in aantafel.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Bewerker')).toBeInTheDocument();
    expect(screen.getByText('Een bewerker kan gegevens bekijken, toevoegen en wijzigen.')).toBeInTheDocument();
    expect(screen.getByText('30 nov 2026, 10:00')).toBeInTheDocument();
    // The secret went in the body, not in the address.
    expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain('/api/v1/invitations/lookup');
    expect(fetchMock.mock.calls.every(([url]) => !String(url).includes('geheim'))).toBe(true);
    // Without single sign-on on the server: no such button.
    expect(screen.queryByRole('button', { name: /Aannemen met/ })).toBeNull();
  });

  it('asks a new person for a name and a password, checks them, and signs in', async () => {
    const user = userEvent.setup();
    routes['POST /api/v1/invitations/accept'] = () => answer('acceptInvitation', 201, session);
    renderInvitation();
    await screen.findByRole('heading', { level: 2, name: 'Maak je account' });
    const name = screen.getByLabelText('Jouw naam');
    const password = screen.getByLabelText('Nieuw wachtwoord');
    const repeat = screen.getByLabelText('Herhaal het nieuwe wachtwoord');
    expect(password).toHaveAccessibleDescription(/Minstens 10 tekens/);

    await user.click(screen.getByRole('button', { name: 'Account maken en uitnodiging aannemen' }));
    expect(name).toHaveAccessibleDescription(/Vul je naam in\./);
    expect(name).toHaveFocus();
    expect(password).toHaveAccessibleDescription(/Vul een wachtwoord in\./);

    await user.type(name, 'Sanne de Vries');
    await user.type(password, 'kort');
    await user.click(screen.getByRole('button', { name: 'Account maken en uitnodiging aannemen' }));
    expect(password).toHaveAccessibleDescription(/Gebruik minstens 10 tekens\. Nu zijn het er 4\./);
    expect(password).toHaveFocus();

    await user.clear(password);
    await user.type(password, 'een lange zin van mij');
    await user.type(repeat, 'een andere zin van mij');
    await user.click(screen.getByRole('button', { name: 'Account maken en uitnodiging aannemen' }));
    expect(repeat).toHaveAccessibleDescription('De twee wachtwoorden zijn niet hetzelfde. Typ ze nog een keer.');
    expect(repeat).toHaveFocus();
    expect(bodyOf('POST /api/v1/invitations/accept')).toBeUndefined();

    await user.clear(repeat);
    await user.type(repeat, 'een lange zin van mij');
    await user.click(screen.getByRole('button', { name: 'Account maken en uitnodiging aannemen' }));
    expect(await screen.findByText('workspace page')).toBeInTheDocument();
    expect(bodyOf('POST /api/v1/invitations/accept')).toEqual({
      token: 'geheim-123',
      name: 'Sanne de Vries',
      password: 'een lange zin van mij',
    });
  });

  it('asks only the password of an existing account, with a link for a forgotten one', async () => {
    const user = userEvent.setup();
    routes['POST /api/v1/invitations/lookup'] = () => answer('lookUpInvitation', 200, { ...details, account_exists: true });
    routes['POST /api/v1/invitations/accept'] = () =>
      problem('acceptInvitation', 'invalid_input', 'Niet alle velden zijn goed ingevuld.', { password: 'Dit wachtwoord klopt niet.' });
    renderInvitation();
    await screen.findByRole('heading', { level: 2, name: 'Log in om de uitnodiging aan te nemen' });
    expect(screen.queryByLabelText('Jouw naam')).toBeNull();
    expect(screen.getByRole('link', { name: 'Wachtwoord vergeten?' })).toHaveAttribute('href', '/password/forgot');
    const password = screen.getByLabelText('Wachtwoord');
    await user.type(password, 'verkeerd-wachtwoord');
    await user.click(screen.getByRole('button', { name: 'Inloggen en uitnodiging aannemen' }));
    await waitFor(() => expect(password).toHaveAccessibleDescription('Dit wachtwoord klopt niet.'));
    expect(password).toHaveFocus();
    expect(bodyOf('POST /api/v1/invitations/accept')).toEqual({
      token: 'geheim-123',
      password: 'verkeerd-wachtwoord',
    });
  });

  it('explains an expired or used link and what to do', async () => {
    routes['POST /api/v1/invitations/lookup'] = () =>
      problem('lookUpInvitation', 'link_expired', 'Deze link werkt niet meer: hij is verlopen of al gebruikt. Vraag een nieuwe link aan.');
    renderInvitation();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Deze uitnodiging werkt niet meer' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/De link is verlopen of al gebruikt/)).toBeInTheDocument();
    expect(screen.getByText(/Vraag de eigenaar van de werkruimte om je opnieuw uit te nodigen/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Naar de inlogpagina' })).toHaveAttribute('href', '/login');
  });

  it('goes to the expired page when the link stops working while filling in', async () => {
    const user = userEvent.setup();
    routes['POST /api/v1/invitations/lookup'] = () => answer('lookUpInvitation', 200, { ...details, account_exists: true });
    routes['POST /api/v1/invitations/accept'] = () =>
      problem('acceptInvitation', 'link_expired', 'Deze link werkt niet meer.');
    renderInvitation();
    await user.type(await screen.findByLabelText('Wachtwoord'), 'welkom-aan-tafel');
    await user.click(screen.getByRole('button', { name: 'Inloggen en uitnodiging aannemen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Deze uitnodiging werkt niet meer' })).toBeInTheDocument();
  });

  it('says the link is not complete when the secret is missing, without asking the server', () => {
    renderInvitation('');
    expect(screen.getByRole('heading', { level: 1, name: 'De link is niet compleet' })).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows the page in the language of the invitation when none was chosen here', async () => {
    routes['POST /api/v1/invitations/lookup'] = () => answer('lookUpInvitation', 200, { ...details, language: 'en' });
    renderInvitation();
    expect(await screen.findByRole('heading', { level: 1, name: 'Invitation to Wijkzorg Noord' })).toBeInTheDocument();
    expect(screen.getByText('Editor')).toBeInTheDocument();
    // Not remembered as the person's own choice.
    expect(window.localStorage.getItem('aantafel.language')).toBeNull();
  });

  it('keeps a language the person chose in this browser', async () => {
    window.localStorage.setItem('aantafel.language', 'nl');
    routes['POST /api/v1/invitations/lookup'] = () => answer('lookUpInvitation', 200, { ...details, language: 'en' });
    renderInvitation();
    expect(await screen.findByRole('heading', { level: 1, name: 'Uitnodiging voor Wijkzorg Noord' })).toBeInTheDocument();
  });

  it('offers "Aannemen met Microsoft 365" first when the server offers single sign-on', async () => {
    const user = userEvent.setup();
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => undefined);
    routes['GET /api/v1/sso'] = () => answer('getSingleSignOn', 200, { enabled: true, label: 'Microsoft 365' });
    routes['POST /api/v1/sso/start'] = () => answer('startSingleSignOn', 200, { redirect_url: 'https://login.example/authorize' });
    renderInvitation();
    const section = await screen.findByRole('region', { name: 'Aannemen met het account van je werk' });
    expect(section).toHaveTextContent('Gebruik je op je werk Microsoft 365?');
    expect(section).toHaveTextContent('Log in met het account van sanne@wijkzorg.example.');
    const button = screen.getByRole('button', { name: 'Aannemen met Microsoft 365' });
    expect(button).toHaveClass('utrecht-button--primary-action');
    // The password way stays, second.
    expect(screen.getByRole('heading', { level: 2, name: 'Of maak een account met een wachtwoord' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Account maken en uitnodiging aannemen' })).toHaveClass(
      'utrecht-button--secondary-action',
    );

    await user.click(button);
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://login.example/authorize'));
    expect(bodyOf('POST /api/v1/sso/start')).toEqual({ return_to: '/w/wijkzorg/', invitation: 'geheim-123' });
  });

  it('says "Of log in met je wachtwoord" for an existing account when single sign-on is offered', async () => {
    routes['GET /api/v1/sso'] = () => answer('getSingleSignOn', 200, { enabled: true, label: 'Microsoft 365' });
    routes['POST /api/v1/invitations/lookup'] = () =>
      answer('lookUpInvitation', 200, { ...details, account_exists: true, language: 'en' });
    renderInvitation();
    expect(await screen.findByRole('button', { name: 'Accept with Microsoft 365' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Or log in with your password' })).toBeInTheDocument();
  });
});
