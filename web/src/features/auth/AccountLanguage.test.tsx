import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import type { Session } from '../../api/types';
import { I18nProvider, useI18n } from '../../i18n/I18nProvider';
import { PUBLIC_URL_SET } from '../../test/render';
import { AccountLanguage } from './AccountLanguage';
import { SessionProvider } from './session';

function session(language: 'nl' | 'en'): Session {
  return {
    user: { id: 1, email: 'demo@aantafel.example', name: 'Demo', language },
    workspaces: [],
    public_url: PUBLIC_URL_SET,
    mail: false,
    csrf_token: 'csrf',
  };
}

function Shown() {
  const { t } = useI18n();
  return <p>{t('login.title')}</p>;
}

function renderWith(language: 'nl' | 'en') {
  return render(
    <I18nProvider initialLanguage="nl">
      <SessionProvider initial={{ status: 'authenticated', session: session(language) }}>
        <AccountLanguage />
        <Shown />
      </SessionProvider>
    </I18nProvider>,
  );
}

describe('AccountLanguage', () => {
  it("shows the app in the account's language, without remembering it as a choice here", async () => {
    renderWith('en');
    expect(await screen.findByText('Log in')).toBeInTheDocument();
    expect(window.localStorage.getItem('aantafel.language')).toBeNull();
  });

  it('keeps the language the person chose in this browser', async () => {
    window.localStorage.setItem('aantafel.language', 'nl');
    renderWith('en');
    // Give a language switch the chance to happen.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByText('Inloggen')).toBeInTheDocument();
  });
});
