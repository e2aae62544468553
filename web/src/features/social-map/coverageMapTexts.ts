/**
 * The texts of the coverage map (CoverageMap.tsx). Apart from texts.ts, so the municipality page
 * can show the map without carrying all of the Sociale kaart's texts. coverageMap.test.ts checks
 * that both languages have the same keys and placeholders.
 */
import { useCallback } from 'react';
import type { Language, MessageVars } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';

const nl = {
  'title': 'Kaart: aanbod per wijk in {municipality}',
  'titleDomain': 'Kaart: aanbod van {domain} per wijk in {municipality}',
  'titleHoods': 'Kaart: aanbod per buurt in {municipality}',
  'titleHoodsDomain': 'Kaart: aanbod van {domain} per buurt in {municipality}',
  'level': 'Toon het aanbod in',
  'level.districts': 'Wijken',
  'level.neighbourhoods': 'Buurten',
  'hoods.summary.gap': 'In {count} van de {total} buurten is geen aanbieder.',
  'hoods.summary.gap1': 'In 1 van de {total} buurten is geen aanbieder.',
  'hoods.summary.single': 'In {count} buurten is maar één aanbieder.',
  'hoods.summary.single1': 'In 1 buurt is maar één aanbieder.',
  'hoods.summary.covered': 'In {count} buurten zijn twee of meer aanbieders.',
  'hoods.summary.covered1': 'In 1 buurt zijn twee of meer aanbieders.',
  'hoods.summary.noGap': 'In alle {total} buurten is minstens één aanbieder.',
  'hoods.summary.fromDistrict': 'Heeft een buurt geen eigen gegevens, dan telt het aanbod van de wijk.',
  'hoods.summary.none': 'Voor deze gemeente zijn geen buurten bekend.',
  'header.neighbourhood': 'Buurt',
  'header.inDistrict': 'In wijk',
  'summary.gap': 'In {count} van de {total} wijken is geen aanbieder.',
  'summary.gap1': 'In 1 van de {total} wijken is geen aanbieder.',
  'summary.single': 'In {count} wijken is maar één aanbieder.',
  'summary.single1': 'In 1 wijk is maar één aanbieder.',
  'summary.covered': 'In {count} wijken zijn twee of meer aanbieders.',
  'summary.covered1': 'In 1 wijk zijn twee of meer aanbieders.',
  'summary.noGap': 'In alle {total} wijken is minstens één aanbieder.',
  'summary.neighbourhoods': 'Voor wijken met buurten telt de buurt met de minste aanbieders.',
  'summary.none': 'Voor deze gemeente zijn geen wijken bekend.',
  'legend.gap': 'Geen aanbieder',
  'legend.single': 'Eén aanbieder',
  'legend.covered': 'Twee of meer aanbieders',
  'legend.districtBorder': 'Grens van een wijk',
  'value.gap': 'geen aanbieder',
  'value.single': 'één aanbieder',
  'value.covered': '{count} aanbieders',
  'header.district': 'Wijk',
  'header.value': 'Aanbod',
  'header.providers': 'Aanbieders',
  'header.gaps': 'Soorten hulp zonder aanbieder',
  'none': '—',
};

export type CoverageMapKey = keyof typeof nl;

const en: Record<CoverageMapKey, string> = {
  'title': 'Map: services per district in {municipality}',
  'titleDomain': 'Map: {domain} per district in {municipality}',
  'titleHoods': 'Map: services per neighbourhood in {municipality}',
  'titleHoodsDomain': 'Map: {domain} per neighbourhood in {municipality}',
  'level': 'Show the services by',
  'level.districts': 'Districts',
  'level.neighbourhoods': 'Neighbourhoods',
  'hoods.summary.gap': 'In {count} of the {total} neighbourhoods there is no provider.',
  'hoods.summary.gap1': 'In 1 of the {total} neighbourhoods there is no provider.',
  'hoods.summary.single': 'In {count} neighbourhoods there is only one provider.',
  'hoods.summary.single1': 'In 1 neighbourhood there is only one provider.',
  'hoods.summary.covered': 'In {count} neighbourhoods there are two or more providers.',
  'hoods.summary.covered1': 'In 1 neighbourhood there are two or more providers.',
  'hoods.summary.noGap': 'In all {total} neighbourhoods there is at least one provider.',
  'hoods.summary.fromDistrict': 'Where a neighbourhood has no data of its own, the services of its district count.',
  'hoods.summary.none': 'No neighbourhoods are known for this municipality.',
  'header.neighbourhood': 'Neighbourhood',
  'header.inDistrict': 'In district',
  'summary.gap': 'In {count} of the {total} districts there is no provider.',
  'summary.gap1': 'In 1 of the {total} districts there is no provider.',
  'summary.single': 'In {count} districts there is only one provider.',
  'summary.single1': 'In 1 district there is only one provider.',
  'summary.covered': 'In {count} districts there are two or more providers.',
  'summary.covered1': 'In 1 district there are two or more providers.',
  'summary.noGap': 'In all {total} districts there is at least one provider.',
  'summary.neighbourhoods': 'For districts with neighbourhoods, the neighbourhood with the fewest providers counts.',
  'summary.none': 'No districts are known for this municipality.',
  'legend.gap': 'No provider',
  'legend.single': 'One provider',
  'legend.covered': 'Two or more providers',
  'legend.districtBorder': 'Border of a district',
  'value.gap': 'no provider',
  'value.single': 'one provider',
  'value.covered': '{count} providers',
  'header.district': 'District',
  'header.value': 'Services',
  'header.providers': 'Providers',
  'header.gaps': 'Kinds of help without a provider',
  'none': '—',
};

export const COVERAGE_MAP_TEXTS: Record<Language, Record<CoverageMapKey, string>> = { nl, en };

export function coverageMapText(language: Language, key: CoverageMapKey, vars?: MessageVars): string {
  const template = COVERAGE_MAP_TEXTS[language][key] ?? nl[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

export type CoverageMapText = (key: CoverageMapKey, vars?: MessageVars) => string;

export function useCoverageMapText(): CoverageMapText {
  const { language } = useI18n();
  return useCallback((key, vars) => coverageMapText(language, key, vars), [language]);
}
