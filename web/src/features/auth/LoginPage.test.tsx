import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Session } from '../../api/types';
import { answer, problem } from '../../test/answer';
import { PUBLIC_URL_SET, renderWithProviders } from '../../test/render';
import { browser } from '../sso/api';
import { LoginPage } from './LoginPage';

type Handler = (init: RequestInit | undefined) => Response;
let routes: Record<string, Handler>;
const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
  const key = `${init?.method ?? 'GET'} ${String(input)}`;
  const handler = routes[key];
  if (!handler) throw new Error(`unexpected request ${key}`);
  return handler(init);
});

const NO_SSO = () => answer('getSingleSignOn', 200, { enabled: false, label: '' });
const MICROSOFT = () => answer('getSingleSignOn', 200, { enabled: true, label: 'Microsoft 365' });

const session: Session = {
  user: { id: 1, email: 'demo@aantafel.example', name: 'Demo', language: 'nl' },
  workspaces: [{ slug: 'demo', name: 'Demo', kind: 'care_provider', role: 'owner' }],
  public_url: PUBLIC_URL_SET,
  mail: false,
  csrf_token: 'abc',
};

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockClear();
  routes = { 'GET /api/v1/sso': NO_SSO };
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function renderLogin(route = '/login', options: Parameters<typeof renderWithProviders>[1] = {}) {
  return renderWithProviders(<LoginPage />, { route, path: '/login', ...options });
}

function calls(key: string) {
  return fetchMock.mock.calls.filter(([url, init]) => `${init?.method ?? 'GET'} ${String(url)}` === key);
}

