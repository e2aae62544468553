import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Session } from '../../api/types';
import { PUBLIC_URL_SET, renderWithProviders } from '../../test/render';
import { UserMenu } from './UserMenu';

const session: Session = {
  user: { id: 1, email: 'demo@aantafel.example', name: 'Demo Gebruiker', language: 'nl' },
  workspaces: [{ slug: 'demo', name: 'Demo Zorg', kind: 'care_provider', role: 'viewer' }],
  public_url: PUBLIC_URL_SET,
  mail: false,
  csrf_token: 'csrf',
};

describe('UserMenu', () => {
  it('leads everyone to their own account, and to the settings inside a workspace', async () => {
    const user = userEvent.setup();
    renderWithProviders(<UserMenu slug="demo" />, {
      route: '/w/demo/settings',
      path: '/w/:slug/settings',
      session: { status: 'authenticated', session },
    });
    await user.click(screen.getByRole('button', { name: /Gebruikersmenu/ }));
    expect(screen.getByRole('link', { name: 'Mijn account' })).toHaveAttribute('href', '/account');
    expect(screen.getByRole('link', { name: 'Instellingen werkruimte' })).toHaveAttribute('href', '/w/demo/settings');
  });

  it('has no workspace settings outside a workspace', async () => {
    const user = userEvent.setup();
    renderWithProviders(<UserMenu />, { route: '/account', session: { status: 'authenticated', session } });
    await user.click(screen.getByRole('button', { name: /Gebruikersmenu/ }));
    expect(screen.getByRole('link', { name: 'Mijn account' })).toHaveAttribute('aria-current', 'page');
    expect(screen.queryByRole('link', { name: 'Instellingen werkruimte' })).toBeNull();
  });
});
