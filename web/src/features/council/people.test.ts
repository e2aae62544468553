import { describe, expect, it } from 'vitest';
import {
  decisionText,
  idPart,
  joinNames,
  motionsOf,
  nameOf,
  offeredPeople,
  optionLabel,
  otherSpellings,
  partiesDiffer,
  partyInWhoiswho,
  partyKey,
  peopleLists,
  rolesText,
  totalsText,
  usesText,
} from './people';
import type { CouncilPersonLink } from './api';
import { BAKKER, COUNCIL_PEOPLE, DE_VRIES, JANSEN, MULDER, PERSON_COUNCIL, SMIT } from './testdata';
import { councilText, type CouncilText } from './texts';

const nl: CouncilText = (key, vars) => councilText('nl', key, vars);
const en: CouncilText = (key, vars) => councilText('en', key, vars);

describe('council people', () => {
  it('splits the names into to check, linked and not linked, keeping the server’s order', () => {
    const lists = peopleLists(COUNCIL_PEOPLE);
    expect(lists.review.map((l) => l.name)).toEqual(['Jansen, P.', 'A. Bakker']);
    expect(lists.linked.map((l) => l.name)).toEqual(['Vries, J. de', 'Mulder, K.']);
    expect(lists.unmatched.map((l) => l.name)).toEqual(['Smit, E.']);
  });

  it('says how often a name occurs, in both languages', () => {
    expect(usesText(DE_VRIES, nl)).toBe('1 motie ingediend, 1 keer gestemd');
    expect(usesText({ motions: 3, votes: 12 }, nl)).toBe('3 moties ingediend, 12 keer gestemd');
    expect(usesText({ motions: 0, votes: 1 }, en)).toBe('voted once');
    expect(usesText({ motions: 2, votes: 0 }, en)).toBe('2 motions submitted');
    expect(otherSpellings(DE_VRIES)).toEqual(['J. de Vries']);
  });

  it('finds a person’s name in the link or its options', () => {
    expect(nameOf(JANSEN, 8)).toBe('Piet Jansen');
    expect(nameOf(BAKKER, 12)).toBe('Ahmed Bakker');
    expect(nameOf(BAKKER, 99)).toBeNull();
  });

  it('tells what a decision did and where the name is now', () => {
    expect(decisionText('confirm', 'Piet Jansen', { ...JANSEN, state: 'confirmed' }, nl)).toBe('Jansen, P. is nu gekoppeld aan Piet Jansen.');
    expect(decisionText('reject', 'Piet Jansen', { ...JANSEN, state: 'unmatched', person: null, rejected: [8] }, nl)).toBe(
      'Genoteerd: Jansen, P. is niet Piet Jansen. De naam staat nu bij Niet gekoppeld.',
    );
    expect(decisionText('reject', 'Anna Bakker', { ...BAKKER, person: { id: 12, name: 'Ahmed Bakker', party: '' } }, nl)).toBe(
      'Genoteerd: A. Bakker is niet Anna Bakker. aantafel stelt nu Ahmed Bakker voor. De naam staat bij Te controleren.',
    );
    expect(decisionText('reject', 'Anna Bakker', BAKKER, en)).toBe(
      'Noted: A. Bakker is not Anna Bakker. The name is under To check: choose who it is.',
    );
    expect(decisionText('undo', 'Karin Mulder', { ...MULDER, state: 'certain' }, nl)).toBe(
      'De koppeling van Mulder, K. aan Karin Mulder is ongedaan gemaakt. aantafel koppelt Mulder, K. nu zelf aan Karin Mulder.',
    );
    expect(decisionText('undoReject', 'Piet Jansen', JANSEN, en)).toBe(
      'You undid the ‘no’ about Piet Jansen. aantafel now suggests Piet Jansen. The name is under To check.',
    );
    expect(decisionText('undo', 'Karin Mulder', SMIT, en)).toBe('The link of Smit, E. to Karin Mulder has been undone. The name is now under Not linked.');
    const ruledOut: CouncilPersonLink = { ...BAKKER, state: 'unmatched', reason: 'nobody', rejected: [11, 12], options: [] };
    expect(decisionText('rejectAll', joinNames(['Anna Bakker', 'Ahmed Bakker'], 'nl'), ruledOut, nl)).toBe(
      'Genoteerd: A. Bakker is niemand van deze mensen: Anna Bakker en Ahmed Bakker. De naam staat nu bij Niet gekoppeld.',
    );
    expect(decisionText('rejectAll', joinNames(['Anna Bakker', 'Ahmed Bakker'], 'en'), ruledOut, en)).toBe(
      'Noted: A. Bakker is none of these people: Anna Bakker and Ahmed Bakker. The name is now under Not linked.',
    );
    expect(decisionText('undoAll', joinNames(['Anna Bakker', 'Ahmed Bakker'], 'nl'), BAKKER, nl)).toBe(
      'Je hebt ‘nee’ over Anna Bakker en Ahmed Bakker ongedaan gemaakt. De naam staat bij Te controleren: kies wie het is.',
    );
  });

  it('"none of these" is about everyone offered: the options not ruled out, and the suggestion', () => {
    expect(offeredPeople(BAKKER).map((p) => p.id)).toEqual([11, 12]);
    expect(offeredPeople({ ...BAKKER, rejected: [11] }).map((p) => p.id)).toEqual([12]);
    expect(offeredPeople({ ...JANSEN, options: [] }).map((p) => p.id)).toEqual([8]);
    expect(offeredPeople(JANSEN).map((p) => p.id)).toEqual([8]);
  });

  it('compares parties as the server does, and says the party Wie is wie has', () => {
    expect(partyKey('Fractie GROENLINKS')).toBe('groenlinks');
    expect(partyKey('Lijst Pim-Fortuyn')).toBe('pimfortuyn');
    expect(partyKey('Sterk Hoogezand–Sappemeer')).toBe(partyKey('Sterk Hoogezand Sappemeer'));
    expect(partyKey('Partij Één')).toBe('partijeen');
    expect(partiesDiffer('VVD', 'CDA')).toBe(true);
    expect(partiesDiffer('GroenLinks', 'fractie groenlinks')).toBe(false);
    expect(partiesDiffer('', 'CDA')).toBe(false);
    expect(partiesDiffer('VVD', '')).toBe(false);
    expect(partyInWhoiswho({ party: 'CDA' }, nl)).toBe('CDA in Wie is wie');
    expect(partyInWhoiswho({ party: '' }, nl)).toBe('geen partij in Wie is wie');
    expect(partyInWhoiswho({ party: '' }, en)).toBe('no party in Who is who');
    expect(optionLabel({ id: 11, name: 'Anna Bakker', party: 'PvdA' }, nl)).toBe('Anna Bakker (PvdA)');
    expect(optionLabel({ id: 12, name: 'Ahmed Bakker', party: '' }, en)).toBe('Ahmed Bakker (no party)');
  });

  it('groups a person’s records per motion, roles in a fixed order', () => {
    const motions = motionsOf(PERSON_COUNCIL.records);
    expect(motions).toHaveLength(2);
    expect(motions[0]).toMatchObject({ motion_id: 3, roles: ['submitted', 'for'], names: ['J. de Vries', 'Vries, J. de'], topics: ['Beschermd wonen'] });
    expect(rolesText(motions[0]!.roles, nl, 'nl')).toBe('ingediend en voor gestemd');
    expect(rolesText(['for', 'against'], en, 'en')).toBe('voted in favour and voted against');
  });

  it('writes the counts in words', () => {
    expect(totalsText(PERSON_COUNCIL, nl, 'nl')).toBe('In alle moties samen: 1 motie ingediend, 2 keer voor gestemd en nooit tegen gestemd.');
    expect(totalsText({ submitted: 0, voted_for: 1, voted_against: 5 }, en, 'en')).toBe(
      'In all motions together: no motion submitted, voted in favour once and voted against 5 times.',
    );
  });

  it('makes ids from source keys', () => {
    expect(idPart('den haag')).toBe('den-haag');
    expect(idPart('soest')).toBe('soest');
  });
});
