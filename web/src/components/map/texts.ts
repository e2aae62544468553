/**
 * The texts of the map component. They live here, not in nl.json/en.json, so they travel with
 * the map's lazy chunk (like the areas' texts.ts). map.test.tsx checks that both languages have
 * the same keys and placeholders.
 */
import { useCallback } from 'react';
import type { Language, MessageVars } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';

const nl = {
  'view.label': 'Toon als',
  'view.map': 'Kaart',
  'view.table': 'Tabel',
  'keyboard': 'Met de Tab-toets kom je op de kaart. Met de pijltjestoetsen ga je naar het volgende of vorige gebied. Met Enter of de spatiebalk open je het gebied.',
  'hint': 'Wijs een gebied aan of ga er met de toetsen naartoe. Dan zie je hier de naam.',
  'areaLabel': '{name}: {value}',
  'legend': 'Legenda',
  'legendCount': '{label} ({count})',
  'attribution': 'Kaart: CBS / Kadaster (CC BY 4.0), {year}. Vereenvoudigd door cartomap/nl.',
  'loading': 'De kaart wordt geladen…',
  'failed': 'De kaart kan niet worden getoond. De gegevens staan in de tabel.',
  'notOnMap': 'Niet op de kaart: {names}. Deze gebieden staan wel in de tabel.',
};

export type MapKey = keyof typeof nl;

const en: Record<MapKey, string> = {
  'view.label': 'Show as',
  'view.map': 'Map',
  'view.table': 'Table',
  'keyboard': 'Press Tab to reach the map. Use the arrow keys to go to the next or previous area. Press Enter or the space bar to open the area.',
  'hint': 'Point at an area or go to it with the keys to see its name here.',
  'areaLabel': '{name}: {value}',
  'legend': 'Key',
  'legendCount': '{label} ({count})',
  'attribution': 'Map: CBS / Kadaster (CC BY 4.0), {year}. Simplified by cartomap/nl.',
  'loading': 'Loading the map…',
  'failed': 'The map cannot be shown. The data is in the table.',
  'notOnMap': 'Not on the map: {names}. These areas are in the table.',
};

export const MAP_TEXTS: Record<Language, Record<MapKey, string>> = { nl, en };

export function mapText(language: Language, key: MapKey, vars?: MessageVars): string {
  const template = MAP_TEXTS[language][key] ?? nl[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

export type MapText = (key: MapKey, vars?: MessageVars) => string;

/** `mx(key, vars)` in the current UI language. */
export function useMapText(): MapText {
  const { language } = useI18n();
  return useCallback((key, vars) => mapText(language, key, vars), [language]);
}
