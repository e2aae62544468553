/**
 * The texts of Dossiermail (MailIntakePanel and MailReviewPanel on the Contacten page). They live
 * here, not in nl.json/en.json, so they travel with that page. mailIntake.test.ts checks that both
 * languages have the same keys and placeholders.
 */
import { useCallback } from 'react';
import type { Language, MessageVars } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';

const nl = {
  'title': 'E-mail in het dossier',
  'intro':
    'Bewaar een e-mail als .eml-bestand en zet het hier neer. Er komt een contact van, met de mensen uit Wie is wie, je collega’s en de bijlagen.',
  'how': 'Hoe bewaar ik een e-mail als .eml-bestand?',
  'how.outlookWeb': 'Outlook op het web en de nieuwe Outlook: open de e-mail, kies ··· (meer acties) en dan Opslaan als of Downloaden.',
  'how.outlookClassic': 'Klassieke Outlook bewaart een e-mail als .msg. Dat bestand kunnen wij niet lezen: open de e-mail in Outlook op het web, of voeg het .msg-bestand als document toe aan een contact.',
  'how.gmail': 'Gmail: open de e-mail, kies ⋮ (meer) en dan Bericht downloaden.',
  'how.apple': 'Apple Mail: kies Archief, Bewaar als… en dan Ruwe berichtbron.',
  'how.thunderbird': 'Thunderbird: kies Bestand, Opslaan als en dan Bestand.',
  'upload.label': 'E-mail toevoegen (.eml)',
  'upload.hint': 'Kies een of meer e-mails die als .eml-bestand zijn bewaard. Een e-mail die al in het dossier staat, wordt niet nog een keer toegevoegd.',
  'upload.drop': 'Of sleep e-mails naar dit vak.',
  'upload.progress': 'E-mails die je toevoegt',
  'upload.waiting': 'Wacht op zijn beurt.',
  'upload.busy': 'Bezig met toevoegen…',
  'upload.done': 'Toegevoegd als contact.',
  'upload.already': 'Stond al in het dossier.',
  'upload.failed': 'Niet toegevoegd. {reason}',
  'upload.notEml': 'Dit is geen .eml-bestand. Bewaar de e-mail als .eml en probeer het opnieuw.',
  'upload.tooLargeServer': 'Deze e-mail is te groot om te versturen.',
  'result.open': 'Open het contact',
  'result.people': 'Mensen: {names}.',
  'result.staff': 'Collega’s: {count}.',
  'result.unmatched': 'Niet in Wie is wie:',
  'result.addPerson': 'Voeg {who} toe aan Wie is wie',
  'result.skipped': 'Niet bewaard: {name}. {reason}',
  'done.one': '{name} is toegevoegd als contact.',
  'done.already': '{name} stond al in het dossier.',
  'done.failed': '{name} is niet toegevoegd. {reason}',
  'done.some': '{done} van de {total} e-mails zijn toegevoegd.',
  'review.title': 'E-mail om na te kijken',
  'review.titleCount': 'E-mail om na te kijken ({count})',
  'review.address':
    'Stuur een e-mail door naar {address}, of zet dit adres in de BCC. Dan komt de e-mail vanzelf als contact in het dossier.',
  'review.copy': 'Kopieer het adres',
  'review.copied': 'Het adres is gekopieerd.',
  'review.copyManually': 'Kopiëren lukte niet. Het adres is nu geselecteerd: kopieer het met Ctrl+C.',
  'review.intro':
    'Vonden wij niemand uit Wie is wie in een e-mail? Dan wacht die e-mail hier. Sla hem op als contact, of gooi hem weg.',
  'review.introViewer':
    'Vonden wij niemand uit Wie is wie in een e-mail? Dan wacht die e-mail hier. Een bewerker of eigenaar kijkt hem na.',
  'review.none': 'Er wacht geen e-mail.',
  'review.more': 'Je ziet de nieuwste {shown} van de {total} e-mails.',
  'review.list': 'E-mails om na te kijken',
  'review.noSubject': '(geen onderwerp)',
  'review.from': 'Van',
  'review.nobody': 'onbekend',
  'review.sentAt': 'Verstuurd',
  'review.receivedAt': 'Binnengekomen',
  'review.forwardedBy': 'Naar het dossier gestuurd door',
  'review.formerMember': 'iemand die geen lid meer is',
  'review.text': 'Tekst',
  'review.files': 'Bijlagen',
  'review.addresses': 'Adressen',
  'review.colleague': '{who}: collega',
  'review.file': 'Opslaan als contact',
  'review.filing': 'Bezig met opslaan…',
  'review.discard': 'Weggooien',
  'review.discardTitle': 'E-mail “{subject}” weggooien?',
  'review.discardBody': 'De e-mail komt niet in het dossier. Hij is daarna weg. Dit kun je niet ongedaan maken.',
  'review.discarding': 'Bezig met weggooien…',
  'review.results': 'E-mails die je net hebt opgeslagen',
  'review.filed': '“{subject}” is opgeslagen als contact.',
  'review.already': '“{subject}” stond al in het dossier.',
  'review.discarded': '“{subject}” is weggegooid.',
};

