/**
 * The texts of the home page "Overzicht". They live here, not in nl.json/en.json, so they travel
 * with the lazy overview chunk instead of the first bundle (like the other areas' texts.ts).
 * overview.test.ts checks that both languages have the same keys and placeholders.
 */
import { useCallback } from 'react';
import type { Language, MessageVars } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';

const nl = {
  'actNow.title': 'Nu doen',
  'actNow.intro': 'Dit vraagt nu uw aandacht. Het belangrijkste staat bovenaan.',
  'actNow.empty': 'Er is nu niets te doen. Goed bezig!',
  'actNow.listLabel': 'Nu doen: {count} punten',
  'actNow.due': 'Datum: {date}',
  'actNow.noDue': 'Geen datum',
  'actNow.mine': 'Voor u',
  'actNow.open': 'Openen',
  'actNow.done': 'Klaar, verbergen',
  'actNow.later': 'Later',
  'actNow.tomorrow': 'Morgen ({date})',
  'actNow.nextWeek': 'Volgende week ({date})',
  'actNow.pickDate': 'Kies een dag',
  'actNow.pickDateHint': 'Het punt komt op die dag terug in de lijst.',
  'actNow.pickDateSubmit': 'Verbergen tot die dag',
  'actNow.pickDateError': 'Kies een dag na vandaag, binnen een jaar.',
  'actNow.dismissed': '“{title}” is verborgen.',
  'actNow.snoozed': '“{title}” komt terug op {date}.',
  'actNow.undo': 'Ongedaan maken',
  'actNow.restored': '“{title}” staat weer in de lijst.',
  'actNow.failed': 'Dat lukte niet. Probeer het nog eens.',
  'module.relations': 'Contacten en afspraken',
  'module.feedback': 'Cliëntfeedback',
  'module.calendar': 'Beleidskalender',
  'module.scans': 'Samenwerkingsscan',
  'figures.title': 'Kerncijfers',
  'figures.nps': 'NPS van de laatste 30 dagen',
  'figures.npsNone': 'Nog geen antwoorden in de laatste 30 dagen.',
  'figures.npsFew': 'Te weinig antwoorden voor een betrouwbare score ({n} antwoorden, minstens 30 nodig).',
  'figures.npsInterval': '95%-interval: {low} tot {high}',
  'figures.npsAnswers': '{n} antwoorden',
  'figures.trendUp': '{delta} hoger dan de 30 dagen daarvoor ({before})',
  'figures.trendDown': '{delta} lager dan de 30 dagen daarvoor ({before})',
  'figures.trendSame': 'Gelijk aan de 30 dagen daarvoor ({before})',
  'figures.trendNone': 'Geen vergelijking met de 30 dagen daarvoor: te weinig antwoorden.',
  'figures.npsLink': 'Naar Cliëntfeedback',
  'figures.callbacks': 'Terugbelverzoeken',
  'figures.callbacksValue': '{open} open, waarvan {overdue} te laat',
  'figures.callbacksLink': 'Naar de terugbelverzoeken',
  'figures.agreements': 'Afspraken',
  'figures.agreementsValue': '{open} lopend, waarvan {overdue} over de datum',
  'figures.agreementsLink': 'Naar de afspraken',
  'figures.cycle': 'Beleidskalender',
  'figures.cycleValue': '{count} momenten in de komende 30 dagen',
  'figures.cycleLink': 'Naar de Beleidskalender',
  'onboarding.title': 'Eerste stappen',
  'onboarding.intro': 'Uw werkruimte is nog leeg. Met deze stappen komt er snel iets te staan.',
  'onboarding.done': 'Klaar',
  'onboarding.todo': 'Nog te doen',
  'onboarding.municipalities': 'Gemeenten toevoegen in Wie is wie',
  'onboarding.municipalities.body': 'Kies de gemeenten waar u mee werkt. Dan ziet u wie daar belangrijk is.',
  'onboarding.people': 'Mensen inlezen',
  'onboarding.people.body': 'Zet wethouders, raadsleden en beleidsadviseurs in één keer erin met een bestand.',
  'onboarding.plan': 'Een eerste plan maken',
  'onboarding.plan.body': 'Schrijf op wat u met de gemeente wilt bereiken. U ziet dan wanneer u moet praten.',
  'onboarding.survey': 'Een eerste vragenlijst starten',
  'onboarding.survey.body': 'Vraag cliënten met vier korte vragen wat zij van uw hulp vinden.',
  'workspace.title': 'Over deze werkruimte',
  'workspace.name': 'Naam',
  'workspace.kind': 'Soort organisatie',
  'workspace.role': 'Uw rol',
};

