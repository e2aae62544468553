import { describe, expect, it } from 'vitest';
import { SETTINGS_TEXTS } from '../settings/texts';
import { ssoProblem } from './errors';
import { SSO_TEXTS } from './texts';

describe('texts of single sign-on', () => {
  it('have the same keys and placeholders in Dutch and English', () => {
    const holes = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    expect(Object.keys(SSO_TEXTS.en).sort()).toEqual(Object.keys(SSO_TEXTS.nl).sort());
    for (const key of Object.keys(SSO_TEXTS.nl) as (keyof typeof SSO_TEXTS.nl)[]) {
      expect(holes(SSO_TEXTS.en[key]), key).toEqual(holes(SSO_TEXTS.nl[key]));
      expect(SSO_TEXTS.nl[key].trim(), key).not.toBe('');
    }
  });

  it('speak to the reader as "je" in Dutch, here and in the settings (one voice)', () => {
    const settings = Object.entries(SETTINGS_TEXTS.nl).filter(([key]) => key.startsWith('sso.'));
    expect(settings.length).toBeGreaterThan(10);
    for (const [key, text] of [...Object.entries(SSO_TEXTS.nl), ...settings]) {
      expect(text, key).not.toMatch(/\b(u|uw|uzelf)\b/i);
    }
  });
});

describe('ssoProblem', () => {
  it('is null without sso_error', () => {
    expect(ssoProblem(null)).toBeNull();
  });

  it.each([
    ['domain_not_allowed', 'domain', null],
    ['invitation_other_address', 'otherAddress', null],
    ['link_expired', 'invitation', null],
    ['wrong_state', 'retry', null],
    ['no_login_in_progress', 'retry', null],
    ['login_took_too_long', 'retry', null],
    ['mfa_required', 'mfa', null],
    ['email_not_verified', 'account', 'email_not_verified'],
    ['no_email', 'account', 'no_email'],
    ['groups_overage', 'account', 'groups_overage'],
    ['provider_unavailable', 'unavailable', null],
    ['provider_error', 'provider', 'provider_error'],
    ['token_refused', 'technical', 'token_refused'],
    ['signature', 'technical', 'signature'],
    ['wrong_issuer', 'technical', 'wrong_issuer'],
    ['wrong_audience', 'technical', 'wrong_audience'],
    ['wrong_nonce', 'technical', 'wrong_nonce'],
    ['token_expired', 'technical', 'token_expired'],
    ['token_not_yet_valid', 'technical', 'token_not_yet_valid'],
    ['no_subject', 'technical', 'no_subject'],
    ['refused', 'technical', 'refused'],
  ])('groups %s as %s', (reason, group, code) => {
    const problem = ssoProblem(reason);
    expect(problem?.group).toBe(group);
    expect(problem?.code).toBe(code);
    expect(SSO_TEXTS.nl[problem!.what]).toBeTruthy();
    expect(SSO_TEXTS.nl[problem!.todo]).toBeTruthy();
  });

  it('never passes on an unknown reason', () => {
    for (const reason of ['', 'toString', '__proto__', '<script>', 'Bel 0900-1234']) {
      expect(ssoProblem(reason)).toEqual({
        group: 'technical',
        what: 'error.technical',
        todo: 'error.technicalTodo',
        code: 'refused',
      });
    }
  });
});
