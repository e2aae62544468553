/**
 * The texts of single sign-on on the login page (button, and what went wrong when the provider
 * sent the person back with `?sso_error=`) and of the page a workspace shows when it asks for
 * single sign-on. The invitation page's and the settings' texts are with those pages
 * (account/texts.ts, settings/texts.ts). sso.test.ts checks that both languages have the same
 * keys and placeholders, and that the Dutch says "je" (like the whole app, see i18n/voice.test.ts).
 */
import { useCallback } from 'react';
import type { Language, MessageVars } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';

const nl = {
  'label.fallback': 'je organisatie-account',
  'button': 'Inloggen met {label}',
  'starting': 'Je gaat naar {label}…',
  'login.intro': 'Log in met het account dat je op je werk gebruikt.',
  'login.passwordTitle': 'Of log in met e-mailadres en wachtwoord',
  'login.passwordIntro':
    'Heb je een wachtwoord voor aantafel gekozen, bijvoorbeeld toen je een uitnodiging aannam? Log dan hier in.',

  // ?sso_error=… on the login page: what happened, and what to do now.
  'error.title': 'Inloggen met {label} is niet gelukt',
  'error.codeLabel': 'Code voor de ICT-beheerder:',
  'error.domain': 'Je organisatie-account hoort niet bij een organisatie die deze aantafel gebruikt.',
  'error.domainTodo':
    'Vraag een eigenaar om een uitnodiging. Je krijgt dan een e-mail met een link. Met die link kun je de uitnodiging aannemen.',
  'error.otherAddress': 'Je hebt ingelogd met een ander account dan het e-mailadres van de uitnodiging.',
  'error.otherAddressTodo':
    'Open de link in de uitnodiging opnieuw en log in met het account van dat e-mailadres. Of vraag de eigenaar om een uitnodiging voor het e-mailadres van je organisatie-account.',
  'error.invitation': 'De uitnodiging werkt niet meer: de link is verlopen of al gebruikt.',
  'error.invitationTodo':
    'Vraag de eigenaar van de werkruimte om je opnieuw uit te nodigen. Heb je de uitnodiging al aangenomen? Log dan gewoon in.',
  'error.retry': 'Het inloggen is onderbroken, of het duurde te lang.',
  'error.retryTodo': 'Probeer het opnieuw met de knop "Inloggen met {label}" hieronder.',
  'error.mfa': 'Je organisatie vraagt bij het inloggen om een extra controle, bijvoorbeeld een code op je telefoon. Die controle is niet gedaan.',
  'error.mfaTodo': 'Probeer het opnieuw en doe de extra controle. Lukt dat niet? Vraag dan je ICT-beheerder om hulp.',
  'error.account': 'Je organisatie-account geeft aantafel niet de gegevens die nodig zijn om je in te laten loggen.',
  'error.accountTodo': 'Dit kun je niet zelf oplossen. Vraag je ICT-beheerder om hulp en geef de code hieronder door.',
  'error.unavailable': '{label} is nu niet bereikbaar.',
  'error.unavailableTodo':
    'Probeer het over een paar minuten opnieuw. Blijft het misgaan? Vraag dan je ICT-beheerder om hulp.',
  'error.provider': '{label} heeft het inloggen niet toegestaan, of het inloggen is afgebroken.',
  'error.providerTodo':
    'Probeer het opnieuw. Lukt het weer niet? Vraag dan je ICT-beheerder om hulp en geef de code hieronder door.',
  'error.technical': 'aantafel kon het antwoord van {label} niet goed controleren. Daarom ben je niet ingelogd.',
  'error.technicalTodo':
    'Probeer het opnieuw. Lukt het weer niet? Dan moet je ICT-beheerder iets aanpassen. Geef de code hieronder door.',
  'error.signedIn': 'Je bent nog ingelogd zoals eerst.',
  'error.continue': 'Verder naar aantafel',

  // A workspace that opens only after signing in with single sign-on (403 sso_required).
  'required.title': 'Voor {workspace} moet je inloggen met {label}',
  'required.titleNoName': 'Voor deze werkruimte moet je inloggen met {label}',
  'required.body':
    'Deze werkruimte opent alleen als je inlogt met het account dat je op je werk gebruikt. Je bent nu ingelogd met een e-mailadres en wachtwoord. Dat is voor deze werkruimte niet genoeg.',
  'required.after': 'Na het inloggen kom je vanzelf terug op deze pagina.',
  'required.notConfigured':
    'Op deze server is inloggen met een organisatie-account (single sign-on) niet ingesteld. Vraag de beheerder van aantafel in je organisatie om hulp.',
  'required.others': 'Of ga naar een andere werkruimte:',
};

