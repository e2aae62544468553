/**
 * The texts of "Mijn account" and of the pages people reach from an e-mail (accept an
 * invitation, forgotten password, new password). They live here, not in nl.json/en.json, so they
 * travel with these lazy pages instead of the first bundle (like the other areas' texts.ts).
 * account.test.ts checks that both languages have the same keys and placeholders.
 */
import { useCallback } from 'react';
import type { Language, MessageVars } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';

const nl = {
  // Shared by the pages with a new password.
  'password.new': 'Nieuw wachtwoord',
  'password.rule': 'Minstens 10 tekens. Tip: een zin van een paar woorden kun je goed onthouden en is moeilijk te raden.',
  'password.required': 'Vul een wachtwoord in.',
  'password.tooShort': 'Gebruik minstens 10 tekens. Nu zijn het er {count}.',
  'password.repeat': 'Herhaal het nieuwe wachtwoord',
  'password.repeatRequired': 'Vul het wachtwoord nog een keer in.',
  'password.mismatch': 'De twee wachtwoorden zijn niet hetzelfde. Typ ze nog een keer.',
  'link.missingTitle': 'De link is niet compleet',
  'link.missingBody':
    'Het laatste deel van de link ontbreekt. Kopieer de hele link uit de e-mail en plak die in de adresbalk van je browser.',
  'toLogin': 'Naar de inlogpagina',

  // What a role means (the role's name itself is role.* in nl.json).
  'roleMeaning.owner':
    'Een eigenaar kan alles in deze werkruimte: gegevens bekijken en wijzigen, collega\'s uitnodigen en hun rol kiezen.',
  'roleMeaning.editor': 'Een bewerker kan gegevens bekijken, toevoegen en wijzigen.',
  'roleMeaning.viewer': 'Een lezer kan alles bekijken, maar niets wijzigen.',

  // /invitation#…
  'invitation.pageTitle': 'Uitnodiging',
  'invitation.loading': 'De uitnodiging wordt opgehaald…',
  'invitation.title': 'Uitnodiging voor {workspace}',
  'invitation.intro': '{inviter} nodigt je uit om samen te werken in de werkruimte {workspace} in aantafel.',
  'invitation.introNoInviter': 'Je bent uitgenodigd om samen te werken in de werkruimte {workspace} in aantafel.',
  'invitation.email': 'Voor',
  'invitation.role': 'Jouw rol',
  'invitation.validUntil': 'Link werkt tot',
  'invitation.existingTitle': 'Log in om de uitnodiging aan te nemen',
  'invitation.existingIntro': 'Er is al een account met het e-mailadres {email}. Vul het wachtwoord van dat account in.',
  'invitation.password': 'Wachtwoord',
  'invitation.passwordRequired': 'Vul je wachtwoord in.',
  'invitation.forgot': 'Wachtwoord vergeten?',
  'invitation.acceptExisting': 'Inloggen en uitnodiging aannemen',
  'invitation.newTitle': 'Maak je account',
  'invitation.newIntro':
    'Je account hoort bij het e-mailadres {email}. Kies de naam die je collega\'s zien, en een wachtwoord.',
  'invitation.name': 'Jouw naam',
  'invitation.nameHint': 'Bijvoorbeeld: Sanne de Vries.',
  'invitation.nameRequired': 'Vul je naam in.',
  'invitation.acceptNew': 'Account maken en uitnodiging aannemen',
  'invitation.accepting': 'Bezig met aannemen…',
  'invitation.ssoTitle': 'Aannemen met het account van je werk',
  'invitation.ssoIntro':
    'Gebruik je op je werk {label}? Neem de uitnodiging dan daarmee aan. Je hoeft dan geen wachtwoord te kiezen. Log in met het account van {email}.',
  'invitation.ssoButton': 'Aannemen met {label}',
  'invitation.existingTitleOr': 'Of log in met je wachtwoord',
  'invitation.newTitleOr': 'Of maak een account met een wachtwoord',
  'invitation.expiredTitle': 'Deze uitnodiging werkt niet meer',
  'invitation.expiredBody': 'De link is verlopen of al gebruikt. Een uitnodiging werkt één keer, en 7 dagen lang.',
  'invitation.expiredWhat':
    'Vraag de eigenaar van de werkruimte om je opnieuw uit te nodigen. Je krijgt dan een nieuwe e-mail.',
  'invitation.expiredLogin': 'Heb je de uitnodiging al aangenomen? Dan kun je gewoon inloggen.',

  // /password/forgot
  'forgot.title': 'Wachtwoord vergeten',
  'forgot.intro':
    'Vul het e-mailadres van je account in. Je krijgt dan een e-mail met een link. Met die link kies je een nieuw wachtwoord.',
  'forgot.email': 'E-mailadres',
  'forgot.emailRequired': 'Vul je e-mailadres in.',
  'forgot.submit': 'Stuur mij een link',
  'forgot.submitting': 'Bezig met versturen…',
  'forgot.sent': 'Als er een account is met dit adres, hebben wij een e-mail gestuurd. De link werkt 60 minuten.',
  'forgot.sentHint': 'Zie je geen e-mail? Kijk dan ook in de map met ongewenste e-mail (spam).',
  'forgot.notConfigured':
    'Deze server kan geen e-mail versturen. Vraag de beheerder van aantafel in je organisatie om je te helpen aan een nieuw wachtwoord.',
  'forgot.back': 'Terug naar inloggen',

  // /password/reset#…
  'reset.title': 'Nieuw wachtwoord kiezen',
  'reset.intro':
    'Kies een nieuw wachtwoord voor je account. Daarna ben je hier ingelogd. Op andere apparaten ben je dan uitgelogd.',
  'reset.submit': 'Wachtwoord opslaan',
  'reset.submitting': 'Bezig met opslaan…',
  'reset.expiredTitle': 'Deze link werkt niet meer',
  'reset.expiredBody':
    'De link is verlopen of al gebruikt. Een link voor een nieuw wachtwoord werkt één keer, en 60 minuten lang.',
  'reset.askNew': 'Vraag een nieuwe link aan',

  // /account
  'account.title': 'Mijn account',
  'account.intro':
    'Hier wijzig je je naam, taal en wachtwoord. Je ziet ook op welke apparaten je bent ingelogd, en je kiest welke e-mail je van aantafel krijgt.',
  'account.back': 'Terug naar {workspace}',
  'account.sectionsLabel': 'Op deze pagina',

  'profile.title': 'Jouw gegevens',
  'profile.name': 'Naam',
  'profile.nameHint': 'Deze naam zien je collega\'s.',
  'profile.nameRequired': 'Vul je naam in.',
  'profile.email': 'E-mailadres',
  'profile.emailNote': 'Je e-mailadres kun je niet zelf wijzigen. Vraag dat aan de beheerder van aantafel.',
  'profile.language': 'Taal',
  'profile.languageHint': 'In deze taal zie je aantafel en krijg je e-mails van aantafel.',
  'profile.save': 'Gegevens opslaan',
  'profile.saving': 'Bezig met opslaan…',
  'profile.saved': 'Je gegevens zijn opgeslagen.',

  'passwordChange.title': 'Wachtwoord wijzigen',
  'passwordChange.intro':
    'Na het wijzigen ben je op alle andere apparaten uitgelogd. Op dit apparaat blijf je ingelogd.',
  'passwordChange.ssoNote':
    'Je bent nu ingelogd met single sign-on. Dan heb je voor aantafel misschien geen eigen wachtwoord. Wil je er toch een? Kies dan "Huidig wachtwoord vergeten?". Je krijgt dan een e-mail met een link.',
  'passwordChange.current': 'Huidig wachtwoord',
  'passwordChange.currentRequired': 'Vul je huidige wachtwoord in.',
  'passwordChange.forgot': 'Huidig wachtwoord vergeten?',
  'passwordChange.submit': 'Wachtwoord wijzigen',
  'passwordChange.submitting': 'Bezig met wijzigen…',
  'passwordChange.done': 'Je wachtwoord is gewijzigd. Op andere apparaten ben je nu uitgelogd.',

  'sessions.title': 'Waar je bent ingelogd',
  'sessions.intro':
    'Op deze apparaten en browsers ben je nu ingelogd. Herken je er een niet? Log daar dan uit en wijzig je wachtwoord.',
  'sessions.listLabel': 'Apparaten waarop je bent ingelogd',
  'sessions.device': '{browser} op {os}',
  'sessions.unknownDevice': 'Onbekende browser',
  'sessions.unknownOs': 'een onbekend systeem',
  'sessions.thisDevice': 'dit apparaat',
  'sessions.viaSso': 'via single sign-on',
  'sessions.since': 'Ingelogd sinds',
  'sessions.until': 'Blijft ingelogd tot',
  'sessions.address': 'Internetadres',
  'sessions.unknownAddress': 'onbekend',
  'sessions.end': 'Uitloggen',
  'sessions.endFor': 'op {device}, ingelogd sinds {date}',
  'sessions.ending': 'Bezig met uitloggen…',
  'sessions.ended': 'Je bent uitgelogd op {device}.',
  'sessions.endOthers': 'Overal anders uitloggen',
  'sessions.endingOthers': 'Bezig met uitloggen…',
  'sessions.endedOthers': 'Je bent op {count} andere apparaten uitgelogd.',
  'sessions.endedOthers1': 'Je bent op 1 ander apparaat uitgelogd.',
  'sessions.endedNone': 'Je was nergens anders ingelogd.',
  'sessions.onlyThis': 'Je bent alleen op dit apparaat ingelogd.',

  // Recent sign-ins (GET /api/v1/account/sign-ins).
  'signIns.title': 'Recente aanmeldingen',
  'signIns.intro':
    'Hier zie je wanneer iemand op je account heeft ingelogd, en wanneer dat niet lukte. Zo merk je het als iemand anders je wachtwoord probeert.',
  'signIns.outcome.signed_in': 'Ingelogd',
  'signIns.outcome.single_sign_on': 'Ingelogd met single sign-on',
  'signIns.outcome.wrong_password': 'Verkeerd wachtwoord',
  'signIns.outcome.rate_limited': 'Geweigerd: te veel pogingen',
  'signIns.refused': 'niet gelukt',
  'signIns.refusedHint': 'Herken je dit niet? Verander dan je wachtwoord.',
  'signIns.at': 'Wanneer',
  'signIns.browser': 'Browser',
  'signIns.none': 'Er zijn nog geen aanmeldingen bekend.',
  'signIns.showAll': 'Toon alle {count}',
  'signIns.showFewer': 'Toon alleen de laatste {count}',

  'digest.title': 'E-mail met het overzicht',
  'digest.intro':
    'aantafel kan je een e-mail sturen met wat je aandacht vraagt: de punten van "Nu doen" in het Overzicht. Kies per werkruimte hoe vaak je die e-mail wilt krijgen.',
  'digest.label': 'Hoe vaak voor {workspace}?',
  'digest.none': 'Geen e-mail',
  'digest.daily': 'Elke dag',
  'digest.weekly': 'Elke week (op maandag)',
  'digest.save': 'Opslaan',
  'digest.for': 'voor {workspace}',
  'digest.saving': 'Bezig met opslaan…',
  'digest.saved': 'Opgeslagen. {workspace}: {choice}.',
  'digest.noWorkspaces': 'Je bent nog geen lid van een werkruimte. Daarom is er nog geen e-mail met het overzicht.',
};

