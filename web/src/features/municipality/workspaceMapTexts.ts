/**
 * The texts of the map of the workspace's municipalities (WorkspaceMap.tsx, shown in Wie is wie).
 * Apart from texts.ts so Wie is wie does not carry the municipality page's texts.
 * workspaceMap.test.ts checks that both languages have the same keys and placeholders.
 */
import { useCallback } from 'react';
import type { Language, MessageVars } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';

const nl = {
  'title': 'Jouw gemeenten op de kaart',
  'intro': 'Zie in één oogopslag hoe het met je gemeenten gaat. Kies een gemeente om alles over die gemeente te zien.',
  'colouring': 'Kleur de kaart naar',
  'colouring.health': 'Relatie met de gemeente',
  'colouring.windows': 'Tijdvensters van je plannen',
  'mapTitle.health': 'Kaart: relatie met je gemeenten',
  'mapTitle.windows': 'Kaart: tijdvensters bij je gemeenten',
  'summary.count': 'Je werkt met {count} gemeenten.',
  'summary.count1': 'Je werkt met 1 gemeente.',
  'summary.action': 'Bij {count} is actie nodig.',
  'summary.attention': 'Bij {count} is aandacht nodig.',
  'summary.good': 'Bij {count} gaat het goed.',
  'summary.unknown': 'Van {count} is de relatie niet bekend.',
  'summary.open': 'Bij {count} is nu een tijdvenster open.',
  'summary.soon': 'Bij {count} opent een tijdvenster binnen 90 dagen.',
  'summary.none': 'Bij {count} is er geen tijdvenster in de komende 90 dagen.',
  'legend.action': 'Actie nodig',
  'legend.attention': 'Aandacht nodig',
  'legend.good': 'Goed',
  'legend.unknown': 'Onbekend',
  'legend.open': 'Tijdvenster nu open',
  'legend.soon': 'Tijdvenster opent binnen 90 dagen',
  'legend.none': 'Geen tijdvenster',
  'value.action': 'actie nodig',
  'value.attention': 'aandacht nodig',
  'value.good': 'relatie goed',
  'value.unknown': 'relatie onbekend',
  'value.open': 'tijdvenster open tot {date}',
  'value.soon': 'tijdvenster opent op {date}',
  'value.none': 'geen tijdvenster in de komende 90 dagen',
  'header.municipality': 'Gemeente',
  'header.health': 'Relatie',
  'header.windows': 'Tijdvenster',
  'header.why': 'Waarom',
  'header.plan': 'Plan en moment',
  'planWindow': '{plan}: {label}',
  'none': '—',
};

export type WorkspaceMapKey = keyof typeof nl;

const en: Record<WorkspaceMapKey, string> = {
  'title': 'Your municipalities on the map',
  'intro': 'See at a glance how things stand with your municipalities. Choose a municipality to see everything about it.',
  'colouring': 'Colour the map by',
  'colouring.health': 'Relationship with the municipality',
  'colouring.windows': 'Windows of your plans',
  'mapTitle.health': 'Map: relationship with your municipalities',
  'mapTitle.windows': 'Map: windows at your municipalities',
  'summary.count': 'You work with {count} municipalities.',
  'summary.count1': 'You work with 1 municipality.',
  'summary.action': 'Action is needed at {count}.',
  'summary.attention': 'Attention is needed at {count}.',
  'summary.good': 'Things are good at {count}.',
  'summary.unknown': 'The relationship is unknown at {count}.',
  'summary.open': 'A window is open now at {count}.',
  'summary.soon': 'A window opens within 90 days at {count}.',
  'summary.none': 'There is no window in the next 90 days at {count}.',
  'legend.action': 'Action needed',
  'legend.attention': 'Needs attention',
  'legend.good': 'Good',
  'legend.unknown': 'Unknown',
  'legend.open': 'Window open now',
  'legend.soon': 'Window opens within 90 days',
  'legend.none': 'No window',
  'value.action': 'action needed',
  'value.attention': 'needs attention',
  'value.good': 'relationship good',
  'value.unknown': 'relationship unknown',
  'value.open': 'window open until {date}',
  'value.soon': 'window opens on {date}',
  'value.none': 'no window in the next 90 days',
  'header.municipality': 'Municipality',
  'header.health': 'Relationship',
  'header.windows': 'Window',
  'header.why': 'Why',
  'header.plan': 'Plan and moment',
  'planWindow': '{plan}: {label}',
  'none': '—',
};

export const WORKSPACE_MAP_TEXTS: Record<Language, Record<WorkspaceMapKey, string>> = { nl, en };

export function workspaceMapText(language: Language, key: WorkspaceMapKey, vars?: MessageVars): string {
  const template = WORKSPACE_MAP_TEXTS[language][key] ?? nl[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

export type WorkspaceMapText = (key: WorkspaceMapKey, vars?: MessageVars) => string;

export function useWorkspaceMapText(): WorkspaceMapText {
  const { language } = useI18n();
  return useCallback((key, vars) => workspaceMapText(language, key, vars), [language]);
}
