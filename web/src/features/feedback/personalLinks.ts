/**
 * Pure logic of "Persoonlijke links versturen" on a survey's page: the lines of e-mail addresses
 * (optionally "kenmerk;e-mailadres"), the request body of POST …/surveys/{id}/invitations, which
 * link belongs to which line in the answer, and where the server's problems (422) belong.
 * No React, no network.
 */
import { isEmailAddress } from '../../components/linkMail/linkMail';
import type { InvitationBatch, InvitationResult, LinkMailLanguage } from '../../api/types';

/** The server's limits (InvitationBatch in api/openapi.yaml). */
export const MAX_CONTACTS = 1000;
export const MAX_REFERENCE = 100;
export const MAX_CLIENT = 200;
export const MIN_VALID_DAYS = 1;
export const MAX_VALID_DAYS = 90;
export const DEFAULT_VALID_DAYS = 14;

/** One line of the text box that holds an address. */
export interface ContactLine {
  /** The line number in the text box (1 = the first line), as the person sees it. */
  line: number;
  /** The person's own reference ("kenmerk"), '' when the line has none. */
  reference: string;
  email: string;
}

export type LineProblemKind =
  | 'email' // not an e-mail address
  | 'format' // more than "kenmerk;e-mailadres"
  | 'several' // two addresses on one line ("a@x.nl; b@y.nl")
  | 'emailTooLong'
  | 'referenceTooLong'
  | 'duplicate' // the same address on an earlier line
  | 'duplicateReference'; // the same reference on an earlier line

export interface LineProblem {
  line: number;
  kind: LineProblemKind;
  /** For a duplicate: the earlier line. */
  other?: number;
}

/**
 * Reads the text box: one address per line, or "kenmerk;e-mailadres" (a tab works as well as a
 * semicolon, for a paste from a spreadsheet). Empty lines are skipped. Every line with a problem
 * is named, with its line number.
 */
export function parseContactLines(text: string): { contacts: ContactLine[]; problems: LineProblem[] } {
  const contacts: ContactLine[] = [];
  const problems: LineProblem[] = [];
  const seenEmail = new Map<string, number>();
  const seenReference = new Map<string, number>();
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const parts = raw.split(/[;\t]/).map((part) => part.trim());
    while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
    if (parts.every((part) => part === '')) return;
    if (parts.length > 2) {
      const addresses = parts.filter((part) => isEmailAddress(part)).length;
      problems.push({ line, kind: addresses > 1 ? 'several' : 'format' });
      return;
    }
    const [reference, email] = parts.length === 2 ? [parts[0] ?? '', parts[1] ?? ''] : ['', parts[0] ?? ''];
    // "a@x.nl;b@y.nl" would otherwise keep an address as the reference.
    if (isEmailAddress(reference)) {
      problems.push({ line, kind: 'several' });
      return;
    }
    if (email.length > MAX_CLIENT) problems.push({ line, kind: 'emailTooLong' });
    else if (!isEmailAddress(email)) problems.push({ line, kind: 'email' });
    else if (reference.length > MAX_REFERENCE) problems.push({ line, kind: 'referenceTooLong' });
    else {
      const key = email.toLowerCase();
      const earlier = seenEmail.get(key);
      const earlierReference = reference ? seenReference.get(reference) : undefined;
      if (earlier !== undefined) problems.push({ line, kind: 'duplicate', other: earlier });
      else if (earlierReference !== undefined) problems.push({ line, kind: 'duplicateReference', other: earlierReference });
      else {
        seenEmail.set(key, line);
        if (reference) seenReference.set(reference, line);
      }
    }
    contacts.push({ line, reference, email });
  });
  return { contacts, problems };
}

/**
 * The reference sent for a line. The server answers with the references as given, in the order
 * sent, and says per link only whether it was made or skipped; so every line needs its own
 * reference to find its link again. A line without one gets "regel N" (its line number; not
 * personal data).
 */
