/**
 * The texts of Documenten (the DocumentsPanel on the pages of a contact, an agreement, a plan and
 * an organisation). They live here, not in nl.json/en.json, so they travel with those lazy pages
 * instead of the first bundle. documents.test.ts checks that both languages have the same keys and
 * placeholders.
 */
import { useCallback } from 'react';
import type { Language, MessageVars } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';

const nl = {
  'title': 'Documenten',
  'empty': 'Nog geen documenten. Voeg een verslag, afspraak of e-mail toe.',
  'emptyViewer': 'Nog geen documenten.',
  'caption': 'Documenten, nieuwste eerst',
  'col.name': 'Naam',
  'col.kind': 'Soort',
  'col.size': 'Grootte',
  'col.version': 'Versie',
  'col.added': 'Toegevoegd',
  'col.actions': 'Acties',
  'download': '(downloaden)',
  'version': 'versie {number}',
  'by': 'door {name}',
  'note': 'Wat is er veranderd: {note}',

  'kind.pdf': 'PDF',
  'kind.word': 'Word',
  'kind.excel': 'Excel',
  'kind.powerpoint': 'PowerPoint',
  'kind.odText': 'OpenDocument-tekst',
  'kind.odSpreadsheet': 'OpenDocument-rekenblad',
  'kind.odPresentation': 'OpenDocument-presentatie',
  'kind.email': 'e-mail',
  'kind.calendar': 'agenda-uitnodiging',
  'kind.photo': 'foto',
  'kind.csv': 'CSV-bestand',
  'kind.text': 'tekst',
  'kind.other': 'bestand',

  'older.one': 'Eerdere versie',
  'older.many': 'Eerdere versies ({count})',
  'older.of': 'van {name}',
  'older.version': 'versie {number}',

  'upload.label': 'Bestand toevoegen',
  'upload.hint': 'Je kunt PDF, Word, Excel, PowerPoint, OpenDocument, e-mail (.eml of .msg), agenda (.ics), tekst, CSV en foto’s toevoegen.',
  'upload.max': 'Hoogstens {max} per bestand.',
  'upload.several': 'Je kunt meer bestanden tegelijk kiezen.',
  'upload.drop': 'Of sleep bestanden naar dit vak.',
  'upload.progress': 'Bestanden die je toevoegt',
  'upload.waiting': 'Wacht op zijn beurt.',
  'upload.busy': 'Bezig met uploaden…',
  'upload.done': 'Toegevoegd.',
  'upload.failed': 'Niet toegevoegd. {reason}',
  'upload.tooLarge': 'Dit bestand is {size}; de grens is {max}.',
  'upload.tooLargeServer': 'Dit bestand is te groot om te versturen.',
  'upload.nameTooLong': 'De naam van dit bestand is te lang: gebruik hoogstens {max} tekens.',
  'upload.addedOne': '{name} is toegevoegd.',
  'upload.failedOne': '{name} is niet toegevoegd. {reason}',
  'upload.addedSome': '{done} van de {total} bestanden zijn toegevoegd.',
  'upload.failedNames': 'Niet toegevoegd: {names}.',

  'replace': 'Vervangen',
  'replace.title': 'Nieuwe versie van {name}',
  'replace.intro': 'De huidige versie blijft bewaard. Je vindt hem daarna bij de eerdere versies.',
  'replace.file': 'Nieuw bestand',
  'replace.note': 'Wat is er veranderd? (niet verplicht)',
  'replace.noteHint': 'Bijvoorbeeld: de definitieve versie na het overleg. Hoogstens {max} tekens.',
  'replace.noteTooLong': 'Gebruik hoogstens {max} tekens.',
  'replace.noFile': 'Kies een bestand.',
  'replace.save': 'Nieuwe versie opslaan',
  'replace.busy': 'Bezig met uploaden…',
  'replace.cancel': 'Annuleren',
  'replace.done': 'Nieuwe versie van {name} opgeslagen (versie {number}).',

  'remove': 'Verwijderen',
  'remove.title': '{name} verwijderen?',
  'remove.body': 'Het document en al zijn eerdere versies worden verwijderd. Dit kun je niet ongedaan maken.',
  'remove.busy': 'Bezig met verwijderen…',
  'remove.done': '{name} is verwijderd.',
} as const;

