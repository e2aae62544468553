import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role, Session } from '../../api/types';
import en from '../../i18n/en.json';
import { registerLanguage, type Language } from '../../i18n/i18n';
import { PUBLIC_URL_LOCAL, PUBLIC_URL_SET, renderWithProviders } from '../../test/render';
import { LocalLinkWarning, type LocalLinkKind } from './LocalLinkWarning';
import { PublicAddressBanner } from './PublicAddressBanner';
import { isPutOff, LATER_KEY, localOnlyAddress, putOff, showsAddressBanner } from './publicAddress';
import { PUBLIC_ADDRESS_TEXTS } from './texts';

function session(publicUrl: Session['public_url'] | undefined, role: Role = 'owner'): Session {
  return {
    user: { id: 1, email: 'demo@aantafel.example', name: 'Demo Gebruiker' },
    workspaces: [{ slug: 'demo', name: 'Demo Zorg', kind: 'care_provider', role }],
    // An answer from a server before public_url existed has none.
    ...(publicUrl ? { public_url: publicUrl } : {}),
    csrf_token: 'csrf',
  } as Session;
}

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

beforeEach(() => window.sessionStorage.clear());
afterEach(() => window.sessionStorage.clear());

describe('the public-address rule', () => {
  it('calls an address local only when the server says so', () => {
    expect(localOnlyAddress(session(PUBLIC_URL_LOCAL))).toBe('http://127.0.0.1:8080');
    expect(localOnlyAddress(session(PUBLIC_URL_SET))).toBeNull();
    expect(localOnlyAddress(session(undefined))).toBeNull();
    expect(localOnlyAddress(null)).toBeNull();
  });

  it('shows the banner to owners only, while the address is local and not put off', () => {
    const local = session(PUBLIC_URL_LOCAL);
    expect(showsAddressBanner(local, 'owner', false)).toBe(true);
    expect(showsAddressBanner(local, 'editor', false)).toBe(false);
    expect(showsAddressBanner(local, 'viewer', false)).toBe(false);
    expect(showsAddressBanner(local, undefined, false)).toBe(false);
    expect(showsAddressBanner(local, 'owner', true)).toBe(false);
    expect(showsAddressBanner(session(PUBLIC_URL_SET), 'owner', false)).toBe(false);
    expect(showsAddressBanner(null, 'owner', false)).toBe(false);
  });

  it('remembers "Later" in the given storage, and copes without storage', () => {
    const storage = memoryStorage();
    expect(isPutOff(storage)).toBe(false);
    putOff(storage);
    expect(storage.data.get(LATER_KEY)).toBe('1');
    expect(isPutOff(storage)).toBe(true);
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(isPutOff(broken)).toBe(false);
    expect(() => putOff(broken)).not.toThrow();
    expect(isPutOff(null)).toBe(false);
  });

  it('has the same keys and placeholders in Dutch and English', () => {
    const holes = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    expect(Object.keys(PUBLIC_ADDRESS_TEXTS.en).sort()).toEqual(Object.keys(PUBLIC_ADDRESS_TEXTS.nl).sort());
    for (const key of Object.keys(PUBLIC_ADDRESS_TEXTS.nl) as (keyof typeof PUBLIC_ADDRESS_TEXTS.nl)[])
      expect(holes(PUBLIC_ADDRESS_TEXTS.en[key]), key).toEqual(holes(PUBLIC_ADDRESS_TEXTS.nl[key]));
  });
});

function renderBanner(role: Role, publicUrl: Session['public_url'], language: Language = 'nl') {
  if (language === 'en') registerLanguage('en', en);
  return renderWithProviders(
    <main id="main-content" tabIndex={-1}>
      <PublicAddressBanner role={role} />
      <h1 id="page-heading" tabIndex={-1}>
        Overzicht
      </h1>
    </main>,
    { session: { status: 'authenticated', session: session(publicUrl, role) }, language },
  );
}

