/**
 * Pure helpers of Dossiermail (no React, no fetch; tested in mailIntake.test.ts): which files are
 * sent, and the server's answer in words.
 */
import type { components } from '../../api/schema';
import { fileExtension } from '../documents/documents';

/** What filing one message did (api/openapi.yaml, schema MailFiling). */
export type MailFiling = components['schemas']['MailFiling'];

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
