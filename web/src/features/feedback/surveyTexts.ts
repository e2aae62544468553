/**
 * The texts of a survey's own page and its "Persoonlijke links versturen". They live here, not in
 * nl.json/en.json, so they travel with the feedback area's lazy pages instead of the first bundle
 * (see web/PERFORMANCE-NOTES.md). personalLinks.test.ts checks that both languages have the same
 * keys and placeholders.
 */
import { useCallback } from 'react';
import type { Language, MessageVars } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';

const nl = {
  'card.personalLinks': 'Persoonlijke links versturen',
  'card.personalLinksNoMail': 'Persoonlijke links maken',
  'page.back': 'Terug naar de vragenlijsten',
  'page.documentTitle': 'Vragenlijst',
  'page.closed': 'Deze vragenlijst is gesloten. De links werken niet. Open de vragenlijst weer op de pagina met vragenlijsten als je links wilt versturen.',
  'page.viewer': 'Je kunt hier alleen kijken. Vraag een bewerker of eigenaar als je links wilt versturen.',

  'send.title': 'Persoonlijke links versturen',
  'send.titleNoMail': 'Persoonlijke links maken',
  'send.intro': 'Iedere cliënt krijgt een eigen link naar deze vragenlijst. Die link werkt één keer.',
  'send.introMail': 'aantafel stuurt de link per e-mail. Het e-mailadres wordt alleen bewaard tot de herinnering is verstuurd.',
  'send.pause': 'Kreeg iemand in de afgelopen {days} dagen al een uitnodiging voor een vragenlijst? Dan slaat aantafel dat adres over. Zo krijgt niemand te vaak een vragenlijst.',
  'send.pauseOne': 'Kreeg iemand in de afgelopen dag al een uitnodiging voor een vragenlijst? Dan slaat aantafel dat adres over. Zo krijgt niemand te vaak een vragenlijst.',
  'field.addresses': 'E-mailadressen',
  'field.addressesHint': 'Zet op elke regel één e-mailadres. Wil je een eigen kenmerk bij de link, zoals een dossiernummer? Zet dat dan vóór het adres, met een puntkomma ertussen. Bijvoorbeeld: 2026-041;naam@voorbeeld.nl. Zet geen namen in het kenmerk.',
  'field.days': 'Hoeveel dagen werkt de link?',
  'field.daysHint': 'Tussen 1 en 90 dagen.',
  'submit.mail': 'Links versturen',
  'submit.noMail': 'Links maken',
  'busy': 'Bezig met versturen…',
  'busyNoMail': 'Bezig met maken…',

  'error.form': 'Niet alles is goed ingevuld. Kijk bij de velden met een melding.',
  'error.none': 'Vul minstens één e-mailadres in.',
  'error.tooMany': 'Je kunt maximaal {max} adressen tegelijk invullen. Nu zijn het er {count}.',
  'error.days': 'Vul een heel getal in van 1 tot en met 90.',
  'error.line': 'Regel {line}: {problem}',
  'error.more': 'En op nog {count} andere regels.',
  'problem.email': 'dit is geen goed e-mailadres.',
  'problem.format': 'zet er alleen een kenmerk, een puntkomma en een e-mailadres op.',
  'problem.several': 'zet op elke regel maar één e-mailadres.',
  'problem.emailTooLong': 'dit e-mailadres is te lang.',
  'problem.referenceTooLong': 'het kenmerk is te lang. Het mag maximaal 100 tekens hebben.',
  'problem.duplicate': 'dit e-mailadres staat ook op regel {other}.',
  'problem.duplicateReference': 'dit kenmerk staat ook op regel {other}. Geef iedere regel een eigen kenmerk.',

  'result.mailed': '{count} links zijn per e-mail verstuurd.',
  'result.mailedOne': '1 link is per e-mail verstuurd.',
  'result.made': '{count} links zijn gemaakt.',
  'result.madeOne': '1 link is gemaakt.',
  'result.nothing': 'Er zijn geen nieuwe links gemaakt.',
  'result.skipped': '{count} adressen zijn overgeslagen. Zij kregen in de afgelopen {days} dagen al een uitnodiging voor een vragenlijst. Zo krijgt niemand te vaak een vragenlijst.',
  'result.skippedOne': '1 adres is overgeslagen. Deze persoon kreeg in de afgelopen {days} dagen al een uitnodiging voor een vragenlijst. Zo krijgt niemand te vaak een vragenlijst.',
  'result.skippedList': 'Overgeslagen adressen',
  'result.line': 'regel {line}',
  'result.toCopy': 'Deze links zijn niet per e-mail verstuurd. Kopieer ze en geef iedere cliënt de eigen link. Je ziet ze alleen nu.',
  'result.caption': 'Links om zelf door te geven',
  'result.done': 'Ik heb de links bewaard',
  'result.close': 'Klaar',
};