type OverviewKey = keyof typeof nl;

const en: Record<OverviewKey, string> = {
  'actNow.title': 'Act now',
  'actNow.intro': 'These need your attention now. The most important is at the top.',
  'actNow.empty': 'There is nothing to do right now. Well done!',
  'actNow.listLabel': 'Act now: {count} items',
  'actNow.due': 'Date: {date}',
  'actNow.noDue': 'No date',
  'actNow.mine': 'For you',
  'actNow.open': 'Open',
  'actNow.done': 'Done, hide',
  'actNow.later': 'Later',
  'actNow.tomorrow': 'Tomorrow ({date})',
  'actNow.nextWeek': 'Next week ({date})',
  'actNow.pickDate': 'Pick a day',
  'actNow.pickDateHint': 'The item comes back to the list on that day.',
  'actNow.pickDateSubmit': 'Hide until that day',
  'actNow.pickDateError': 'Pick a day after today, within a year.',
  'actNow.dismissed': '“{title}” is hidden.',
  'actNow.snoozed': '“{title}” comes back on {date}.',
  'actNow.undo': 'Undo',
  'actNow.restored': '“{title}” is back in the list.',
  'actNow.failed': 'That did not work. Please try again.',
  'module.relations': 'Interactions and agreements',
  'module.feedback': 'Client feedback',
  'module.calendar': 'Policy calendar',
  'module.scans': 'Partnership scan',
  'figures.title': 'Key figures',
  'figures.nps': 'NPS of the last 30 days',
  'figures.npsNone': 'No responses in the last 30 days yet.',
  'figures.npsFew': 'Too few responses for a reliable score ({n} responses, at least 30 needed).',
  'figures.npsInterval': '95% interval: {low} to {high}',
  'figures.npsAnswers': '{n} responses',
  'figures.trendUp': '{delta} higher than the 30 days before ({before})',
  'figures.trendDown': '{delta} lower than the 30 days before ({before})',
  'figures.trendSame': 'The same as the 30 days before ({before})',
  'figures.trendNone': 'No comparison with the 30 days before: too few responses.',
  'figures.npsLink': 'Go to Client feedback',
  'figures.callbacks': 'Callbacks',
  'figures.callbacksValue': '{open} open, {overdue} of them late',
  'figures.callbacksLink': 'Go to the callbacks',
  'figures.agreements': 'Agreements',
  'figures.agreementsValue': '{open} running, {overdue} of them past their date',
  'figures.agreementsLink': 'Go to the agreements',
  'figures.cycle': 'Policy calendar',
  'figures.cycleValue': '{count} moments in the next 30 days',
  'figures.cycleLink': 'Go to the Policy calendar',
  'onboarding.title': 'First steps',
  'onboarding.intro': 'Your workspace is still empty. These steps fill it quickly.',
  'onboarding.done': 'Done',
  'onboarding.todo': 'To do',
  'onboarding.municipalities': 'Add municipalities in Who is who',
  'onboarding.municipalities.body': 'Choose the municipalities you work with. Then you see who matters there.',
  'onboarding.people': 'Import people',
  'onboarding.people.body': 'Add aldermen, council members and policy advisers at once from a file.',
  'onboarding.plan': 'Make a first plan',
  'onboarding.plan.body': 'Write down what you want to achieve with the municipality. Then you see when to talk.',
  'onboarding.survey': 'Start a first survey',
  'onboarding.survey.body': 'Ask clients four short questions about your help.',
  'workspace.title': 'About this workspace',
  'workspace.name': 'Name',
  'workspace.kind': 'Kind of organisation',
  'workspace.role': 'Your role',
};

export const OVERVIEW_TEXTS: Record<Language, Record<OverviewKey, string>> = { nl, en };

export function overviewText(language: Language, key: OverviewKey, vars?: MessageVars): string {
  const template = OVERVIEW_TEXTS[language][key] ?? nl[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

export type OverviewText = (key: OverviewKey, vars?: MessageVars) => string;

/** `ot(key, vars)` in the current UI language. */
export function useOverviewText(): OverviewText {
  const { language } = useI18n();
  return useCallback((key, vars) => overviewText(language, key, vars), [language]);
}
