import { describe, expect, it } from 'vitest';
import { isEml, personNameFrom, unmatchedLabel } from './mailIntake';
import { MAIL_INTAKE_TEXTS } from './texts';

describe('which files are sent', () => {
  it('takes .eml files by name, whatever the case', () => {
    expect(isEml('Verslag overleg.eml')).toBe(true);
    expect(isEml('VERSLAG.EML')).toBe(true);
    expect(isEml('verslag.msg')).toBe(false);
    expect(isEml('eml')).toBe(false);
  });
});

describe('addresses nobody had yet', () => {
  it('shows the name with the address, or the address alone', () => {
    expect(unmatchedLabel({ name: 'Kees Kader', address: 'kees@denkstad.example' })).toBe('Kees Kader (kees@denkstad.example)');
    expect(unmatchedLabel({ name: '', address: 'kees@denkstad.example' })).toBe('kees@denkstad.example');
    expect(unmatchedLabel({ name: 'kees@denkstad.example', address: 'kees@denkstad.example' })).toBe('kees@denkstad.example');
    expect(unmatchedLabel({ name: 'Jansen, Els', address: 'e.jansen@denkstad.example' })).toBe('Els Jansen (e.jansen@denkstad.example)');
  });
  it('turns "Surname, Given" into a name for the new person, and gives none for a bare address', () => {
    expect(personNameFrom({ name: 'Jansen, Els', address: 'e.jansen@denkstad.example' })).toBe('Els Jansen');
    expect(personNameFrom({ name: 'Bo Beleid', address: 'b@denkstad.example' })).toBe('Bo Beleid');
    expect(personNameFrom({ name: 'b@denkstad.example', address: 'b@denkstad.example' })).toBe('');
    expect(personNameFrom({ name: '', address: 'b@denkstad.example' })).toBe('');
  });
});

describe('texts', () => {
  it('has the same keys and placeholders in Dutch and English', () => {
    const holes = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    expect(Object.keys(MAIL_INTAKE_TEXTS.en).sort()).toEqual(Object.keys(MAIL_INTAKE_TEXTS.nl).sort());
    for (const key of Object.keys(MAIL_INTAKE_TEXTS.nl) as (keyof typeof MAIL_INTAKE_TEXTS.nl)[]) {
      expect(holes(MAIL_INTAKE_TEXTS.en[key]), key).toEqual(holes(MAIL_INTAKE_TEXTS.nl[key]));
    }
  });
});