const en: typeof nl = {
  'title': 'E-mail in the dossier',
  'intro':
    'Save an e-mail as an .eml file and drop it here. It becomes a contact, with the people from Who is who, your colleagues and the attachments.',
  'how': 'How do I save an e-mail as an .eml file?',
  'how.outlookWeb': 'Outlook on the web and the new Outlook: open the e-mail, choose ··· (more actions) and then Save as or Download.',
  'how.outlookClassic': 'Classic Outlook saves an e-mail as .msg. We cannot read that file: open the e-mail in Outlook on the web, or add the .msg file as a document to a contact.',
  'how.gmail': 'Gmail: open the e-mail, choose ⋮ (more) and then Download message.',
  'how.apple': 'Apple Mail: choose File, Save As… and then Raw Message Source.',
  'how.thunderbird': 'Thunderbird: choose File, Save As and then File.',
  'upload.label': 'Add e-mail (.eml)',
  'upload.hint': 'Choose one or more e-mails saved as .eml files. An e-mail that is already in the dossier is not added again.',
  'upload.drop': 'Or drag e-mails into this box.',
  'upload.progress': 'E-mails you are adding',
  'upload.waiting': 'Waiting its turn.',
  'upload.busy': 'Adding…',
  'upload.done': 'Added as a contact.',
  'upload.already': 'Was already in the dossier.',
  'upload.failed': 'Not added. {reason}',
  'upload.notEml': 'This is not an .eml file. Save the e-mail as .eml and try again.',
  'upload.tooLargeServer': 'This e-mail is too large to send.',
  'result.open': 'Open the contact',
  'result.people': 'People: {names}.',
  'result.staff': 'Colleagues: {count}.',
  'result.unmatched': 'Not in Who is who:',
  'result.addPerson': 'Add {who} to Who is who',
  'result.skipped': 'Not kept: {name}. {reason}',
  'done.one': '{name} has been added as a contact.',
  'done.already': '{name} was already in the dossier.',
  'done.failed': '{name} has not been added. {reason}',
  'done.some': '{done} of the {total} e-mails have been added.',
  'review.title': 'E-mail to check',
  'review.titleCount': 'E-mail to check ({count})',
  'review.address':
    'Forward an e-mail to {address}, or put this address in BCC. The e-mail then goes into the dossier as a contact by itself.',
  'review.copy': 'Copy the address',
  'review.copied': 'The address has been copied.',
  'review.copyManually': 'Copying did not work. The address is now selected: copy it with Ctrl+C.',
  'review.intro':
    'Did we find nobody from Who is who in an e-mail? Then that e-mail waits here. Save it as a contact, or throw it away.',
  'review.introViewer':
    'Did we find nobody from Who is who in an e-mail? Then that e-mail waits here. An editor or owner checks it.',
  'review.none': 'No e-mail is waiting.',
  'review.more': 'You see the newest {shown} of the {total} e-mails.',
  'review.list': 'E-mails to check',
  'review.noSubject': '(no subject)',
  'review.from': 'From',
  'review.nobody': 'unknown',
  'review.sentAt': 'Sent',
  'review.receivedAt': 'Received',
  'review.forwardedBy': 'Sent to the dossier by',
  'review.formerMember': 'someone who is no longer a member',
  'review.text': 'Text',
  'review.files': 'Attachments',
  'review.addresses': 'Addresses',
  'review.colleague': '{who}: colleague',
  'review.file': 'Save as contact',
  'review.filing': 'Saving…',
  'review.discard': 'Throw away',
  'review.discardTitle': 'Throw away the e-mail “{subject}”?',
  'review.discardBody': 'The e-mail does not go into the dossier. It is gone afterwards. You cannot undo this.',
  'review.discarding': 'Throwing away…',
  'review.results': 'E-mails you just saved',
  'review.filed': '“{subject}” has been saved as a contact.',
  'review.already': '“{subject}” was already in the dossier.',
  'review.discarded': '“{subject}” has been thrown away.',
};

export type MailIntakeKey = keyof typeof nl;

export const MAIL_INTAKE_TEXTS: Record<Language, Record<MailIntakeKey, string>> = { nl, en };

export function mailIntakeText(language: Language, key: MailIntakeKey, vars?: MessageVars): string {
  const template = MAIL_INTAKE_TEXTS[language][key] ?? nl[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

export type MailIntakeText = (key: MailIntakeKey, vars?: MessageVars) => string;

/** `mt(key, vars)` in the current UI language. */
export function useMailIntakeText(): MailIntakeText {
  const { language } = useI18n();
  return useCallback((key, vars) => mailIntakeText(language, key, vars), [language]);
}
