import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import type { Session, Workspace } from '../../api/types';
import { PageHeading } from '../../components/PageHeading';
import { answer, unroutedRequest } from '../../test/answer';
import { emptyOverviewFixture } from '../../test/fixtures';
import { PUBLIC_URL_SET, renderWithProviders } from '../../test/render';
import { MainNav } from './MainNav';
import { MenuButton } from './MenuButton';
import { useNavDrawer } from './useNavDrawer';
import { WorkspaceLayout } from './WorkspaceLayout';

const session: Session = {
  user: { id: 1, email: 'demo@aantafel.example', name: 'Demo Gebruiker', language: 'nl' },
  workspaces: [{ slug: 'demo', name: 'Demo Zorg', kind: 'care_provider', role: 'owner' }],
  public_url: PUBLIC_URL_SET,
  mail: false,
  csrf_token: 'csrf',
};

/** The header's menu button and the main menu as the shell wires them, with a page under it. */
function Shell() {
  const drawer = useNavDrawer();
  const { pathname } = useLocation();
  return (
    <>
      <a href="#main-content">Naar de inhoud</a>
      <MenuButton open={drawer.open} controls={drawer.navId} onClick={drawer.toggle} buttonRef={drawer.buttonRef} />
      <button type="button">Iets anders in de kop</button>
      <MainNav slug="demo" id={drawer.navId} open={drawer.open} navRef={drawer.navRef} onClick={drawer.onNavClick} />
      <main id="main-content" tabIndex={-1}>
        <PageHeading title={`Pagina ${pathname}`} />
        <button type="button">Knop op de pagina</button>
      </main>
    </>
  );
}

function renderShell(route = '/w/demo/') {
  return renderWithProviders(<Shell />, {
    route,
    path: '/w/:slug/*',
    session: { status: 'authenticated', session },
  });
}

const menuButton = () => screen.getByRole('button', { name: 'Menu' });
const nav = () => screen.getByRole('navigation', { name: 'Hoofdmenu' });