describe('PublicAddressBanner', () => {
  it('tells an owner what the address is for, what it is now and how to set it', () => {
    renderBanner('owner', PUBLIC_URL_LOCAL);
    const banner = screen.getByRole('region', { name: 'Het openbare adres van aantafel is nog niet ingesteld' });
    expect(within(banner).getByText(/Links op posters en QR-codes, naar vragenlijsten, scans en de sociale kaart/)).toBeInTheDocument();
    expect(within(banner).getByText(/agenda-abonnementen/)).toHaveTextContent(
      /Nu is dat http:\/\/127\.0\.0\.1:8080\. Zulke links werken alleen op de computer waarop aantafel draait\./,
    );
    expect(within(banner).getByText('http://127.0.0.1:8080').tagName).toBe('CODE');
    // How: the setting, its section, the environment variable and the restart.
    expect(within(banner).getByText('Zo stel je het openbare adres in').tagName).toBe('SUMMARY');
    expect(within(banner).getByText('public_url').tagName).toBe('CODE');
    expect(within(banner).getByText('[server]').tagName).toBe('CODE');
    expect(within(banner).getByText('AANTAFEL_SERVER_PUBLIC_URL').tagName).toBe('CODE');
    expect(within(banner).getByText(/public_url = "https:\/\/aantafel\.uw-organisatie\.nl"/)).toBeInTheDocument();
    expect(within(banner).getByText('Start aantafel daarna opnieuw.')).toBeInTheDocument();
    // Not a dialog and not an interrupting alert: it sits in the page.
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(within(banner).getByRole('button', { name: 'Later: melding over het openbare adres' })).toHaveAccessibleDescription(
      'De melding komt terug als je de browser opnieuw opent.',
    );
  });

  it('is hidden with "Later" for the rest of the browser session, and focus moves to the heading', async () => {
    const user = userEvent.setup();
    const { unmount } = renderBanner('owner', PUBLIC_URL_LOCAL);
    await user.click(screen.getByRole('button', { name: 'Later: melding over het openbare adres' }));
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Overzicht' })).toHaveFocus();
    expect(window.sessionStorage.getItem(LATER_KEY)).toBe('1');
    unmount();

    // Another page in the same browser session: still hidden.
    const again = renderBanner('owner', PUBLIC_URL_LOCAL);
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    again.unmount();

    // A new browser session starts with empty sessionStorage: it is back.
    act(() => window.sessionStorage.clear());
    renderBanner('owner', PUBLIC_URL_LOCAL);
    expect(screen.getByRole('button', { name: 'Later: melding over het openbare adres' })).toBeInTheDocument();
  });

  it('is not shown to editors and viewers, nor once the address is set', () => {
    const editor = renderBanner('editor', PUBLIC_URL_LOCAL);
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    editor.unmount();
    const viewer = renderBanner('viewer', PUBLIC_URL_LOCAL);
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    viewer.unmount();
    renderBanner('owner', PUBLIC_URL_SET);
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });

  it('is in English when English is chosen', () => {
    renderBanner('owner', PUBLIC_URL_LOCAL, 'en');
    expect(screen.getByRole('region', { name: "aantafel's public address has not been set yet" })).toBeInTheDocument();
    expect(screen.getByText('How to set the public address')).toBeInTheDocument();
  });
});

describe('LocalLinkWarning', () => {
  function renderWarning(role: Role, publicUrl: Session['public_url'], kind?: LocalLinkKind, language: Language = 'nl') {
    if (language === 'en') registerLanguage('en', en);
    return renderWithProviders(<LocalLinkWarning kind={kind} />, {
      session: { status: 'authenticated', session: session(publicUrl, role) },
      language,
    });
  }

  it('warns everyone, whatever their role, while the address is local', () => {
    for (const role of ['owner', 'editor', 'viewer'] as const) {
      const { unmount } = renderWarning(role, PUBLIC_URL_LOCAL);
      expect(screen.getByText('Deze link werkt nu alleen op de computer waarop aantafel draait')).toBeInTheDocument();
      expect(
        screen.getByText(
          'Op een andere computer of telefoon gaat de link niet open. Vraag de beheerder van aantafel om het openbare adres in te stellen. Maak daarna een nieuwe link.',
        ),
      ).toBeInTheDocument();
      unmount();
    }
  });

  it('fits what it is next to: several links, or a lasting link with a QR code', () => {
    const many = renderWarning('editor', PUBLIC_URL_LOCAL, 'links');
    expect(screen.getByText('Deze links werken nu alleen op de computer waarop aantafel draait')).toBeInTheDocument();
    expect(screen.getByText(/Maak daarna nieuwe links\.$/)).toBeInTheDocument();
    many.unmount();
    const { container } = renderWarning('editor', PUBLIC_URL_LOCAL, 'qr');
    expect(screen.getByText(/de link en de QR-code niet open\..*Print of deel de link pas daarna\.$/)).toBeInTheDocument();
    // Never on the printed poster.
    expect(container.querySelector('.aantafel-no-print')).not.toBeNull();
  });

  it('shows nothing once the address is set, nor when signed out', () => {
    const { container, unmount } = renderWarning('owner', PUBLIC_URL_SET);
    expect(container).toBeEmptyDOMElement();
    unmount();
    const signedOut = renderWithProviders(<LocalLinkWarning />);
    expect(signedOut.container).toBeEmptyDOMElement();
  });

  it('is in English when English is chosen', () => {
    renderWarning('viewer', PUBLIC_URL_LOCAL, 'link', 'en');
    expect(screen.getByText('This link now only works on the computer aantafel runs on')).toBeInTheDocument();
  });
});
