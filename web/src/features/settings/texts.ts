/**
 * The texts of the audit log page "Logboek" (and the link to it on the settings page), and of
 * inviting colleagues (the members section). They live
 * here, not in nl.json/en.json, so they travel with the lazy settings chunks instead of the first
 * bundle (like the other areas' texts.ts). auditLog.test.ts checks that both languages have the
 * same keys and placeholders. The sentences for the entries are in auditLog.ts.
 */
import { useCallback } from 'react';
import type { Language, MessageVars } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';

const nl = {
  'link': 'Logboek: wie wat heeft gewijzigd',
  'linkIntro': 'Als eigenaar zie je in het logboek wie iets heeft gewijzigd in deze werkruimte, en wanneer.',
  'title': 'Logboek',
  'intro':
    'Hier zie je elke wijziging in werkruimte {workspace}: wie het deed en wanneer. Ook als iemand gegevens wist, downloadt of een telefoonnummer bekijkt. Wat er is ingevuld, staat niet in het logboek. De nieuwste wijziging staat bovenaan.',
  'back': 'Terug naar Instellingen werkruimte',
  'caption': 'Logboek van {workspace}, nieuwste wijziging eerst',
  'when': 'Wanneer',
  'who': 'Wie',
  'what': 'Wat',
  'deletedUser': 'account verwijderd',
  'older': 'Oudere wijzigingen',
  'loadingOlder': 'Oudere wijzigingen laden…',
  'loaded': '{count} oudere wijzigingen geladen.',
  'loaded1': '1 oudere wijziging geladen.',
  'noMore': 'Dit zijn alle wijzigingen.',
  'empty': 'Er staat nog niets in het logboek. Zodra iemand iets wijzigt, zie je dat hier.',
  'forbiddenTitle': 'Alleen voor eigenaren',
  'forbidden':
    'Alleen eigenaren van deze werkruimte kunnen het logboek bekijken. Wil je iets weten over een wijziging? Vraag het aan een eigenaar.',

  // Inviting colleagues (members section, owners only).
  'invite.title': 'Collega uitnodigen',
  'invite.intro':
    'Vul het e-mailadres van je collega in en kies een rol. Je collega krijgt een e-mail met een link. Met die link maakt je collega een account, of logt in met een account dat er al is. De link werkt één keer, en 7 dagen lang.',
  'invite.email': 'E-mailadres',
  'invite.emailRequired': 'Vul een e-mailadres in.',
  'invite.role': 'Rol',
  'invite.roleHint': 'Eigenaar: kan alles, ook collega\'s uitnodigen. Bewerker: kan gegevens toevoegen en wijzigen. Lezer: kan alleen kijken.',
  'invite.language': 'Taal van de e-mail',
  'invite.languageHint': 'Onder in de e-mail staat ook een korte zin in de andere taal.',
  'invite.submit': 'Uitnodiging sturen',
  'invite.submitting': 'Bezig met versturen…',
  'invite.sent': 'We hebben een uitnodiging gestuurd naar {email}.',
  'invite.resent': 'We hebben de uitnodiging opnieuw gestuurd naar {email}. De oude link werkt niet meer.',
  'invite.linkMade': 'Er is een link gemaakt voor {email}. Geef die link zelf door.',
  'link.title': 'Geef deze link zelf door aan {email}',
  'link.why':
    'De e-mail is niet verstuurd: deze server kan nu geen e-mail versturen. Stuur de link daarom zelf naar je collega, bijvoorbeeld in een chatbericht of in je eigen e-mail.',
  'link.rules':
    'De link werkt één keer, tot {date}. Iedereen met deze link kan de uitnodiging aannemen. Geef hem dus alleen aan {email}.',
  'link.label': 'Link voor de uitnodiging',
  'link.copy': 'Kopieer link',
  'link.copied': 'De link staat op het klembord.',
  'link.copyManually': 'Kopiëren lukte niet. De link is geselecteerd: druk op Ctrl+C (of Cmd+C) om hem te kopiëren.',
  'link.done': 'Klaar',
  'pending.title': 'Openstaande uitnodigingen',
  'pending.intro': 'Deze collega\'s zijn uitgenodigd, maar hebben de uitnodiging nog niet aangenomen.',
  'pending.none': 'Er zijn geen openstaande uitnodigingen.',
  'pending.caption': 'Openstaande uitnodigingen voor {workspace}',
  'pending.role': 'Rol',
  'pending.sent': 'Per e-mail verstuurd',
  'pending.notSent': 'Nee',
  'pending.validUntil': 'Link werkt tot',
  'pending.expired': 'Verlopen op {date}',
  'pending.by': 'Uitgenodigd door',
  'pending.resend': 'Opnieuw sturen',
  'pending.resending': 'Bezig met versturen…',
  'pending.forEmail': 'uitnodiging voor {email}',
  'pending.withdraw': 'Intrekken',
  'pending.withdrawTitle': 'Uitnodiging voor {email} intrekken?',
  'pending.withdrawBody': 'De link in de uitnodiging werkt daarna niet meer. Je kunt deze collega later opnieuw uitnodigen.',
  'pending.withdrawConfirm': 'Ja, intrekken',
  'pending.withdrawing': 'Bezig met intrekken…',
  'pending.withdrawn': 'De uitnodiging voor {email} is ingetrokken.',

  // Single sign-on (owners): "only single sign-on" and which groups give which role.
  'sso.title': 'Single sign-on',
  'sso.intro':
    'Met single sign-on loggen collega\'s in met het account dat ze op hun werk gebruiken ({label}). Ze hoeven dan geen apart wachtwoord voor aantafel te onthouden.',
  'sso.notConfigured':
    'Op deze server is single sign-on nog niet ingesteld. De beheerder van aantafel in je organisatie kan dat doen. Hoe dat gaat, staat in de handleiding voor beheerders: docs/operations.md, "Single sign-on with Microsoft Entra ID".',
  'sso.only': 'Alleen inloggen met single sign-on',
  'sso.onlyHint':
    'Wie met een e-mailadres en wachtwoord is ingelogd, kan deze werkruimte dan niet meer openen. Dat geldt ook voor eigenaren. API-sleutels blijven wel werken.',
  'sso.mappingsTitle': 'Groepen en rollen',
  'sso.mappingsIntro':
    'Koppel een groep uit {label} aan een rol. Wie in die groep zit, wordt lid van deze werkruimte zodra die persoon inlogt met single sign-on.',
  'sso.ruleHighest': 'Zit iemand in meer gekoppelde groepen? Dan krijgt die persoon de hoogste rol.',
  'sso.ruleLeave':
    'Zit iemand in geen enkele gekoppelde groep meer? Dan is die persoon vanaf de volgende keer inloggen geen lid meer.',
  'sso.ruleInvited': 'Collega\'s die met een uitnodiging lid zijn geworden, houden hun rol.',
  'sso.groupHelp':
    'Vul bij Microsoft Entra ID de Object ID van de groep in. Je vindt die in het Microsoft Entra-beheercentrum, bij Groepen. Gebruikt je organisatie app-rollen? Vul dan de naam van de app-rol in.',
  'sso.none':
    'Er zijn nog geen groepen gekoppeld. Dan wordt niemand lid door in te loggen met single sign-on. Wie al lid is, kan wel zo inloggen.',
  'sso.listLabel': 'Gekoppelde groepen',
  'sso.mapping': 'Koppeling {number}',
  'sso.group': 'ID van de groep',
  'sso.groupRequired': 'Vul het ID van de groep in.',
  'sso.role': 'Rol',
  'sso.remove': 'Weghalen',
  'sso.forMapping': 'koppeling {number}',
  'sso.removed': 'Koppeling {number} is weggehaald. Sla de instellingen op om dit te bewaren.',
  'sso.add': 'Groep toevoegen',
  'sso.max': 'Je kunt niet meer dan {max} groepen koppelen.',
  'sso.save': 'Instellingen voor single sign-on opslaan',
  'sso.saving': 'Bezig met opslaan…',
  'sso.saved': 'De instellingen voor single sign-on zijn opgeslagen.',
  'sso.confirmTitle': 'Alleen inloggen met single sign-on aanzetten?',
  'sso.confirmBody':
    'Daarna kan niemand deze werkruimte openen die met een e-mailadres en wachtwoord is ingelogd. Zorg dat minstens één eigenaar kan inloggen met {label}.',
  // The owner's own session: with a password (signed_in_with_sso false), or not known.
  'sso.confirmYouPassword':
    'Let op: je bent nu zelf ingelogd met je e-mailadres en wachtwoord. Daarna moet je dus zelf ook inloggen met {label} om deze werkruimte te openen.',
  'sso.confirmYouUnknown':
    'Ben je nu zelf ingelogd met je e-mailadres en wachtwoord? Dan moet je daarna ook zelf inloggen met {label} om deze werkruimte te openen.',
  'sso.confirm': 'Ja, aanzetten en opslaan',
};

