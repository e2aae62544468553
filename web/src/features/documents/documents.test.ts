import { describe, expect, it } from 'vitest';
import { documentKind, fileExtension, formatFileSize, isTooLarge, sizeAgainstLimit } from './documents';
import { DOCUMENTS_TEXTS, documentsText } from './texts';

const MB = 1024 * 1024;

describe('formatFileSize', () => {
  it('says a size the Dutch way, counted in 1024s', () => {
    expect(formatFileSize(0, 'nl')).toBe('0 bytes');
    expect(formatFileSize(1, 'nl')).toBe('1 byte');
    expect(formatFileSize(812, 'nl')).toBe('812 bytes');
    expect(formatFileSize(4608, 'nl')).toBe('4,5 kB');
    expect(formatFileSize(348_160, 'nl')).toBe('340 kB');
    expect(formatFileSize(Math.round(1.2 * MB), 'nl')).toBe('1,2 MB');
    expect(formatFileSize(Math.round(1.2 * MB), 'en')).toBe('1.2 MB');
    expect(formatFileSize(25 * MB, 'nl')).toBe('25 MB');
    expect(formatFileSize(Math.round(31.4 * MB), 'nl')).toBe('31,4 MB');
    expect(formatFileSize(3 * 1024 * MB, 'nl')).toBe('3 GB');
  });
  it('goes up a unit instead of saying 1.024', () => {
    expect(formatFileSize(MB - 10, 'nl')).toBe('1 MB');
  });
});

describe('the size check', () => {
  it('refuses only what is larger than a known limit', () => {
    expect(isTooLarge(25 * MB + 1, 25 * MB)).toBe(true);
    expect(isTooLarge(25 * MB, 25 * MB)).toBe(false);
    expect(isTooLarge(100 * MB, undefined)).toBe(false);
  });
  it('never says the same number for the file and the limit', () => {
    expect(sizeAgainstLimit(Math.round(31.4 * MB), 25 * MB, 'nl')).toEqual({ size: '31,4 MB', max: '25 MB' });
    expect(sizeAgainstLimit(Math.round(25.04 * MB), 25 * MB, 'nl')).toEqual({ size: '25,04 MB', max: '25 MB' });
    expect(sizeAgainstLimit(25 * MB + 1, 25 * MB, 'nl')).toEqual({ size: '26.214.401 bytes', max: '26.214.400 bytes' });
    expect(documentsText('nl', 'upload.tooLarge', sizeAgainstLimit(Math.round(31.4 * MB), 25 * MB, 'nl'))).toBe(
      'Dit bestand is 31,4 MB; de grens is 25 MB.',
    );
  });
});

describe('documentKind', () => {
  it('names the type by extension first, then by the type read from the bytes', () => {
    expect(fileExtension('Verslag.Overleg.PDF')).toBe('pdf');
    expect(fileExtension('.profile')).toBe('');
    expect(fileExtension('map\\notities')).toBe('');
    expect(documentKind('application/pdf', 'verslag.pdf')).toBe('pdf');
    expect(documentKind('application/zip', 'begroting.xlsx')).toBe('excel');
    expect(documentKind('application/x-ole-storage', 'bericht.msg')).toBe('email');
    expect(documentKind('text/plain', 'uitnodiging.eml')).toBe('email');
    expect(documentKind('text/plain; charset=utf-8', 'afspraak.ics')).toBe('calendar');
    expect(documentKind('image/heic', 'IMG_0042')).toBe('photo');
    expect(documentKind('application/vnd.oasis.opendocument.text', 'nota')).toBe('odText');
    expect(documentKind('application/octet-stream', 'iets.bin')).toBe('other');
    expect(documentsText('nl', `kind.${documentKind('text/calendar', 'x.ics')}`)).toBe('agenda-uitnodiging');
  });
});

describe('texts', () => {
  it('has the same keys and placeholders in Dutch and English', () => {
    const holes = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    expect(Object.keys(DOCUMENTS_TEXTS.en).sort()).toEqual(Object.keys(DOCUMENTS_TEXTS.nl).sort());
    for (const key of Object.keys(DOCUMENTS_TEXTS.nl) as (keyof typeof DOCUMENTS_TEXTS.nl)[]) {
      expect(holes(DOCUMENTS_TEXTS.en[key]), key).toEqual(holes(DOCUMENTS_TEXTS.nl[key]));
    }
  });
});