export function sentReference(contact: ContactLine, taken: ReadonlySet<string>): string {
  if (contact.reference) return contact.reference;
  let reference = `regel ${contact.line}`;
  while (taken.has(reference)) reference = `${reference}*`;
  return reference;
}

/** The references sent, one per contact, all different. */
export function sentReferences(contacts: readonly ContactLine[]): string[] {
  const taken = new Set(contacts.map((c) => c.reference).filter(Boolean));
  return contacts.map((contact) => {
    const reference = sentReference(contact, taken);
    taken.add(reference);
    return reference;
  });
}

export interface MailChoice {
  language: LinkMailLanguage;
  /** Days after the mail, or null for no reminder. */
  remindAfterDays: number | null;
}

/**
 * The request body: every line as an e-mail contact, valid `validDays`. With `mail` (this server
 * can send mail) the links go out by mail, in the chosen language, with the reminder; without,
 * the links come back to pass on.
 */
export function invitationBody(
  contacts: readonly ContactLine[],
  validDays: number,
  mail: MailChoice | null,
): InvitationBatch {
  const references = sentReferences(contacts);
  return {
    contacts: contacts.map((contact, index) => ({
      reference: references[index] ?? '',
      client: contact.email,
      channel: 'email',
      valid_days: validDays,
    })),
    send_by_email: mail !== null,
    ...(mail ? { language: mail.language } : {}),
    ...(mail && mail.remindAfterDays !== null && mail.remindAfterDays < validDays
      ? { remind_after_days: mail.remindAfterDays }
      : {}),
  };
}

export type CreatedLink = InvitationResult['created'][number];

export interface MatchedResult {
  /** Links that went out by mail. */
  mailed: { contact: ContactLine; link: CreatedLink }[];
  /** Links to pass on by hand (no mail, or the mail could not be sent). */
  toCopy: { contact: ContactLine; link: CreatedLink }[];
  /** Addresses left out because they were invited within the survey's pause. */
  skipped: ContactLine[];
}

/** Puts the answer next to the lines sent (by the reference each line was sent with). */
export function matchResult(contacts: readonly ContactLine[], result: InvitationResult): MatchedResult {
  const references = sentReferences(contacts);
  const byReference = new Map<string, ContactLine>();
  contacts.forEach((contact, index) => byReference.set(references[index] ?? '', contact));
  const matched: MatchedResult = { mailed: [], toCopy: [], skipped: [] };
  for (const link of result.created) {
    const contact = byReference.get(link.reference) ?? { line: 0, reference: link.reference, email: '' };
    (link.mailed ? matched.mailed : matched.toCopy).push({ contact, link });
  }
  for (const skip of result.skipped) {
    const contact = byReference.get(skip.reference);
    if (contact) matched.skipped.push(contact);
  }
  return matched;
}

/** Where the server's problems (422) belong: at a line of the text box, or at another field. */
export interface ApiProblems {
  /** Problems at lines of the text box: line number and the server's message. */
  lines: { line: number; message: string }[];
  addresses?: string;
  days?: string;
  remind?: string;
  language?: string;
}

/**
 * Sorts the server's field problems: "contacts[2].client" is a problem of the third line sent,
 * shown with that line's number in the text box; "contacts[i].valid_days" belongs at the
 * validity, "remind_after_days" at the reminder.
 */
export function problemsFromApi(fields: Record<string, string>, contacts: readonly ContactLine[]): ApiProblems {
  const out: ApiProblems = { lines: [] };
  for (const [field, message] of Object.entries(fields)) {
    const contact = /^contacts\[(\d+)\]\.(\w+)$/.exec(field);
    if (contact) {
      const index = Number(contact[1]);
      const name = contact[2];
      if (name === 'valid_days') out.days ??= message;
      else out.lines.push({ line: contacts[index]?.line ?? index + 1, message });
      continue;
    }
    if (field === 'contacts') out.addresses ??= message;
    else if (field === 'remind_after_days') out.remind ??= message;
    else if (field === 'language') out.language ??= message;
  }
  out.lines.sort((a, b) => a.line - b.line);
  return out;
}
