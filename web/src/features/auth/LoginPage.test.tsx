import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { LoginPage } from './LoginPage';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockReset();
});
afterEach(() => vi.unstubAllGlobals());

function renderLogin() {
  return renderWithProviders(<LoginPage />, { route: '/login', path: '/login' });
}

describe('LoginPage', () => {
  it('asks for both fields before sending anything', async () => {
    const user = userEvent.setup();
    renderLogin();
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));
    const email = screen.getByLabelText('E-mailadres');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Vul je e-mailadres in.');
    expect(screen.getByLabelText('Wachtwoord')).toHaveAccessibleDescription(
      'Vul je wachtwoord in.',
    );
    expect(email).toHaveFocus();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows field errors from the API next to the field', async () => {
    const user = userEvent.setup();
    fetchMock.mockResolvedValue(
      jsonResponse(422, {
        error: {
          code: 'invalid_input',
          message: 'Controleer de velden.',
          fields: { email: 'Dit is geen geldig e-mailadres.' },
        },
      }),
    );
    renderLogin();
    await user.type(screen.getByLabelText('E-mailadres'), 'niet-een-adres');
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
    fetchMock.mockResolvedValue(
      jsonResponse(401, {
        error: { code: 'invalid_credentials', message: 'E-mailadres of wachtwoord klopt niet.' },
      }),
    );
    renderLogin();
    await user.type(screen.getByLabelText('E-mailadres'), 'demo@aantafel.example');
    await user.type(screen.getByLabelText('Wachtwoord'), 'fout-wachtwoord');
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'E-mailadres of wachtwoord klopt niet.',
    );
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/session');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(init?.body as string)).toEqual({
      email: 'demo@aantafel.example',
      password: 'fout-wachtwoord',
    });
  });

  it('goes to the first workspace after logging in', async () => {
    const user = userEvent.setup();
    fetchMock.mockResolvedValue(
      jsonResponse(201, {
        user: { id: 1, email: 'demo@aantafel.example', name: 'Demo' },
        workspaces: [{ slug: 'demo', name: 'Demo', kind: 'care_provider', role: 'owner' }],
        public_url: { url: 'http://127.0.0.1:8080', local_only: true },
        csrf_token: 'abc',
      }),
    );
    renderLogin();
    await user.type(screen.getByLabelText('E-mailadres'), 'demo@aantafel.example');
    await user.type(screen.getByLabelText('Wachtwoord'), 'welkom-aan-tafel');
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(await screen.findByText('workspace page')).toBeInTheDocument();
  });

  it('is in English when English is chosen', () => {
    renderWithProviders(<LoginPage />, { route: '/login', path: '/login', language: 'en' });
    expect(screen.getByRole('heading', { level: 1, name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByLabelText('Email address')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });
});