describe('the menu button of a narrow screen', () => {
  it('controls the main menu and says whether it is open', async () => {
    const user = userEvent.setup();
    renderShell();
    const button = menuButton();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveAttribute('aria-controls', nav().id);
    expect(nav()).not.toHaveClass('aantafel-nav--open');
    // The icon is decoration; the name is the word.
    expect(button.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');

    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(nav()).toHaveClass('aantafel-nav--open');
    expect(menuButton()).toBe(button);

    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(nav()).not.toHaveClass('aantafel-nav--open');
  });

  it('opens with the keyboard, moves focus into the menu and keeps it there', async () => {
    const user = userEvent.setup();
    renderShell();
    const links = within(nav()).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      'Overzicht',
      'Wie is wie',
      'Beleidskalender',
      'Raad',
      'Strategiewijzer',
      'Contacten en afspraken',
      'Cliëntfeedback',
      'Bekostiging',
      'Samenwerkingsscan',
      'Sociale kaart',
      'Instellingen werkruimte',
    ]);
    const first = links[0]!;
    const last = links[links.length - 1]!;

    await user.tab(); // skip link
    await user.tab();
    expect(menuButton()).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(menuButton()).toHaveAttribute('aria-expanded', 'true');
    expect(first).toHaveFocus();

    // Tab goes through the links in order…
    await user.tab();
    expect(links[1]).toHaveFocus();
    // …from the last link back to the button, and on to the first link: never to the page.
    last.focus();
    await user.tab();
    expect(menuButton()).toHaveFocus();
    await user.tab();
    expect(first).toHaveFocus();
    // Shift+Tab the other way round.
    await user.tab({ shift: true });
    expect(menuButton()).toHaveFocus();
    await user.tab({ shift: true });
    expect(last).toHaveFocus();
    for (let i = 0; i < 25; i += 1) {
      await user.tab();
      expect([menuButton(), ...links]).toContain(document.activeElement);
    }
    expect(menuButton()).toHaveAttribute('aria-expanded', 'true');
  });

  it('closes with Escape and returns focus to the button', async () => {
    const user = userEvent.setup();
    renderShell();
    await user.click(menuButton());
    await user.tab();
    expect(within(nav()).getByRole('link', { name: 'Wie is wie' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(menuButton()).toHaveAttribute('aria-expanded', 'false');
    expect(nav()).not.toHaveClass('aantafel-nav--open');
    expect(menuButton()).toHaveFocus();
    // Closed, Tab leaves the header as usual.
    await user.tab();
    expect(screen.getByRole('button', { name: 'Iets anders in de kop' })).toHaveFocus();
  });

  it('closes when a link is chosen, and focus goes to the page', async () => {
    const user = userEvent.setup();
    renderShell();
    await user.click(menuButton());
    await user.click(within(nav()).getByRole('link', { name: 'Cliëntfeedback' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Pagina /w/demo/feedback' })).toBeInTheDocument();
    expect(menuButton()).toHaveAttribute('aria-expanded', 'false');
    expect(nav()).not.toHaveClass('aantafel-nav--open');
    expect(within(nav()).getByRole('link', { name: 'Cliëntfeedback' })).toHaveAttribute('aria-current', 'page');

    // The link to the page already shown closes the menu too, and focus goes to the page's heading.
    await user.click(menuButton());
    await user.keyboard('{Shift>}{Tab}{/Shift}'); // to the button
    await user.keyboard('{Shift>}{Tab}{/Shift}'); // to the last link
    await user.keyboard('{Shift>}{Tab}{/Shift}'.repeat(4)); // to Cliëntfeedback
    expect(within(nav()).getByRole('link', { name: 'Cliëntfeedback' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(menuButton()).toHaveAttribute('aria-expanded', 'false');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveFocus());
  });

  it('closes on a click outside the menu', async () => {
    const user = userEvent.setup();
    renderShell();
    await user.click(menuButton());
    expect(menuButton()).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('button', { name: 'Knop op de pagina' }));
    expect(menuButton()).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes when the window becomes wide enough for the menu beside the page', async () => {
    const listeners: Array<() => void> = [];
    const query = { matches: true, addEventListener: (_: string, l: () => void) => listeners.push(l), removeEventListener: vi.fn() };
    vi.stubGlobal('matchMedia', vi.fn(() => query));
    const user = userEvent.setup();
    renderShell();
    await user.click(menuButton());
    expect(window.matchMedia).toHaveBeenCalledWith('(max-width: 47.99em)');
    query.matches = false;
    act(() => listeners.forEach((l) => l()));
    expect(menuButton()).toHaveAttribute('aria-expanded', 'false');
    vi.unstubAllGlobals();
  });

  it('speaks English in English', async () => {
    renderWithProviders(<Shell />, {
      route: '/w/demo/',
      path: '/w/:slug/*',
      language: 'en',
      session: { status: 'authenticated', session },
    });
    expect(screen.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-controls', 'main-nav');
    expect(screen.getByRole('navigation', { name: 'Main menu' })).toHaveAttribute('id', 'main-nav');
  });
});

describe('the workspace shell with the menu button', () => {
  const workspace: Workspace = { slug: 'demo', name: 'Demo Zorg', kind: 'care_provider', role: 'owner' };
  const fetchMock = vi.fn<typeof fetch>(async (input) => {
    const url = String(input);
    if (url === '/api/v1/workspaces/demo') return answer('getWorkspace', 200, workspace);
    if (url === '/api/v1/workspaces/demo/overview') return answer('getOverview', 200, emptyOverviewFixture());
    return unroutedRequest('Niet gevonden.');
  });
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('puts the button in the header, right after the brand, and makes the page inert while the menu is open', async () => {
    const user = userEvent.setup();
    renderWithProviders(<WorkspaceLayout />, {
      route: '/w/demo/',
      path: '/w/:slug/*',
      session: { status: 'authenticated', session },
    });
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/v1/workspaces/demo', expect.anything()));
    const header = screen.getByRole('banner');
    const button = within(header).getByRole('button', { name: 'Menu' });
    expect(within(header).getAllByRole('link')[0]).toHaveClass('aantafel-brand');
    expect(button.previousElementSibling).toHaveClass('aantafel-brand');
    const main = screen.getByRole('main');
    expect(main).not.toHaveAttribute('inert');

    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(document.getElementById(button.getAttribute('aria-controls')!)).toBe(
      screen.getByRole('navigation', { name: 'Hoofdmenu' }),
    );
    expect(within(screen.getByRole('navigation', { name: 'Hoofdmenu' })).getByRole('link', { name: 'Overzicht' })).toHaveFocus();
    expect(main).toHaveAttribute('inert');
    expect(screen.getByRole('contentinfo')).toHaveAttribute('inert');

    await user.keyboard('{Escape}');
    expect(button).toHaveFocus();
    expect(main).not.toHaveAttribute('inert');
    expect(screen.getByRole('contentinfo')).not.toHaveAttribute('inert');
  });
});
