/**
 * The texts of the global search in the header. Small, and only in the workspace shell's chunk.
 * search.test.ts checks that both languages have the same keys and placeholders.
 */
import { useCallback } from 'react';
import type { Language, MessageVars } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';

const nl = {
  'label': 'Zoeken in deze werkruimte',
  'placeholder': 'Zoeken… (druk op /)',
  'hint': 'Typ minstens 2 tekens. Kies met de pijltjestoetsen en Enter. Escape sluit.',
  'results': 'Zoekresultaten',
  'tooShort': 'Typ minstens 2 tekens.',
  'busy': 'Bezig met zoeken…',
  'none': 'Geen resultaten voor “{q}”.',
  'noneHint': 'Je zoekt in namen, titels, notities van contacten, reacties van cliënten en de kennisbank. Probeer een ander woord, of een deel van een woord.',
  'count.one': '1 resultaat',
  'count.many': '{count} resultaten',
  'failed': 'Zoeken lukte niet. Probeer het nog eens.',
  'kind.people': 'Mensen',
  'kind.organisations': 'Organisaties',
  'kind.municipalities': 'Gemeenten',
  'kind.interactions': 'Contacten',
  'kind.agreements': 'Afspraken',
  'kind.plans': 'Plannen',
  'kind.surveys': 'Vragenlijsten',
  'kind.responses': 'Reacties van cliënten',
  'kind.scenarios': 'Scenario’s (Bekostiging)',
  'kind.scans': 'Samenwerkingsscans',
  'kind.services': 'Voorzieningen',
  'kind.consortia': 'Consortia',
  'kind.knowledge': 'Kennisbank',
  'kind.council': 'Raad',
  'sub.due': 'Uiterlijk {date}',
  'sub.year': 'Begrotingsjaar {year}',
  'sub.province': 'Provincie {name}',
};

export type SearchKey = keyof typeof nl;

const en: Record<SearchKey, string> = {
  'label': 'Search this workspace',
  'placeholder': 'Search… (press /)',
  'hint': 'Type at least 2 characters. Choose with the arrow keys and Enter. Escape closes.',
  'results': 'Search results',
  'tooShort': 'Type at least 2 characters.',
  'busy': 'Searching…',
  'none': 'No results for “{q}”.',
  'noneHint': 'You search names, titles, notes of interactions, client responses and the knowledge base. Try another word, or part of a word.',
  'count.one': '1 result',
  'count.many': '{count} results',
  'failed': 'Searching did not work. Please try again.',
  'kind.people': 'People',
  'kind.organisations': 'Organisations',
  'kind.municipalities': 'Municipalities',
  'kind.interactions': 'Interactions',
  'kind.agreements': 'Agreements',
  'kind.plans': 'Plans',
  'kind.surveys': 'Surveys',
  'kind.responses': 'Client responses',
  'kind.scenarios': 'Scenarios (Financing)',
  'kind.scans': 'Partnership scans',
  'kind.services': 'Services',
  'kind.consortia': 'Consortia',
  'kind.knowledge': 'Knowledge base',
  'kind.council': 'Council',
  'sub.due': 'Due by {date}',
  'sub.year': 'Budget year {year}',
  'sub.province': 'Province of {name}',
};

export const SEARCH_TEXTS: Record<Language, Record<SearchKey, string>> = { nl, en };

export function searchText(language: Language, key: SearchKey, vars?: MessageVars): string {
  const template = SEARCH_TEXTS[language][key] ?? nl[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

export type SearchText = (key: SearchKey, vars?: MessageVars) => string;

export function useSearchText(): SearchText {
  const { language } = useI18n();
  return useCallback((key, vars) => searchText(language, key, vars), [language]);
}