export type SettingsKey = keyof typeof nl;

const en: Record<SettingsKey, string> = {
  'link': 'Audit log: who changed what',
  'linkIntro': 'As an owner you can see in the audit log who changed something in this workspace, and when.',
  'title': 'Audit log',
  'intro':
    'Here you see every change in workspace {workspace}: who made it and when. Also when someone erases or downloads data or views a phone number. What was filled in is not in the log. The newest change is at the top.',
  'back': 'Back to Workspace settings',
  'caption': 'Audit log of {workspace}, newest change first',
  'when': 'When',
  'who': 'Who',
  'what': 'What',
  'deletedUser': 'account deleted',
  'older': 'Older changes',
  'loadingOlder': 'Loading older changes…',
  'loaded': '{count} older changes loaded.',
  'loaded1': '1 older change loaded.',
  'noMore': 'These are all the changes.',
  'empty': 'There is nothing in the audit log yet. As soon as someone changes something, you will see it here.',
  'forbiddenTitle': 'Owners only',
  'forbidden':
    'Only owners of this workspace can see the audit log. Do you want to know about a change? Ask an owner.',

  'invite.title': 'Invite a colleague',
  'invite.intro':
    'Fill in the e-mail address of your colleague and choose a role. Your colleague gets an e-mail with a link. With that link your colleague creates an account, or logs in with an existing account. The link works once, for 7 days.',
  'invite.email': 'Email address',
  'invite.emailRequired': 'Please fill in an e-mail address.',
  'invite.role': 'Role',
  'invite.roleHint': 'Owner: can do everything, also invite colleagues. Editor: can add and change data. Viewer: can only look.',
  'invite.language': 'Language of the e-mail',
  'invite.languageHint': 'At the bottom of the e-mail there is also a short sentence in the other language.',
  'invite.submit': 'Send invitation',
  'invite.submitting': 'Sending…',
  'invite.sent': 'We have sent an invitation to {email}.',
  'invite.resent': 'We have sent the invitation to {email} again. The old link no longer works.',
  'invite.linkMade': 'A link was made for {email}. Pass that link on yourself.',
  'link.title': 'Pass this link on to {email} yourself',
  'link.why':
    'The e-mail was not sent: this server cannot send e-mail right now. So send the link to your colleague yourself, for example in a chat message or in your own e-mail.',
  'link.rules':
    'The link works once, until {date}. Anyone with this link can accept the invitation. So only give it to {email}.',
  'link.label': 'Link for the invitation',
  'link.copy': 'Copy link',
  'link.copied': 'The link is on the clipboard.',
  'link.copyManually': 'Copying did not work. The link is selected: press Ctrl+C (or Cmd+C) to copy it.',
  'link.done': 'Done',
  'pending.title': 'Open invitations',
  'pending.intro': 'These colleagues have been invited, but have not accepted the invitation yet.',
  'pending.none': 'There are no open invitations.',
  'pending.caption': 'Open invitations for {workspace}',
  'pending.role': 'Role',
  'pending.sent': 'Sent by e-mail',
  'pending.notSent': 'No',
  'pending.validUntil': 'Link works until',
  'pending.expired': 'Expired on {date}',
  'pending.by': 'Invited by',
  'pending.resend': 'Send again',
  'pending.resending': 'Sending…',
  'pending.forEmail': 'invitation for {email}',
  'pending.withdraw': 'Withdraw',
  'pending.withdrawTitle': 'Withdraw the invitation for {email}?',
  'pending.withdrawBody': 'The link in the invitation then no longer works. You can invite this colleague again later.',
  'pending.withdrawConfirm': 'Yes, withdraw',
  'pending.withdrawing': 'Withdrawing…',
  'pending.withdrawn': 'The invitation for {email} has been withdrawn.',

  'sso.title': 'Single sign-on',
  'sso.intro':
    'With single sign-on colleagues log in with the account they use at work ({label}). They then do not need to remember a separate password for aantafel.',
  'sso.notConfigured':
    'Single sign-on is not set up on this server yet. The administrator of aantafel in your organisation can do that. How, is in the guide for administrators: docs/operations.md, "Single sign-on with Microsoft Entra ID".',
  'sso.only': 'Only log in with single sign-on',
  'sso.onlyHint':
    'Anyone logged in with an e-mail address and password can then no longer open this workspace. That includes owners. API keys keep working.',
  'sso.mappingsTitle': 'Groups and roles',
  'sso.mappingsIntro':
    'Link a group from {label} to a role. Anyone in that group becomes a member of this workspace as soon as they log in with single sign-on.',
  'sso.ruleHighest': 'Is someone in several linked groups? Then they get the highest role.',
  'sso.ruleLeave': 'Is someone no longer in any linked group? Then they are no longer a member from their next login.',
  'sso.ruleInvited': 'Colleagues who became a member with an invitation keep their role.',
  'sso.groupHelp':
    'For Microsoft Entra ID, fill in the Object ID of the group. You find it in the Microsoft Entra admin center, under Groups. Does your organisation use app roles? Then fill in the name of the app role.',
  'sso.none':
    'No groups are linked yet. Then nobody becomes a member by logging in with single sign-on. Existing members can log in that way.',
  'sso.listLabel': 'Linked groups',
  'sso.mapping': 'Link {number}',
  'sso.group': 'ID of the group',
  'sso.groupRequired': 'Please fill in the ID of the group.',
  'sso.role': 'Role',
  'sso.remove': 'Remove',
  'sso.forMapping': 'link {number}',
  'sso.removed': 'Link {number} has been removed. Save the settings to keep this.',
  'sso.add': 'Add a group',
  'sso.max': 'You cannot link more than {max} groups.',
  'sso.save': 'Save single sign-on settings',
  'sso.saving': 'Saving…',
  'sso.saved': 'The single sign-on settings have been saved.',
  'sso.confirmTitle': 'Turn on "Only log in with single sign-on"?',
  'sso.confirmBody':
    'After that, nobody who is logged in with an e-mail address and password can open this workspace. Make sure at least one owner can log in with {label}.',
  'sso.confirmYouPassword':
    'Please note: you yourself are now logged in with your e-mail address and password. After that, you too will need to log in with {label} to open this workspace.',
  'sso.confirmYouUnknown':
    'Are you yourself logged in with your e-mail address and password now? Then you too will need to log in with {label} afterwards to open this workspace.',
  'sso.confirm': 'Yes, turn on and save',
};

export const SETTINGS_TEXTS: Record<Language, Record<SettingsKey, string>> = { nl, en };

export function settingsText(language: Language, key: SettingsKey, vars?: MessageVars): string {
  const template = SETTINGS_TEXTS[language][key] ?? nl[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** `st(key, vars)` in the current UI language. */
export function useSettingsText(): (key: SettingsKey, vars?: MessageVars) => string {
  const { language } = useI18n();
  return useCallback((key, vars) => settingsText(language, key, vars), [language]);
}
