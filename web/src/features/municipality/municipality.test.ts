import { describe, expect, it } from 'vitest';
import { municipalityPageLinkText, municipalityPagePath } from './links';
import { isCouncilEmpty, npsText, seatsInOrder } from './municipality';
import { MUNICIPALITY_TEXTS, municipalityText, type MunicipalityText } from './texts';
import { DOSSIER, EMPTY_DOSSIER } from './fixtures';

const mt: MunicipalityText = (key, vars) => municipalityText('nl', key, vars);
const holes = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe('texts', () => {
  it('has the same keys and placeholders in Dutch and English', () => {
    expect(Object.keys(MUNICIPALITY_TEXTS.en).sort()).toEqual(Object.keys(MUNICIPALITY_TEXTS.nl).sort());
    for (const key of Object.keys(MUNICIPALITY_TEXTS.nl) as (keyof typeof MUNICIPALITY_TEXTS.nl)[])
      expect(holes(MUNICIPALITY_TEXTS.en[key]), key).toEqual(holes(MUNICIPALITY_TEXTS.nl[key]));
  });
});

describe('npsText', () => {
  const group = { key: 'GM0344', label: 'Utrecht', promoters: 2, passives: 0, detractors: 1 };
  it('gives the score with its interval and the number of answers', () => {
    expect(npsText(mt, { ...group, n: 34, nps: 33.3, ci_low: -10.2, ci_high: 70, enough: true })).toBe(
      'NPS +33 (tussen −10 en +70), 34 antwoorden',
    );
  });
  it('says "te weinig antwoorden" when the server says there are not enough', () => {
    expect(npsText(mt, { ...group, n: 1, nps: 100, ci_low: 0, ci_high: 100, enough: false })).toBe(
      'Te weinig antwoorden voor een betrouwbare score: 1 antwoord, minstens 30 nodig.',
    );
  });
  it('says there are no answers yet', () => {
    expect(npsText(mt, null)).toBe('Nog geen antwoorden.');
    expect(npsText(mt, { ...group, n: 0, nps: null, ci_low: null, ci_high: null, enough: false })).toBe('Nog geen antwoorden.');
  });
});

describe('helpers', () => {
  it('orders seats most first, then by name, with the total', () => {
    const { seats, total } = seatsInOrder([
      { party: 'B', seats: 3 },
      { party: 'A', seats: 3 },
      { party: 'C', seats: 9 },
    ]);
    expect(seats.map((s) => s.party)).toEqual(['C', 'A', 'B']);
    expect(total).toBe(15);
  });
  it('knows an empty council', () => {
    expect(isCouncilEmpty(EMPTY_DOSSIER.council)).toBe(true);
    expect(isCouncilEmpty(DOSSIER.council)).toBe(false);
  });
  it('builds the page path and a link text that makes sense alone', () => {
    expect(municipalityPagePath('de mo', 12)).toBe('/w/de%20mo/municipalities/12');
    expect(municipalityPageLinkText('nl', 'Utrecht')).toBe('Alles over Utrecht op één pagina');
    expect(municipalityPageLinkText('en', 'Utrecht')).toBe('Everything about Utrecht on one page');
  });
});