export type SsoKey = keyof typeof nl;

const en: Record<SsoKey, string> = {
  'label.fallback': 'your organisation account',
  'button': 'Log in with {label}',
  'starting': 'Taking you to {label}…',
  'login.intro': 'Log in with the account you use at work.',
  'login.passwordTitle': 'Or log in with e-mail address and password',
  'login.passwordIntro':
    'Did you choose a password for aantafel, for example when you accepted an invitation? Then log in here.',

  'error.title': 'Logging in with {label} did not succeed',
  'error.codeLabel': 'Code for the IT administrator:',
  'error.domain': 'Your organisation account does not belong to an organisation that uses this aantafel.',
  'error.domainTodo':
    'Ask an owner for an invitation. You then get an e-mail with a link. With that link you can accept the invitation.',
  'error.otherAddress': 'You logged in with another account than the e-mail address of the invitation.',
  'error.otherAddressTodo':
    'Open the link in the invitation again and log in with the account of that e-mail address. Or ask the owner for an invitation to the e-mail address of your organisation account.',
  'error.invitation': 'The invitation no longer works: the link has expired or was already used.',
  'error.invitationTodo':
    'Ask the owner of the workspace to invite you again. Did you already accept the invitation? Then simply log in.',
  'error.retry': 'Logging in was interrupted, or it took too long.',
  'error.retryTodo': 'Please try again with the button "Log in with {label}" below.',
  'error.mfa': 'Your organisation asks for an extra check when you log in, for example a code on your phone. That check was not done.',
  'error.mfaTodo': 'Please try again and do the extra check. Does that not work? Then ask your IT administrator for help.',
  'error.account': 'Your organisation account does not give aantafel the details it needs to log you in.',
  'error.accountTodo': 'You cannot fix this yourself. Ask your IT administrator for help and pass on the code below.',
  'error.unavailable': '{label} cannot be reached right now.',
  'error.unavailableTodo':
    'Please try again in a few minutes. Does it keep going wrong? Then ask your IT administrator for help.',
  'error.provider': '{label} did not allow the login, or the login was stopped.',
  'error.providerTodo':
    'Please try again. Does it not work again? Then ask your IT administrator for help and pass on the code below.',
  'error.technical': 'aantafel could not check the answer from {label} properly. So you are not logged in.',
  'error.technicalTodo':
    'Please try again. Does it not work again? Then your IT administrator has to change something. Pass on the code below.',
  'error.signedIn': 'You are still logged in as before.',
  'error.continue': 'Continue to aantafel',

  'required.title': 'For {workspace} you need to log in with {label}',
  'required.titleNoName': 'For this workspace you need to log in with {label}',
  'required.body':
    'This workspace only opens when you log in with the account you use at work. You are now logged in with an e-mail address and password. That is not enough for this workspace.',
  'required.after': 'After logging in you come back to this page.',
  'required.notConfigured':
    'Logging in with an organisation account (single sign-on) is not set up on this server. Ask the administrator of aantafel in your organisation for help.',
  'required.others': 'Or go to another workspace:',
};

export const SSO_TEXTS: Record<Language, Record<SsoKey, string>> = { nl, en };

export function ssoText(language: Language, key: SsoKey, vars?: MessageVars): string {
  const template = SSO_TEXTS[language][key] ?? nl[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** `sso(key, vars)` in the current UI language. */
export function useSsoText(): (key: SsoKey, vars?: MessageVars) => string {
  const { language } = useI18n();
  return useCallback((key, vars) => ssoText(language, key, vars), [language]);
}
