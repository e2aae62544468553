import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';

// The test setup registers English up front; these tests use fresh modules to see the app's
// real behaviour: only Dutch in memory, English loaded on demand.
async function freshModules() {
  vi.resetModules();
  const i18n = await import('./i18n');
  const provider = await import('./I18nProvider');
  return { ...i18n, ...provider };
}

describe('languages on demand', () => {
  it('has only Dutch in memory until English is loaded', async () => {
    const { isLanguageLoaded, loadLanguage, translate } = await freshModules();
    expect(isLanguageLoaded('nl')).toBe(true);
    expect(isLanguageLoaded('en')).toBe(false);
    await loadLanguage('en');
    expect(isLanguageLoaded('en')).toBe(true);
    expect(translate('en', 'overview.welcome', { name: 'Fatima' })).toBe('Welcome, Fatima.');
  });

  it('renders a remembered English only once its texts are there (no Dutch first)', async () => {
    const { I18nProvider, useI18n } = await freshModules();
    const seen: string[] = [];
    function Probe() {
      const { t } = useI18n();
      const text = t('overview.welcome', { name: 'Fatima' });
      seen.push(text);
      return <p>{text}</p>;
    }
    window.localStorage.setItem('aantafel.language', 'en');
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(await screen.findByText('Welcome, Fatima.')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(seen.every((text) => text === 'Welcome, Fatima.')).toBe(true);
  });

  it('switches language after the texts have loaded, and remembers the choice', async () => {
    const { I18nProvider, useI18n } = await freshModules();
    function Switch() {
      const { t, setLanguage } = useI18n();
      return (
        <button type="button" onClick={() => setLanguage('en')}>
          {t('language.other')}
        </button>
      );
    }
    render(
      <I18nProvider initialLanguage="nl">
        <Switch />
      </I18nProvider>,
    );
    screen.getByRole('button', { name: 'English' }).click();
    expect(await screen.findByRole('button', { name: 'Nederlands' })).toBeInTheDocument();
    expect(window.localStorage.getItem('aantafel.language')).toBe('en');
  });
});
