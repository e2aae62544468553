import { describe, expect, it } from 'vitest';
import { invitationBody, matchResult, parseContactLines, problemsFromApi, sentReferences } from './personalLinks';
import { SURVEY_TEXTS } from './surveyTexts';

describe('parseContactLines', () => {
  it('reads one address per line, optionally with a reference, and skips empty lines', () => {
    const { contacts, problems } = parseContactLines(' anna@delinde.example \n\n2026-041;bob@hart.example\r\nD-7\tcor@x.nl;\n');
    expect(problems).toEqual([]);
    expect(contacts).toEqual([
      { line: 1, reference: '', email: 'anna@delinde.example' },
      { line: 3, reference: '2026-041', email: 'bob@hart.example' },
      { line: 4, reference: 'D-7', email: 'cor@x.nl' },
    ]);
  });

  it('names every line with a problem', () => {
    const { problems } = parseContactLines(
      [
        'anna@delinde', // 1: not an address
        'a@x.nl; b@y.nl', // 2: two addresses
        'ref;x;c@z.nl', // 3: too many parts
        'ANNA@delinde.example',
        'anna@delinde.example', // 5: the same as line 4
        'k1;d@x.nl',
        'k1;e@x.nl', // 7: the same reference as line 6
        `${'r'.repeat(101)};f@x.nl`, // 8: reference too long
      ].join('\n'),
    );
    expect(problems).toEqual([
      { line: 1, kind: 'email' },
      { line: 2, kind: 'several' },
      { line: 3, kind: 'format' },
      { line: 5, kind: 'duplicate', other: 4 },
      { line: 7, kind: 'duplicateReference', other: 6 },
      { line: 8, kind: 'referenceTooLong' },
    ]);
  });
});

describe('invitationBody', () => {
  const { contacts } = parseContactLines('anna@delinde.example\n2026-041;bob@hart.example');

  it('sends e-mail contacts with the validity, the mail language and the reminder', () => {
    expect(invitationBody(contacts, 14, { language: 'en', remindAfterDays: 7 })).toEqual({
      contacts: [
        { reference: 'regel 1', client: 'anna@delinde.example', channel: 'email', valid_days: 14 },
        { reference: '2026-041', client: 'bob@hart.example', channel: 'email', valid_days: 14 },
      ],
      send_by_email: true,
      language: 'en',
      remind_after_days: 7,
    });
  });

  it('makes links to pass on without mail, and leaves out a reminder that comes too late', () => {
    expect(invitationBody(contacts, 14, null)).toMatchObject({ send_by_email: false });
    expect(invitationBody(contacts, 14, null)).not.toHaveProperty('language');
    expect(invitationBody(contacts, 5, { language: 'nl', remindAfterDays: 7 })).not.toHaveProperty('remind_after_days');
  });

  it('gives every line its own reference', () => {
    const parsed = parseContactLines('regel 2;a@x.nl\nb@x.nl').contacts;
    expect(sentReferences(parsed)).toEqual(['regel 2', 'regel 2*']);
  });
});

describe('matchResult', () => {
  it('puts mailed, not mailed and skipped links next to their lines', () => {
    const { contacts } = parseContactLines('anna@delinde.example\n2026-041;bob@hart.example\ncor@x.nl');
    const link = (reference: string, mailed: boolean) => ({
      reference,
      token: `t-${reference}`,
      url: `https://aantafel.example.nl/f/t-${reference}`,
      expires_at: '2026-12-20T10:00:00Z',
      mailed,
    });
    const matched = matchResult(contacts, {
      created: [link('regel 1', true), link('regel 3', false)],
      skipped: [{ reference: '2026-041', reason: 'recently_invited' }],
    });
    expect(matched.mailed.map((m) => m.contact.email)).toEqual(['anna@delinde.example']);
    expect(matched.toCopy.map((m) => m.contact.email)).toEqual(['cor@x.nl']);
    expect(matched.skipped).toEqual([{ line: 2, reference: '2026-041', email: 'bob@hart.example' }]);
  });
});

describe('problemsFromApi', () => {
  it('names the line of the text box, not the index sent', () => {
    const { contacts } = parseContactLines('a@x.nl\n\nb@x.nl');
    expect(
      problemsFromApi(
        {
          'contacts[1].client': 'Dit klopt niet.',
          'contacts[0].valid_days': 'Te groot.',
          remind_after_days: 'Kies een kleiner getal.',
        },
        contacts,
      ),
    ).toEqual({ lines: [{ line: 3, message: 'Dit klopt niet.' }], days: 'Te groot.', remind: 'Kies een kleiner getal.' });
  });
});

describe('texts', () => {
  it('have the same keys and placeholders in Dutch and English', () => {
    const holes = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    expect(Object.keys(SURVEY_TEXTS.en).sort()).toEqual(Object.keys(SURVEY_TEXTS.nl).sort());
    for (const key of Object.keys(SURVEY_TEXTS.nl) as (keyof typeof SURVEY_TEXTS.nl)[])
      expect(holes(SURVEY_TEXTS.en[key]), key).toEqual(holes(SURVEY_TEXTS.nl[key]));
  });
});
