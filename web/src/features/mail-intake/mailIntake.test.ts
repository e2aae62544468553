import { describe, expect, it } from 'vitest';
import { addressOwner, isEml, personNameFrom, reviewDate, unmatchedLabel } from './mailIntake';
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

describe('e-mail to check', () => {
  const entry = { name: 'Bo Beleid', address: 'b@denkstad.example', person_id: null, person_name: null, user_id: null };
  it('says whom an address belongs to: a person first, then a colleague, else nobody', () => {
    expect(addressOwner({ ...entry, person_id: 3, person_name: 'Bo Beleid', user_id: 1 })).toEqual({ kind: 'person', id: 3, name: 'Bo Beleid' });
    expect(addressOwner({ ...entry, person_id: 3, person_name: '' })).toEqual({ kind: 'person', id: 3, name: 'b@denkstad.example' });
    expect(addressOwner({ ...entry, user_id: 1 })).toEqual({ kind: 'colleague' });
    expect(addressOwner(entry)).toEqual({ kind: 'nobody' });
  });
  it('dates a message by its own date, else by when it came in', () => {
    expect(reviewDate({ sent_at: '2026-11-20T14:05:00Z', received_at: '2026-11-23T09:30:00Z' })).toEqual({ at: '2026-11-20T14:05:00Z', sent: true });
    expect(reviewDate({ sent_at: null, received_at: '2026-11-23T09:30:00Z' })).toEqual({ at: '2026-11-23T09:30:00Z', sent: false });
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
