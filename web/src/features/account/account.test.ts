import { describe, expect, it } from 'vitest';
import { characterCount, tokenFromHash } from './api';
import { checkNewPassword } from './PasswordFields';
import { ACCOUNT_TEXTS, accountText } from './texts';
import { describeUserAgent } from './userAgent';

describe('texts of the account pages', () => {
  it('have the same keys and placeholders in Dutch and English', () => {
    const holes = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    expect(Object.keys(ACCOUNT_TEXTS.en).sort()).toEqual(Object.keys(ACCOUNT_TEXTS.nl).sort());
    for (const key of Object.keys(ACCOUNT_TEXTS.nl) as (keyof typeof ACCOUNT_TEXTS.nl)[]) {
      expect(holes(ACCOUNT_TEXTS.en[key]), key).toEqual(holes(ACCOUNT_TEXTS.nl[key]));
      expect(ACCOUNT_TEXTS.nl[key].trim(), key).not.toBe('');
    }
  });

  it('speak to the reader as "je" in Dutch, never "u" or "uw" (one voice, see i18n/voice.test.ts)', () => {
    for (const [key, text] of Object.entries(ACCOUNT_TEXTS.nl)) {
      expect(text, key).not.toMatch(/\b(u|uw|uzelf)\b/i);
    }
  });
});

describe('describeUserAgent', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      'Chrome',
      'Windows',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      'Edge',
      'Windows',
    ],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox', 'macOS'],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
      'Safari',
      'macOS',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Safari',
      'iPhone',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
      'Samsung Internet',
      'Android',
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
      'Chrome',
      'Linux',
    ],
    ['curl/8.5.0', 'curl', null],
    ['', null, null],
  ])('%s', (userAgent, browser, os) => {
    expect(describeUserAgent(userAgent)).toEqual({ browser, os });
  });
});

describe('checkNewPassword', () => {
  const at = (key: Parameters<typeof accountText>[1], vars?: Record<string, string | number>) =>
    accountText('nl', key, vars);

  it('asks for a password, at least 10 characters, typed the same twice', () => {
    expect(checkNewPassword('', '', at)).toEqual({ password: 'Vul een wachtwoord in.' });
    expect(checkNewPassword('kort', 'kort', at)).toEqual({
      password: 'Gebruik minstens 10 tekens. Nu zijn het er 4.',
    });
    expect(checkNewPassword('lang genoeg nu', '', at)).toEqual({
      repeat: 'Vul het wachtwoord nog een keer in.',
    });
    expect(checkNewPassword('lang genoeg nu', 'lang genoeg', at)).toEqual({
      repeat: 'De twee wachtwoorden zijn niet hetzelfde. Typ ze nog een keer.',
    });
    expect(checkNewPassword('lang genoeg nu', 'lang genoeg nu', at)).toEqual({});
  });

  it('counts characters as people do', () => {
    expect(characterCount('🙂🙂')).toBe(2);
    expect(characterCount('éé')).toBe(2);
  });
});

describe('tokenFromHash', () => {
  it('takes the secret after "#"', () => {
    expect(tokenFromHash('#abc-DEF_123')).toBe('abc-DEF_123');
    expect(tokenFromHash('')).toBe('');
    expect(tokenFromHash('#')).toBe('');
    expect(tokenFromHash('#%E0%A4%A')).toBe('%E0%A4%A');
  });
});