export type AccountKey = keyof typeof nl;

const en: Record<AccountKey, string> = {
  'password.new': 'New password',
  'password.rule': 'At least 10 characters. Tip: a sentence of a few words is easy to remember and hard to guess.',
  'password.required': 'Please fill in a password.',
  'password.tooShort': 'Use at least 10 characters. You now have {count}.',
  'password.repeat': 'Repeat the new password',
  'password.repeatRequired': 'Please fill in the password once more.',
  'password.mismatch': 'The two passwords are not the same. Please type them again.',
  'link.missingTitle': 'The link is not complete',
  'link.missingBody':
    'The last part of the link is missing. Copy the whole link from the e-mail and paste it into the address bar of your browser.',
  'toLogin': 'To the login page',

  'roleMeaning.owner':
    'An owner can do everything in this workspace: view and change data, invite colleagues and choose their role.',
  'roleMeaning.editor': 'An editor can view, add and change data.',
  'roleMeaning.viewer': 'A viewer can see everything, but cannot change anything.',

  'invitation.pageTitle': 'Invitation',
  'invitation.loading': 'Fetching the invitation…',
  'invitation.title': 'Invitation to {workspace}',
  'invitation.intro': '{inviter} invites you to work together in the workspace {workspace} in aantafel.',
  'invitation.introNoInviter': 'You are invited to work together in the workspace {workspace} in aantafel.',
  'invitation.email': 'For',
  'invitation.role': 'Your role',
  'invitation.validUntil': 'Link works until',
  'invitation.existingTitle': 'Log in to accept the invitation',
  'invitation.existingIntro': 'There already is an account with the e-mail address {email}. Fill in the password of that account.',
  'invitation.password': 'Password',
  'invitation.passwordRequired': 'Please fill in your password.',
  'invitation.forgot': 'Forgot your password?',
  'invitation.acceptExisting': 'Log in and accept the invitation',
  'invitation.newTitle': 'Create your account',
  'invitation.newIntro':
    'Your account belongs to the e-mail address {email}. Choose the name your colleagues see, and a password.',
  'invitation.name': 'Your name',
  'invitation.nameHint': 'For example: Sanne de Vries.',
  'invitation.nameRequired': 'Please fill in your name.',
  'invitation.acceptNew': 'Create account and accept the invitation',
  'invitation.accepting': 'Accepting…',
  'invitation.ssoTitle': 'Accept with the account you use at work',
  'invitation.ssoIntro':
    'Do you use {label} at work? Then accept the invitation with it. You do not need to choose a password. Log in with the account of {email}.',
  'invitation.ssoButton': 'Accept with {label}',
  'invitation.existingTitleOr': 'Or log in with your password',
  'invitation.newTitleOr': 'Or create an account with a password',
  'invitation.expiredTitle': 'This invitation no longer works',
  'invitation.expiredBody': 'The link has expired or was already used. An invitation works once, for 7 days.',
  'invitation.expiredWhat': 'Ask the owner of the workspace to invite you again. You will then get a new e-mail.',
  'invitation.expiredLogin': 'Did you already accept the invitation? Then you can simply log in.',

  'forgot.title': 'Forgot your password',
  'forgot.intro':
    'Fill in the e-mail address of your account. You will then get an e-mail with a link. With that link you choose a new password.',
  'forgot.email': 'Email address',
  'forgot.emailRequired': 'Please fill in your e-mail address.',
  'forgot.submit': 'Send me a link',
  'forgot.submitting': 'Sending…',
  'forgot.sent': 'If there is an account with this address, we have sent an e-mail. The link works for 60 minutes.',
  'forgot.sentHint': 'No e-mail? Please also look in your junk mail (spam) folder.',
  'forgot.notConfigured':
    'This server cannot send e-mail. Ask the administrator of aantafel in your organisation to help you get a new password.',
  'forgot.back': 'Back to log in',

  'reset.title': 'Choose a new password',
  'reset.intro':
    'Choose a new password for your account. After that you are logged in here. On other devices you are then logged out.',
  'reset.submit': 'Save password',
  'reset.submitting': 'Saving…',
  'reset.expiredTitle': 'This link no longer works',
  'reset.expiredBody': 'The link has expired or was already used. A link for a new password works once, for 60 minutes.',
  'reset.askNew': 'Ask for a new link',

  'account.title': 'My account',
  'account.intro':
    'Here you change your name, language and password. You also see on which devices you are logged in, and you choose which e-mail you get from aantafel.',
  'account.back': 'Back to {workspace}',
  'account.sectionsLabel': 'On this page',

  'profile.title': 'Your details',
  'profile.name': 'Name',
  'profile.nameHint': 'Your colleagues see this name.',
  'profile.nameRequired': 'Please fill in your name.',
  'profile.email': 'Email address',
  'profile.emailNote': 'You cannot change your e-mail address yourself. Ask the administrator of aantafel.',
  'profile.language': 'Language',
  'profile.languageHint': 'You see aantafel and get e-mails from aantafel in this language.',
  'profile.save': 'Save details',
  'profile.saving': 'Saving…',
  'profile.saved': 'Your details have been saved.',

  'passwordChange.title': 'Change password',
  'passwordChange.intro': 'After the change you are logged out on all other devices. On this device you stay logged in.',
  'passwordChange.ssoNote':
    'You are now logged in with single sign-on. Then you may not have a password of your own for aantafel. Do you want one anyway? Choose "Forgot your current password?". You will then get an e-mail with a link.',
  'passwordChange.current': 'Current password',
  'passwordChange.currentRequired': 'Please fill in your current password.',
  'passwordChange.forgot': 'Forgot your current password?',
  'passwordChange.submit': 'Change password',
  'passwordChange.submitting': 'Changing…',
  'passwordChange.done': 'Your password has been changed. You are now logged out on other devices.',

  'sessions.title': 'Where you are logged in',
  'sessions.intro':
    'You are now logged in on these devices and browsers. Do you not recognise one? Then log out there and change your password.',
  'sessions.listLabel': 'Devices you are logged in on',
  'sessions.device': '{browser} on {os}',
  'sessions.unknownDevice': 'Unknown browser',
  'sessions.unknownOs': 'an unknown system',
  'sessions.thisDevice': 'this device',
  'sessions.viaSso': 'via single sign-on',
  'sessions.since': 'Logged in since',
  'sessions.until': 'Stays logged in until',
  'sessions.address': 'Internet address',
  'sessions.unknownAddress': 'unknown',
  'sessions.end': 'Log out',
  'sessions.endFor': 'on {device}, logged in since {date}',
  'sessions.ending': 'Logging out…',
  'sessions.ended': 'You are logged out on {device}.',
  'sessions.endOthers': 'Log out everywhere else',
  'sessions.endingOthers': 'Logging out…',
  'sessions.endedOthers': 'You are logged out on {count} other devices.',
  'sessions.endedOthers1': 'You are logged out on 1 other device.',
  'sessions.endedNone': 'You were not logged in anywhere else.',
  'sessions.onlyThis': 'You are only logged in on this device.',

  'signIns.title': 'Recent sign-ins',
  'signIns.intro':
    'Here you see when someone logged in to your account, and when that did not work. That way you notice if someone else tries your password.',
  'signIns.outcome.signed_in': 'Logged in',
  'signIns.outcome.single_sign_on': 'Logged in with single sign-on',
  'signIns.outcome.wrong_password': 'Wrong password',
  'signIns.outcome.rate_limited': 'Refused: too many attempts',
  'signIns.refused': 'not successful',
  'signIns.refusedHint': 'Do you not recognise this? Then change your password.',
  'signIns.at': 'When',
  'signIns.browser': 'Browser',
  'signIns.none': 'No sign-ins are known yet.',
  'signIns.showAll': 'Show all {count}',
  'signIns.showFewer': 'Show only the latest {count}',

  'digest.title': 'E-mail with the overview',
  'digest.intro':
    'aantafel can send you an e-mail with what needs your attention: the items of "Act now" in the Overview. Choose per workspace how often you want that e-mail.',
  'digest.label': 'How often for {workspace}?',
  'digest.none': 'No e-mail',
  'digest.daily': 'Every day',
  'digest.weekly': 'Every week (on Monday)',
  'digest.save': 'Save',
  'digest.for': 'for {workspace}',
  'digest.saving': 'Saving…',
  'digest.saved': 'Saved. {workspace}: {choice}.',
  'digest.noWorkspaces': 'You are not a member of a workspace yet. So there is no e-mail with the overview yet.',
};

export const ACCOUNT_TEXTS: Record<Language, Record<AccountKey, string>> = { nl, en };

export function accountText(language: Language, key: AccountKey, vars?: MessageVars): string {
  const template = ACCOUNT_TEXTS[language][key] ?? nl[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** `at(key, vars)` in the current UI language. */
export function useAccountText(): (key: AccountKey, vars?: MessageVars) => string {
  const { language } = useI18n();
  return useCallback((key, vars) => accountText(language, key, vars), [language]);
}
