import { describe, expect, it } from 'vitest';
import en from './en.json';
import nl from './nl.json';
import { formatDate, formatDateTime, formatNumber, formatShortDate, translate } from './i18n';

const dictionaries: Record<string, Record<string, string>> = { nl, en };

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

describe('translations', () => {
  it('have the same keys in Dutch and English', () => {
    const nlKeys = Object.keys(nl).sort();
    const enKeys = Object.keys(en).sort();
    const missingInEnglish = nlKeys.filter((key) => !(key in en));
    const missingInDutch = enKeys.filter((key) => !(key in nl));
    expect({ missingInEnglish, missingInDutch }).toEqual({
      missingInEnglish: [],
      missingInDutch: [],
    });
  });

  it('use the same placeholders in both languages', () => {
    const mismatched = Object.keys(nl).filter(
      (key) =>
        placeholders(dictionaries.nl?.[key] ?? '').join() !==
        placeholders(dictionaries.en?.[key] ?? '').join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('have no empty texts', () => {
    for (const [language, dictionary] of Object.entries(dictionaries)) {
      const empty = Object.entries(dictionary).filter(([, text]) => !text.trim());
      expect({ language, empty }).toEqual({ language, empty: [] });
    }
  });

  it('fill placeholders', () => {
    expect(translate('nl', 'overview.welcome', { name: 'Fatima' })).toBe('Welkom, Fatima.');
    expect(translate('en', 'overview.welcome', { name: 'Fatima' })).toBe('Welcome, Fatima.');
  });
});

describe('formatting', () => {
  // 09:00 UTC on 23 November is 10:00 in Amsterdam (winter time).
  const instant = '2026-11-23T09:00:00.000Z';

  it('shows dates and times in Amsterdam time, Dutch style', () => {
    expect(formatDateTime('nl', instant)).toMatch(/23 nov\.? 2026.*10:00/);
    expect(formatDate('nl', instant)).toBe('23 november 2026');
  });

  it('shows dates in British English style for English', () => {
    expect(formatDateTime('en', instant)).toMatch(/23 Nov 2026.*10:00/);
    expect(formatDate('en', instant)).toBe('23 November 2026');
  });

  it('uses summer time in summer', () => {
    expect(formatDateTime('nl', '2026-07-01T09:00:00.000Z')).toMatch(/11:00/);
  });

  it('shows short dates, with the year only when it is another year', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    // 23:30 UTC on 5 December is already 6 December in Amsterdam.
    expect(formatShortDate('nl', '2026-12-05T23:30:00Z', now)).toMatch(/^6 dec\.?$/);
    expect(formatShortDate('en', '2026-12-06T10:00:00Z', now)).toBe('6 Dec');
    expect(formatShortDate('nl', '2027-01-02T10:00:00Z', now)).toMatch(/^2 jan\.? 2027$/);
  });

  it('formats numbers per language', () => {
    expect(formatNumber('nl', 1234.5)).toBe('1.234,5');
    expect(formatNumber('en', 1234.5)).toBe('1,234.5');
  });
});
