/**
 * One voice (issue #24, item 10): the app for professionals says "je/jouw" (B1, informal). Texts
 * read by clients say "u"; those pages and mails come from the server, except the ones below.
 * This test reads nl.json and every Dutch dictionary of the areas (texts.ts, …Texts.ts) and fails
 * on the words "u", "uw" and "uzelf" outside the allow-list, naming the key.
 */
import { describe, expect, it } from 'vitest';
import nl from './nl.json';

/** Texts shown to clients, with the reason they say "u". Key: "<file> <key>". */
const SAYS_U: Record<string, string> = {
  'nl.json feedback.poster.heading': 'the printed poster hangs in the waiting room, for clients',
  'nl.json feedback.poster.qrAlt': 'the printed poster hangs in the waiting room, for clients',
  'nl.json feedback.poster.how': 'the printed poster hangs in the waiting room, for clients',
  'nl.json feedback.poster.privacy': 'the printed poster hangs in the waiting room, for clients',
};

const FORMAL = /(?<![\p{L}\p{N}_'’-])(u|uw|uzelf)(?![\p{L}\p{N}_'’-])/iu;

type Dictionary = Record<string, string>;

/** Every exported `{ nl: {…}, en: {…} }` of the areas' text files, by file. */
function areaDictionaries(): Record<string, Dictionary> {
  const modules = import.meta.glob<Record<string, unknown>>(['../**/texts.ts', '../**/*Texts.ts'], { eager: true });
  const found: Record<string, Dictionary> = {};
  for (const [path, module] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(module)) {
      const dutch = (value as { nl?: unknown } | null)?.nl;
      if (typeof value !== 'object' || value === null || typeof dutch !== 'object' || dutch === null) continue;
      const texts = Object.entries(dutch).filter(([, text]) => typeof text === 'string');
      if (texts.length === 0) continue;
      found[`${path.replace(/^\.\.\//, '')} ${name}`] = Object.fromEntries(texts) as Dictionary;
    }
  }
  return found;
}

function formalTexts(file: string, dictionary: Dictionary): string[] {
  return Object.entries(dictionary)
    .filter(([key, text]) => FORMAL.test(text) && !(`${file} ${key}` in SAYS_U))
    .map(([key, text]) => `${file} ${key}: "${text}"`);
}

describe('one voice: "je" in the app for professionals', () => {
  it('finds the words u, uw and uzelf, and only as whole words', () => {
    for (const text of ['Wat vindt u?', 'Uw naam', 'U bent', 'haal uzelf weg', 'u.', '(u)']) {
      expect(text, text).toMatch(FORMAL);
    }
    for (const text of ['uur', 'uit', 'nu', 'jouw', 'menu', 'Utrecht', "u's", 'cliënt', 'één-u']) {
      expect(text, text).not.toMatch(FORMAL);
    }
  });

  it('nl.json says "je", not "u" (except the client texts on the allow-list)', () => {
    expect(formalTexts('nl.json', nl as Dictionary)).toEqual([]);
  });

  it('every area dictionary says "je", not "u"', () => {
    const dictionaries = areaDictionaries();
    // A guard against a glob that finds nothing: there are more than ten of them.
    expect(Object.keys(dictionaries).length).toBeGreaterThan(10);
    const problems = Object.entries(dictionaries).flatMap(([file, dictionary]) => formalTexts(file, dictionary));
    expect(problems).toEqual([]);
  });

  it('keeps the allow-list honest: each entry exists and still says "u"', () => {
    const all: Record<string, string | undefined> = {};
    for (const [key, text] of Object.entries(nl as Dictionary)) all[`nl.json ${key}`] = text;
    for (const [file, dictionary] of Object.entries(areaDictionaries())) {
      for (const [key, text] of Object.entries(dictionary)) all[`${file} ${key}`] = text;
    }
    for (const entry of Object.keys(SAYS_U)) {
      expect(all[entry], `${entry} is on the allow-list but does not exist`).toBeDefined();
      expect(all[entry], `${entry} no longer says "u": take it off the allow-list`).toMatch(FORMAL);
    }
  });
});
