/**
 * Pure helpers of Documenten (no React, no fetch; tested in documents.test.ts): a file's size in
 * words ("1,2 MB"), its type in words (by extension and the type the server read from the bytes),
 * and the client-side check against the server's limit.
 */
import { formatNumber, type Language } from '../../i18n/i18n';

/** The longest version note the server takes (api/openapi.yaml, replaceDocument `note`). */
export const NOTE_MAX = 500;

/** The longest file name the server takes (DocumentName in api/openapi.yaml). */
export const NAME_MAX = 200;

/**
 * What the file picker offers (the server decides: it reads the type from the bytes and checks it
 * against the extension). Files dropped on the drop zone are not filtered.
 */
export const ACCEPT = [
  '.pdf',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.ppt',
  '.pptx',
  '.odt',
  '.ods',
  '.odp',
  '.eml',
  '.msg',
  '.ics',
  '.txt',
  '.csv',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.heic',
  '.heif',
].join(',');

/** A type of document as people name it; the words are in texts.ts (`kind.<key>`). */
export type DocumentKind =
  | 'pdf'
  | 'word'
  | 'excel'
  | 'powerpoint'
  | 'odText'
  | 'odSpreadsheet'
  | 'odPresentation'
  | 'email'
  | 'calendar'
  | 'photo'
  | 'csv'
  | 'text'
  | 'other';

const BY_EXTENSION: Record<string, DocumentKind> = {
  pdf: 'pdf',
  doc: 'word',
  docx: 'word',
  xls: 'excel',
  xlsx: 'excel',
  ppt: 'powerpoint',
  pptx: 'powerpoint',
  odt: 'odText',
  ods: 'odSpreadsheet',
  odp: 'odPresentation',
  eml: 'email',
  msg: 'email',
  ics: 'calendar',
  png: 'photo',
  jpg: 'photo',
  jpeg: 'photo',
  gif: 'photo',
  webp: 'photo',
  heic: 'photo',
  heif: 'photo',
  csv: 'csv',
  txt: 'text',
};

const BY_TYPE: Record<string, DocumentKind> = {
  'application/pdf': 'pdf',
  'application/msword': 'word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word',
  'application/vnd.ms-excel': 'excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'excel',
  'application/vnd.ms-powerpoint': 'powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'powerpoint',
  'application/vnd.oasis.opendocument.text': 'odText',
  'application/vnd.oasis.opendocument.spreadsheet': 'odSpreadsheet',
  'application/vnd.oasis.opendocument.presentation': 'odPresentation',
  'message/rfc822': 'email',
  'application/vnd.ms-outlook': 'email',
  'text/calendar': 'calendar',
  'text/csv': 'csv',
  'text/plain': 'text',
};

/** The extension of a file name, lower case, without the dot ("" when there is none). */
export function fileExtension(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/**
 * The type of a document in words. The extension comes first: the server only takes a file whose
 * bytes fit its extension, and a type read from bytes is often general (an e-mail or a CSV file
 * reads as text/plain, a .msg as an OLE file).
 */
export function documentKind(contentType: string, name: string): DocumentKind {
  const byName = BY_EXTENSION[fileExtension(name)];
  if (byName) return byName;
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  const byType = BY_TYPE[type];
  if (byType) return byType;
  return type.startsWith('image/') ? 'photo' : 'other';
}

const UNITS = ['kB', 'MB', 'GB', 'TB'] as const;

/**
 * A size in words, counted in 1024s like Windows and the server's limit (25 MiB is "25 MB"):
 * "812 bytes", "4,5 kB", "340 kB", "1,2 MB". `digits` is the most decimals (1 unless told).
 */
export function formatFileSize(bytes: number, language: Language, digits = 1): string {
  const whole = Math.max(0, Math.round(bytes));
  if (whole < 1024) return whole === 1 ? '1 byte' : `${formatNumber(language, whole)} bytes`;
  let value = whole / 1024;
  let unit = 0;
  const decimals = (v: number) => (unit === 0 && v >= 10 ? 0 : digits);
  // Move up a unit when the rounded value would reach 1024 ("1.024 kB" is "1 MB").
  while (unit < UNITS.length - 1 && Number(value.toFixed(decimals(value))) >= 1024) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(language, value, { maximumFractionDigits: decimals(value) })} ${UNITS[unit]}`;
}

/** Whether a file is larger than the server takes (unknown limit: let the server decide). */
export function isTooLarge(size: number, maxBytes: number | undefined): boolean {
  return maxBytes !== undefined && maxBytes > 0 && size > maxBytes;
}

/**
 * A file's size and the limit in words for "Dit bestand is 31,4 MB; de grens is 25 MB.", with
 * enough decimals that the two never read the same (25,04 MB against 25 MB).
 */
export function sizeAgainstLimit(size: number, maxBytes: number, language: Language): { size: string; max: string } {
  for (const digits of [1, 2]) {
    const shown = { size: formatFileSize(size, language, digits), max: formatFileSize(maxBytes, language, digits) };
    if (shown.size !== shown.max) return shown;
  }
  return { size: `${formatNumber(language, size)} bytes`, max: `${formatNumber(language, maxBytes)} bytes` };
}