describe('LoginPage', () => {
  it('asks for both fields before sending anything', async () => {
    const user = userEvent.setup();
    renderLogin();
    await user.click(await screen.findByRole('button', { name: 'Inloggen' }));
    const email = screen.getByLabelText('E-mailadres');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Vul je e-mailadres in.');
    expect(screen.getByLabelText('Wachtwoord')).toHaveAccessibleDescription('Vul je wachtwoord in.');
    expect(email).toHaveFocus();
    expect(calls('POST /api/v1/session')).toHaveLength(0);
  });

  it('shows field errors from the API next to the field', async () => {
    const user = userEvent.setup();
    routes['POST /api/v1/session'] = () =>
      problem('logIn', 'invalid_input', 'Controleer de velden.', { email: 'Dit is geen geldig e-mailadres.' });
    renderLogin();
    await user.type(await screen.findByLabelText('E-mailadres'), 'niet-een-adres');
    await user.type(screen.getByLabelText('Wachtwoord'), 'geheim-wachtwoord');
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));

    const email = await screen.findByLabelText('E-mailadres');
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('Dit is geen geldig e-mailadres.');
    expect(screen.getByLabelText('Wachtwoord')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(email).toHaveFocus();
  });

  it('shows a wrong login in an alert, with the API message', async () => {
    const user = userEvent.setup();
    routes['POST /api/v1/session'] = () =>
      problem('logIn', 'invalid_credentials', 'E-mailadres of wachtwoord klopt niet.');
    renderLogin();
    await user.type(await screen.findByLabelText('E-mailadres'), 'demo@aantafel.example');
    await user.type(screen.getByLabelText('Wachtwoord'), 'fout-wachtwoord');
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('E-mailadres of wachtwoord klopt niet.');
    const [[, init]] = calls('POST /api/v1/session') as [[unknown, RequestInit]];
    expect(JSON.parse(init.body as string)).toEqual({
      email: 'demo@aantafel.example',
      password: 'fout-wachtwoord',
    });
  });

  it('goes to the first workspace after logging in', async () => {
    const user = userEvent.setup();
    routes['POST /api/v1/session'] = () => answer('logIn', 201, session);
    renderLogin();
    await user.type(await screen.findByLabelText('E-mailadres'), 'demo@aantafel.example');
    await user.type(screen.getByLabelText('Wachtwoord'), 'welkom-aan-tafel');
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(await screen.findByText('workspace page')).toBeInTheDocument();
  });

  it('is in English when English is chosen', async () => {
    renderLogin('/login', { language: 'en' });
    expect(screen.getByRole('heading', { level: 1, name: 'Log in' })).toBeInTheDocument();
    expect(await screen.findByLabelText('Email address')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows only the password form when the server offers no single sign-on', async () => {
    renderLogin();
    await screen.findByLabelText('E-mailadres');
    expect(screen.queryByRole('button', { name: /Inloggen met/ })).toBeNull();
    expect(screen.getByText('Log in met het e-mailadres en wachtwoord van je account.')).toBeInTheDocument();
  });

  it('keeps the password form when asking about single sign-on fails', async () => {
    routes['GET /api/v1/sso'] = () => problem('getSingleSignOn', 'internal', 'Kapot.');
    renderLogin();
    expect(await screen.findByLabelText('E-mailadres')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Inloggen met/ })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('LoginPage with single sign-on', () => {
  beforeEach(() => {
    routes['GET /api/v1/sso'] = MICROSOFT;
  });

  it('offers "Inloggen met Microsoft 365" first, with the password form below it', async () => {
    renderLogin();
    const sso = await screen.findByRole('button', { name: 'Inloggen met Microsoft 365' });
    expect(sso).toHaveClass('utrecht-button--primary-action');
    const password = screen.getByRole('button', { name: 'Inloggen' });
    expect(password).toHaveClass('utrecht-button--secondary-action');
    // The button comes before the form in reading order.
    expect(sso.compareDocumentPosition(password) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Of log in met e-mailadres en wachtwoord' })).toBeInTheDocument();
    expect(screen.getByRole('form', { name: 'Of log in met e-mailadres en wachtwoord' })).toBeInTheDocument();
  });

  it('starts single sign-on and sends the browser to the provider, back to the page asked for', async () => {
    const user = userEvent.setup();
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => undefined);
    routes['POST /api/v1/sso/start'] = () =>
      answer('startSingleSignOn', 200, { redirect_url: 'https://login.example/authorize?client_id=aantafel' });
    renderLogin('/login', { state: { from: '/w/demo/people?q=zeist' } });
    await user.click(await screen.findByRole('button', { name: 'Inloggen met Microsoft 365' }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://login.example/authorize?client_id=aantafel'));
    const [[, init]] = calls('POST /api/v1/sso/start') as [[unknown, RequestInit]];
    expect(JSON.parse(init.body as string)).toEqual({ return_to: '/w/demo/people?q=zeist' });
    expect(screen.getByRole('button', { name: 'Je gaat naar Microsoft 365…' })).toBeInTheDocument();
  });

  it('shows the problem when the provider cannot be reached, and the button works again', async () => {
    const user = userEvent.setup();
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => undefined);
    routes['POST /api/v1/sso/start'] = () =>
      problem('startSingleSignOn', 'unavailable', 'De dienst is even niet beschikbaar.');
    renderLogin();
    await user.click(await screen.findByRole('button', { name: 'Inloggen met Microsoft 365' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('De dienst is even niet beschikbaar.');
    expect(screen.getByRole('button', { name: 'Inloggen met Microsoft 365' })).toBeEnabled();
    expect(assign).not.toHaveBeenCalled();
  });

  it.each([
    [
      'domain_not_allowed',
      'Je organisatie-account hoort niet bij een organisatie die deze aantafel gebruikt.',
      'Vraag een eigenaar om een uitnodiging.',
      null,
    ],
    ['invitation_other_address', 'ander account dan het e-mailadres van de uitnodiging', 'Open de link', null],
    ['link_expired', 'De uitnodiging werkt niet meer', 'opnieuw uit te nodigen', null],
    ['wrong_state', 'Het inloggen is onderbroken, of het duurde te lang.', 'Probeer het opnieuw', null],
    ['no_login_in_progress', 'onderbroken', 'Probeer het opnieuw', null],
    ['login_took_too_long', 'onderbroken', 'Probeer het opnieuw', null],
    ['mfa_required', 'extra controle', 'doe de extra controle', null],
    ['email_not_verified', 'niet de gegevens', 'Vraag je ICT-beheerder', 'email_not_verified'],
    ['no_email', 'niet de gegevens', 'Vraag je ICT-beheerder', 'no_email'],
    ['groups_overage', 'niet de gegevens', 'Vraag je ICT-beheerder', 'groups_overage'],
    ['provider_unavailable', 'Microsoft 365 is nu niet bereikbaar.', 'over een paar minuten', null],
    ['provider_error', 'heeft het inloggen niet toegestaan', 'Vraag dan je ICT-beheerder', 'provider_error'],
    ['token_refused', 'niet goed controleren', 'ICT-beheerder', 'token_refused'],
    ['signature', 'niet goed controleren', 'ICT-beheerder', 'signature'],
    ['wrong_issuer', 'niet goed controleren', 'ICT-beheerder', 'wrong_issuer'],
    ['wrong_audience', 'niet goed controleren', 'ICT-beheerder', 'wrong_audience'],
    ['wrong_nonce', 'niet goed controleren', 'ICT-beheerder', 'wrong_nonce'],
    ['token_expired', 'niet goed controleren', 'ICT-beheerder', 'token_expired'],
    ['token_not_yet_valid', 'niet goed controleren', 'ICT-beheerder', 'token_not_yet_valid'],
    ['no_subject', 'niet goed controleren', 'ICT-beheerder', 'no_subject'],
    ['refused', 'niet goed controleren', 'ICT-beheerder', 'refused'],
  ])('explains sso_error=%s in an error summary that takes focus', async (reason, what, todo, code) => {
    renderLogin(`/login?sso_error=${reason}`);
    const summary = await screen.findByRole('region', { name: /niet gelukt|did not succeed/ });
    expect(within(summary).getByRole('heading', { name: 'Inloggen met Microsoft 365 is niet gelukt' })).toBeInTheDocument();
    expect(summary).toHaveTextContent(what);
    expect(summary).toHaveTextContent(todo);
    if (code) expect(summary).toHaveTextContent(`Code voor de ICT-beheerder: ${code}`);
    else expect(summary).not.toHaveTextContent('Code voor de ICT-beheerder');
    await waitFor(() => expect(summary).toHaveFocus());
    // The way to try again is right there.
    expect(await screen.findByRole('button', { name: 'Inloggen met Microsoft 365' })).toBeInTheDocument();
  });

  it('never repeats unknown text from the address', async () => {
    renderLogin('/login?sso_error=%3Cb%3EBel%200900-1234%20voor%20hulp%3C%2Fb%3E');
    const summary = await screen.findByRole('region', { name: /niet gelukt|did not succeed/ });
    expect(summary).toHaveTextContent('niet goed controleren');
    expect(summary).toHaveTextContent('Code voor de ICT-beheerder: refused');
    expect(document.body).not.toHaveTextContent('0900');
  });

  it('explains in English too', async () => {
    renderLogin('/login?sso_error=domain_not_allowed', { language: 'en' });
    const summary = await screen.findByRole('region', { name: /niet gelukt|did not succeed/ });
    expect(summary).toHaveTextContent('Logging in with Microsoft 365 did not succeed');
    expect(summary).toHaveTextContent('Your organisation account does not belong to an organisation that uses this aantafel.');
    expect(await screen.findByRole('button', { name: 'Log in with Microsoft 365' })).toBeInTheDocument();
  });

  it('says a refused single sign-on left the password session as it was', async () => {
    renderLogin('/login?sso_error=domain_not_allowed', { session: { status: 'authenticated', session } });
    expect(await screen.findByRole('alert')).toHaveTextContent('hoort niet bij een organisatie');
    // Focus moves to the summary after it is drawn (as in the test above): wait for it.
    const summary = screen.getByRole('region', { name: 'Inloggen met Microsoft 365 is niet gelukt' });
    await waitFor(() => expect(summary).toHaveFocus());
    expect(screen.getByText('Je bent nog ingelogd zoals eerst.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Verder naar aantafel' })).toHaveAttribute('href', '/w/demo/');
  });
});