export type DocumentsKey = keyof typeof nl;

const en: Record<DocumentsKey, string> = {
  'title': 'Documents',
  'empty': 'No documents yet. Add a report, an agreement or an e-mail.',
  'emptyViewer': 'No documents yet.',
  'caption': 'Documents, newest first',
  'col.name': 'Name',
  'col.kind': 'Type',
  'col.size': 'Size',
  'col.version': 'Version',
  'col.added': 'Added',
  'col.actions': 'Actions',
  'download': '(download)',
  'version': 'version {number}',
  'by': 'by {name}',
  'note': 'What changed: {note}',

  'kind.pdf': 'PDF',
  'kind.word': 'Word',
  'kind.excel': 'Excel',
  'kind.powerpoint': 'PowerPoint',
  'kind.odText': 'OpenDocument text',
  'kind.odSpreadsheet': 'OpenDocument spreadsheet',
  'kind.odPresentation': 'OpenDocument presentation',
  'kind.email': 'e-mail',
  'kind.calendar': 'calendar invitation',
  'kind.photo': 'photo',
  'kind.csv': 'CSV file',
  'kind.text': 'text',
  'kind.other': 'file',

  'older.one': 'Earlier version',
  'older.many': 'Earlier versions ({count})',
  'older.of': 'of {name}',
  'older.version': 'version {number}',

  'upload.label': 'Add a file',
  'upload.hint': 'You can add PDF, Word, Excel, PowerPoint, OpenDocument, e-mail (.eml or .msg), calendar (.ics), text, CSV and photos.',
  'upload.max': 'At most {max} per file.',
  'upload.several': 'You can choose several files at once.',
  'upload.drop': 'Or drag files into this box.',
  'upload.progress': 'Files you are adding',
  'upload.waiting': 'Waiting for its turn.',
  'upload.busy': 'Uploading…',
  'upload.done': 'Added.',
  'upload.failed': 'Not added. {reason}',
  'upload.tooLarge': 'This file is {size}; the limit is {max}.',
  'upload.tooLargeServer': 'This file is too large to send.',
  'upload.nameTooLong': 'The name of this file is too long: use at most {max} characters.',
  'upload.addedOne': '{name} has been added.',
  'upload.failedOne': '{name} was not added. {reason}',
  'upload.addedSome': '{done} of the {total} files have been added.',
  'upload.failedNames': 'Not added: {names}.',

  'replace': 'Replace',
  'replace.title': 'New version of {name}',
  'replace.intro': 'The current version is kept. You will find it among the earlier versions.',
  'replace.file': 'New file',
  'replace.note': 'What has changed? (optional)',
  'replace.noteHint': 'For example: the final version after the meeting. At most {max} characters.',
  'replace.noteTooLong': 'Use at most {max} characters.',
  'replace.noFile': 'Choose a file.',
  'replace.save': 'Save new version',
  'replace.busy': 'Uploading…',
  'replace.cancel': 'Cancel',
  'replace.done': 'New version of {name} saved (version {number}).',

  'remove': 'Remove',
  'remove.title': 'Remove {name}?',
  'remove.body': 'The document and all its earlier versions will be removed. You cannot undo this.',
  'remove.busy': 'Removing…',
  'remove.done': '{name} has been removed.',
};

export const DOCUMENTS_TEXTS: Record<Language, Record<DocumentsKey, string>> = { nl, en };

export function documentsText(language: Language, key: DocumentsKey, vars?: MessageVars): string {
  const template = DOCUMENTS_TEXTS[language][key] ?? nl[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

export type DocumentsText = (key: DocumentsKey, vars?: MessageVars) => string;

/** `dt(key, vars)` in the current UI language. */
export function useDocumentsText(): DocumentsText {
  const { language } = useI18n();
  return useCallback((key, vars) => documentsText(language, key, vars), [language]);
}