export type SurveyKey = keyof typeof nl;

const en: Record<SurveyKey, string> = {
  'card.personalLinks': 'Send personal links',
  'card.personalLinksNoMail': 'Make personal links',
  'page.back': 'Back to the surveys',
  'page.documentTitle': 'Survey',
  'page.closed': 'This survey is closed. The links do not work. Open the survey again on the surveys page if you want to send links.',
  'page.viewer': 'You can only look here. Ask an editor or owner if you want to send links.',

  'send.title': 'Send personal links',
  'send.titleNoMail': 'Make personal links',
  'send.intro': 'Every client gets their own link to this survey. That link works once.',
  'send.introMail': 'aantafel sends the link by e-mail. The e-mail address is only kept until the reminder has been sent.',
  'send.pause': 'Did someone already get an invitation to a survey in the last {days} days? Then aantafel skips that address. This way nobody gets a survey too often.',
  'send.pauseOne': 'Did someone already get an invitation to a survey in the last day? Then aantafel skips that address. This way nobody gets a survey too often.',
  'field.addresses': 'E-mail addresses',
  'field.addressesHint': 'Put one e-mail address on each line. Do you want your own reference with the link, such as a file number? Then put it before the address, with a semicolon in between. For example: 2026-041;name@example.com. Do not put names in the reference.',
  'field.days': 'For how many days does the link work?',
  'field.daysHint': 'Between 1 and 90 days.',
  'submit.mail': 'Send links',
  'submit.noMail': 'Make links',
  'busy': 'Sending…',
  'busyNoMail': 'Making…',

  'error.form': 'Not everything is filled in correctly. Look at the fields with a message.',
  'error.none': 'Fill in at least one e-mail address.',
  'error.tooMany': 'You can fill in at most {max} addresses at a time. Now there are {count}.',
  'error.days': 'Fill in a whole number from 1 to 90.',
  'error.line': 'Line {line}: {problem}',
  'error.more': 'And on {count} other lines.',
  'problem.email': 'this is not a valid e-mail address.',
  'problem.format': 'put only a reference, a semicolon and an e-mail address on it.',
  'problem.several': 'put only one e-mail address on each line.',
  'problem.emailTooLong': 'this e-mail address is too long.',
  'problem.referenceTooLong': 'the reference is too long. It can have at most 100 characters.',
  'problem.duplicate': 'this e-mail address is also on line {other}.',
  'problem.duplicateReference': 'this reference is also on line {other}. Give each line its own reference.',

  'result.mailed': '{count} links have been sent by e-mail.',
  'result.mailedOne': '1 link has been sent by e-mail.',
  'result.made': '{count} links have been made.',
  'result.madeOne': '1 link has been made.',
  'result.nothing': 'No new links have been made.',
  'result.skipped': '{count} addresses have been skipped. They already got an invitation to a survey in the last {days} days. This way nobody gets a survey too often.',
  'result.skippedOne': '1 address has been skipped. This person already got an invitation to a survey in the last {days} days. This way nobody gets a survey too often.',
  'result.skippedList': 'Skipped addresses',
  'result.line': 'line {line}',
  'result.toCopy': 'These links have not been sent by e-mail. Copy them and give each client their own link. You see them only now.',
  'result.caption': 'Links to pass on yourself',
  'result.done': 'I have kept the links',
  'result.close': 'Done',
};

export const SURVEY_TEXTS: Record<Language, Record<SurveyKey, string>> = { nl, en };

export function surveyText(language: Language, key: SurveyKey, vars?: MessageVars): string {
  const template = SURVEY_TEXTS[language][key] ?? nl[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** `sv(key, vars)` in the current UI language. */
export function useSurveyText(): (key: SurveyKey, vars?: MessageVars) => string {
  const { language } = useI18n();
  return useCallback((key, vars) => surveyText(language, key, vars), [language]);
}
