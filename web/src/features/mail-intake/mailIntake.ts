/**
 * Pure helpers of Dossiermail (no React, no fetch; tested in mailIntake.test.ts): which files are
 * sent, and the server's answer in words.
 */
import type { components } from '../../api/schema';
import { fileExtension } from '../documents/documents';

/** What filing one message did (api/openapi.yaml, schema MailFiling). */
export type MailFiling = components['schemas']['MailFiling'];

/** A message from the dossier mailbox that waits to be checked (schema MailReview). */
export type MailReview = components['schemas']['MailReview'];

/** One address in such a message, with whom it belongs to now. */
export type MailReviewAddress = MailReview['addresses'][number];

/** What the file picker offers: e-mail saved as .eml. */
export const ACCEPT = '.eml,message/rfc822';

/** Whether a file is an .eml file by its name (the server checks the bytes too). */
export function isEml(name: string): boolean {
  return fileExtension(name) === 'eml';
}

/**
 * A name for a new person from how a message writes it: "Jansen, Els" → "Els Jansen"; the address'
 * part before the @ when the message gives no name.
 */
export function personNameFrom(entry: { name: string; address: string }): string {
  const name = entry.name.trim();
  if (name && !name.includes('@')) {
    const comma = name.split(',');
    if (comma.length === 2 && comma[0] && comma[1]) return `${comma[1].trim()} ${comma[0].trim()}`;
    return name;
  }
  return '';
}

/** Who an address nobody had yet is: the name (the right way round) with the address, else the address. */
export function unmatchedLabel(entry: { name: string; address: string }): string {
  const name = personNameFrom(entry);
  return name ? `${name} (${entry.address})` : entry.address;
}

/**
 * Whom an address of a waiting message belongs to: a person of Wie is wie (shown with a link to
 * that person), else a colleague, else nobody (shown with a link that adds the person).
 */
export type AddressOwner = { kind: 'person'; id: number; name: string } | { kind: 'colleague' } | { kind: 'nobody' };

export function addressOwner(entry: MailReviewAddress): AddressOwner {
  if (entry.person_id !== null) return { kind: 'person', id: entry.person_id, name: entry.person_name || entry.address };
  if (entry.user_id !== null) return { kind: 'colleague' };
  return { kind: 'nobody' };
}

/** The date to show for a waiting message: its own (when it was sent), else when aantafel read it. */
export function reviewDate(review: Pick<MailReview, 'sent_at' | 'received_at'>): { at: string; sent: boolean } {
  return review.sent_at ? { at: review.sent_at, sent: true } : { at: review.received_at, sent: false };
}
