import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import type { components } from '../../api/schema';
import { answer, problem } from '../../test/answer';
import { PUBLIC_URL_SET, renderWithProviders } from '../../test/render';
import { LoginPage } from '../auth/LoginPage';
import { ForgotPasswordPage } from './ForgotPasswordPage';
import { ResetPasswordPage } from './ResetPasswordPage';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockReset();
});
afterEach(() => vi.unstubAllGlobals());

const session = {
  user: { id: 1, email: 'demo@aantafel.example', name: 'Demo', language: 'nl' },
  workspaces: [{ slug: 'demo', name: 'Demo', kind: 'care_provider', role: 'owner' }],
  public_url: PUBLIC_URL_SET,
  mail: false,
  csrf_token: 'csrf',
} satisfies components['schemas']['Session'];

function lastBody() {
  return JSON.parse(fetchMock.mock.calls.at(-1)?.[1]?.body as string);
}

describe('LoginPage', () => {
  it('links to "Wachtwoord vergeten?"', async () => {
    renderWithProviders(<LoginPage />, { route: '/login', path: '/login' });
    expect(await screen.findByRole('link', { name: 'Wachtwoord vergeten?' })).toHaveAttribute('href', '/password/forgot');
  });
});

describe('ForgotPasswordPage', () => {
  function renderForgot() {
    return renderWithProviders(<ForgotPasswordPage />, { route: '/password/forgot', path: '/password/forgot' });
  }

  it('asks for the e-mail address first', async () => {
    const user = userEvent.setup();
    renderForgot();
    await user.click(screen.getByRole('button', { name: 'Stuur mij een link' }));
    const email = screen.getByLabelText('E-mailadres');
    expect(email).toHaveAccessibleDescription('Vul je e-mailadres in.');
    expect(email).toHaveFocus();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('says the same thing for every address, and how long the link works', async () => {
    const user = userEvent.setup();
    fetchMock.mockResolvedValue(answer('requestPasswordReset', 202, { mail: 'sent_if_known' }));
    renderForgot();
    await user.type(screen.getByLabelText('E-mailadres'), 'demo@aantafel.example');
    await user.click(screen.getByRole('button', { name: 'Stuur mij een link' }));
    expect(
      await screen.findByText(
        'Als er een account is met dit adres, hebben wij een e-mail gestuurd. De link werkt 60 minuten.',
      ),
    ).toBeInTheDocument();
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/password-reset');
    expect(lastBody()).toEqual({ email: 'demo@aantafel.example' });
    expect(screen.queryByRole('button', { name: 'Stuur mij een link' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Terug naar inloggen' })).toHaveAttribute('href', '/login');
  });

  it('says so when this server cannot send e-mail', async () => {
    const user = userEvent.setup();
    fetchMock.mockResolvedValue(answer('requestPasswordReset', 202, { mail: 'not_configured' }));
    renderForgot();
    await user.type(screen.getByLabelText('E-mailadres'), 'demo@aantafel.example');
    await user.click(screen.getByRole('button', { name: 'Stuur mij een link' }));
    expect(await screen.findByText(/Deze server kan geen e-mail versturen\. Vraag de beheerder/)).toBeInTheDocument();
  });

  it('shows the API field error at the field', async () => {
    const user = userEvent.setup();
    fetchMock.mockResolvedValue(
      problem('requestPasswordReset', 'invalid_input', 'Niet alle velden zijn goed ingevuld.', { email: 'Gebruik hoogstens 254 tekens.' }),
    );
    renderForgot();
    const email = screen.getByLabelText('E-mailadres');
    await user.type(email, 'x@y.z');
    await user.click(screen.getByRole('button', { name: 'Stuur mij een link' }));
    await waitFor(() => expect(email).toHaveAccessibleDescription('Gebruik hoogstens 254 tekens.'));
    expect(email).toHaveFocus();
  });
});

describe('ResetPasswordPage', () => {
  function renderReset(hash = '#reset-geheim') {
    return renderWithProviders(
      <Routes>
        <Route path="/password/reset" element={<ResetPasswordPage />} />
        <Route path="/" element={<p>home page</p>} />
      </Routes>,
      { route: `/password/reset${hash}` },
    );
  }

  it('sets a new password with the secret from the link and signs in', async () => {
    const user = userEvent.setup();
    fetchMock.mockResolvedValue(answer('completePasswordReset', 201, session));
    renderReset();
    expect(screen.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Nieuw wachtwoord'), 'nieuw-wachtwoord-2026');
    await user.type(screen.getByLabelText('Herhaal het nieuwe wachtwoord'), 'nieuw-wachtwoord-2026');
    await user.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    expect(await screen.findByText('home page')).toBeInTheDocument();
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/password-reset/complete');
    expect(lastBody()).toEqual({ token: 'reset-geheim', password: 'nieuw-wachtwoord-2026' });
  });

  it('checks the rule and the repeat before sending', async () => {
    const user = userEvent.setup();
    renderReset();
    const password = screen.getByLabelText('Nieuw wachtwoord');
    await user.type(password, 'kort');
    await user.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    expect(password).toHaveAccessibleDescription(/Gebruik minstens 10 tekens\. Nu zijn het er 4\./);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('explains an expired link and offers a new one', async () => {
    const user = userEvent.setup();
    fetchMock.mockResolvedValue(
      problem('completePasswordReset', 'link_expired', 'Deze link werkt niet meer.'),
    );
    renderReset();
    await user.type(screen.getByLabelText('Nieuw wachtwoord'), 'nieuw-wachtwoord-2026');
    await user.type(screen.getByLabelText('Herhaal het nieuwe wachtwoord'), 'nieuw-wachtwoord-2026');
    await user.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Deze link werkt niet meer' })).toBeInTheDocument();
    expect(screen.getByText(/werkt één keer, en 60 minuten lang/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Vraag een nieuwe link aan' })).toHaveAttribute('href', '/password/forgot');
  });

  it('says the link is not complete without a secret', () => {
    renderReset('');
    expect(screen.getByRole('heading', { level: 1, name: 'De link is niet compleet' })).toBeInTheDocument();
  });
});
