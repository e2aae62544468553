import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { components } from '../../api/schema';
import type { Session } from '../../api/types';
import { mockFetch, type Handler } from '../whoiswho/testing';
import { answer, problem, noContent } from '../../test/answer';
import { PUBLIC_URL_SET, renderWithProviders } from '../../test/render';
import { AccountPage } from './AccountPage';

const me = { id: 1, email: 'demo@aantafel.example', name: 'Demo Gebruiker', language: 'nl' as const };
const session: Session = {
  user: me,
  workspaces: [
    { slug: 'demo', name: 'Demo Zorg', kind: 'care_provider', role: 'owner' },
    { slug: 'leesclub', name: 'Leesclub', kind: 'other', role: 'viewer' },
  ],
  public_url: PUBLIC_URL_SET,
  mail: false,
  csrf_token: 'csrf',
};

type SessionInfo = components['schemas']['SessionInfo'];
type NotificationSettings = components['schemas']['NotificationSettings'];

const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

const here = {
  id: '0123456789abcdef',
  created_at: '2026-11-23T09:00:00Z',
  expires_at: '2026-12-07T09:00:00Z',
  user_agent: CHROME_WINDOWS,
  address: '192.0.2.10',
  current: true,
  sso: true,
} satisfies SessionInfo;
const phone = {
  id: 'fedcba9876543210',
  created_at: '2026-11-20T07:30:00Z',
  expires_at: '2026-12-04T07:30:00Z',
  user_agent: SAFARI_IPHONE,
  address: '198.51.100.7',
  current: false,
  sso: false,
} satisfies SessionInfo;

let routes: Record<string, Handler>;
let fetchMock: ReturnType<typeof mockFetch>;

beforeEach(() => {
  routes = {
    // Newest first, as the server lists them; the page puts this device first.
    'GET /api/v1/account/sessions': () => answer('listOwnSessions', 200, { items: [phone, here] }),
    'GET /api/v1/workspaces/demo/notification-settings': () => answer('getNotificationSettings', 200, { digest: 'weekly' }),
    'GET /api/v1/workspaces/leesclub/notification-settings': () => answer('getNotificationSettings', 200, { digest: 'none' }),
    'GET /api/v1/account/sign-ins': () => answer('listOwnSignIns', 200, { items: [] }),
  };
  fetchMock = mockFetch(routes);
});
afterEach(() => vi.unstubAllGlobals());

function renderAccount(state?: unknown) {
  return renderWithProviders(<AccountPage />, {
    route: '/account',
    path: '/account',
    session: { status: 'authenticated', session },
    state,
  });
}

function bodyOf(key: string) {
  const call = [...fetchMock.mock.calls].reverse().find(([url, init]) => `${init?.method} ${String(url)}` === key);
  return call ? JSON.parse(call[1]?.body as string) : undefined;
}

describe('AccountPage', () => {
  it('shows name, e-mail and language, and saves them', async () => {
    const user = userEvent.setup();
    routes['PATCH /api/v1/account'] = () => answer('updateAccount', 200, { ...me, name: 'Demo de Boer', language: 'en' });
    renderAccount();
    expect(screen.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Terug naar Demo Zorg' })).toHaveAttribute('href', '/w/demo/');
    const name = screen.getByLabelText('Naam');
    expect(name).toHaveValue('Demo Gebruiker');
    const profile = screen.getByRole('region', { name: 'Jouw gegevens' });
    expect(within(profile).getByText('demo@aantafel.example')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Nederlands' })).toBeChecked();

    await user.clear(name);
    await user.click(screen.getByRole('button', { name: 'Gegevens opslaan' }));
    expect(name).toHaveAccessibleDescription(/Vul je naam in\./);
    expect(name).toHaveFocus();

    await user.type(name, 'Demo de Boer');
    await user.click(screen.getByRole('radio', { name: 'English' }));
    await user.click(screen.getByRole('button', { name: 'Gegevens opslaan' }));
    // Saved in English: the app switched to the account's language (and remembers it here).
    expect(await screen.findByText('Your details have been saved.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'My account' })).toBeInTheDocument();
    expect(bodyOf('PATCH /api/v1/account')).toEqual({ name: 'Demo de Boer', language: 'en' });
    expect(window.localStorage.getItem('aantafel.language')).toBe('en');
    const [, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'PATCH') ?? [];
    expect((init?.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf');
  });

  it('changes the password, with the wrong current password shown at its field', async () => {
    const user = userEvent.setup();
    let attempts = 0;
    routes['POST /api/v1/account/password'] = () => {
      attempts += 1;
      if (attempts === 1) {
        return problem('changePassword', 'invalid_input', 'Niet alle velden zijn goed ingevuld.', { current_password: 'Dit wachtwoord klopt niet.' });
      }
      routes['GET /api/v1/account/sessions'] = () => answer('listOwnSessions', 200, { items: [here] });
      return noContent('changePassword');
    };
    renderAccount();
    const section = screen.getByRole('region', { name: 'Wachtwoord wijzigen' });
    expect(
      within(section).getByText('Na het wijzigen ben je op alle andere apparaten uitgelogd. Op dit apparaat blijf je ingelogd.'),
    ).toBeInTheDocument();
    const current = within(section).getByLabelText('Huidig wachtwoord');
    await user.type(current, 'fout-wachtwoord');
    await user.type(within(section).getByLabelText('Nieuw wachtwoord'), 'nieuw-wachtwoord-2026');
    await user.type(within(section).getByLabelText('Herhaal het nieuwe wachtwoord'), 'nieuw-wachtwoord-2026');
    await user.click(within(section).getByRole('button', { name: 'Wachtwoord wijzigen' }));
    await waitFor(() => expect(current).toHaveAccessibleDescription('Dit wachtwoord klopt niet.'));
    expect(current).toHaveFocus();

    await user.clear(current);
    await user.type(current, 'welkom-aan-tafel');
    await user.click(within(section).getByRole('button', { name: 'Wachtwoord wijzigen' }));
    expect(
      await screen.findByText('Je wachtwoord is gewijzigd. Op andere apparaten ben je nu uitgelogd.'),
    ).toBeInTheDocument();
    expect(bodyOf('POST /api/v1/account/password')).toEqual({
      current_password: 'welkom-aan-tafel',
      new_password: 'nieuw-wachtwoord-2026',
    });
    expect(current).toHaveValue('');
    // The list of devices shows that the phone is signed out.
    expect(await screen.findByText('Je bent alleen op dit apparaat ingelogd.')).toBeInTheDocument();
  });

  it('lists the devices in words, marks this one, and signs out another', async () => {
    const user = userEvent.setup();
    routes['DELETE /api/v1/account/sessions/fedcba9876543210'] = () => {
      routes['GET /api/v1/account/sessions'] = () => answer('listOwnSessions', 200, { items: [here] });
      return noContent('endOwnSession');
    };
    renderAccount();
    const list = await screen.findByRole('list', { name: 'Apparaten waarop je bent ingelogd' });
    const [first, second] = within(list).getAllByRole('listitem');
    expect(first).toHaveTextContent('Chrome op Windows, via single sign-on');
    // Signed in with single sign-on: how to get a password, if wanted.
    expect(
      within(screen.getByRole('region', { name: 'Wachtwoord wijzigen' })).getByText(/Je bent nu ingelogd met single sign-on/),
    ).toBeInTheDocument();
    expect(first).toHaveTextContent('dit apparaat');
    expect(first).toHaveTextContent('192.0.2.10');
    expect(within(first!).queryByRole('button')).toBeNull();
    expect(second).toHaveTextContent('Safari op iPhone');
    expect(second).not.toHaveTextContent('single sign-on');
    expect(second).toHaveTextContent('20 nov 2026, 08:30');

    await user.click(
      within(second!).getByRole('button', { name: 'Uitloggen op Safari op iPhone, ingelogd sinds 20 nov 2026, 08:30' }),
    );
    expect(await screen.findByText('Je bent uitgelogd op Safari op iPhone.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Waar je bent ingelogd' })).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Overal anders uitloggen' })).toBeNull();
  });

  it('signs out everywhere else', async () => {
    const user = userEvent.setup();
    routes['POST /api/v1/account/sessions/end-others'] = () => {
      routes['GET /api/v1/account/sessions'] = () => answer('listOwnSessions', 200, { items: [here] });
      return answer('endOtherSessions', 200, { ended: 1 });
    };
    renderAccount();
    await user.click(await screen.findByRole('button', { name: 'Overal anders uitloggen' }));
    expect(await screen.findByText('Je bent op 1 ander apparaat uitgelogd.')).toBeInTheDocument();
  });

  it('chooses the e-mail digest per workspace', async () => {
    const user = userEvent.setup();
    routes['PUT /api/v1/workspaces/leesclub/notification-settings'] = (_url, init) => {
      const body: NotificationSettings = JSON.parse(init?.body as string);
      routes['GET /api/v1/workspaces/leesclub/notification-settings'] = () => answer('getNotificationSettings', 200, body);
      return answer('setNotificationSettings', 200, body);
    };
    renderAccount();
    expect(await screen.findByRole('combobox', { name: 'Hoe vaak voor Demo Zorg?' })).toHaveValue('weekly');
    const leesclub = await screen.findByRole('combobox', { name: 'Hoe vaak voor Leesclub?' });
    await waitFor(() => expect(leesclub).toHaveValue('none'));
    await user.selectOptions(leesclub, 'daily');
    await user.click(screen.getByRole('button', { name: 'Opslaan voor Leesclub' }));
    expect(await screen.findByText('Opgeslagen. Leesclub: Elke dag.')).toBeInTheDocument();
    expect(bodyOf('PUT /api/v1/workspaces/leesclub/notification-settings')).toEqual({ digest: 'daily' });
  });

  it('lists recent sign-ins in words, marks refused attempts and shows all on request', async () => {
    const user = userEvent.setup();
    const older = Array.from({ length: 10 }, (_, i) => ({
      at: `2026-11-${19 - i}T08:00:00Z`,
      outcome: 'signed_in' as const,
      address: '192.0.2.10',
      user_agent: CHROME_WINDOWS,
    }));
    routes['GET /api/v1/account/sign-ins'] = () =>
      answer('listOwnSignIns', 200, {
        items: [
          { at: '2026-11-23T09:00:00Z', outcome: 'single_sign_on', address: '192.0.2.10', user_agent: CHROME_WINDOWS },
          { at: '2026-11-22T21:15:00Z', outcome: 'wrong_password', address: '203.0.113.9', user_agent: 'curl/8.5.0' },
          { at: '2026-11-22T21:16:00Z', outcome: 'rate_limited', address: '', user_agent: '' },
          ...older,
        ],
      });
    renderAccount();
    const section = screen.getByRole('region', { name: 'Recente aanmeldingen' });
    const list = await within(section).findByRole('list', { name: 'Recente aanmeldingen' });
    let items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(10);
    const [sso, wrong, limited] = items;
    expect(sso).toHaveTextContent('Ingelogd met single sign-on');
    expect(sso).toHaveTextContent('23 nov 2026, 10:00');
    expect(sso).toHaveTextContent('Chrome op Windows');
    expect(sso).toHaveTextContent('192.0.2.10');
    expect(sso).not.toHaveTextContent('Herken je dit niet?');
    expect(sso).not.toHaveClass('aantafel-cards__item--refused');
    // Refused: said in words (a badge and a hint), not only by the red edge.
    expect(wrong).toHaveTextContent('Verkeerd wachtwoord niet gelukt');
    expect(wrong).toHaveTextContent('22 nov 2026, 22:15');
    expect(wrong).toHaveTextContent('curl');
    expect(wrong).toHaveTextContent('203.0.113.9');
    expect(wrong).toHaveTextContent('Herken je dit niet? Verander dan je wachtwoord.');
    expect(wrong).toHaveClass('aantafel-cards__item--refused');
    expect(limited).toHaveTextContent('Geweigerd: te veel pogingen niet gelukt');
    expect(limited).toHaveTextContent('Onbekende browser');
    expect(limited).toHaveTextContent('Internetadresonbekend');
    expect(limited).toHaveTextContent('Herken je dit niet?');
    expect(items[3]).toHaveTextContent(/^Ingelogd/);

    const toggle = within(section).getByRole('button', { name: 'Toon alle 13' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(13);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveAccessibleName('Toon alleen de laatste 10');
    await user.click(toggle);
    expect(within(list).getAllByRole('listitem')).toHaveLength(10);
  });

  it('says so when no sign-ins are known, without a toggle', async () => {
    renderAccount();
    const section = screen.getByRole('region', { name: 'Recente aanmeldingen' });
    expect(await within(section).findByText('Er zijn nog geen aanmeldingen bekend.')).toBeInTheDocument();
    expect(within(section).queryByRole('button')).toBeNull();
  });

  it('links back to the workspace the person came from', () => {
    renderAccount({ from: '/w/leesclub/settings' });
    expect(screen.getByRole('link', { name: 'Terug naar Leesclub' })).toHaveAttribute('href', '/w/leesclub/settings');
  });
});
