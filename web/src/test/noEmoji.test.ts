import { describe, expect, it } from 'vitest';

/** The part of node:fs used here (the app's tsconfig has no Node types; the tests run in Node). */
interface Fs {
  readdirSync(path: string, options: { withFileTypes: true }): { name: string; isDirectory(): boolean }[];
  readFileSync(path: string, encoding: 'utf8'): string;
}
const fsModule: string = 'node:fs';
const { readdirSync, readFileSync } = (await import(/* @vite-ignore */ fsModule)) as Fs;

/**
 * No emoji or symbol characters as icons in the app: a stock Chromium on Debian has no colour
 * emoji font (and few symbol glyphs), so they show as empty boxes. Icons are SVG (components/Icon).
 *
 * Caught: characters shown as emoji by default, the emoji variation selector and keycap, other
 * pictographs (except © ® ™ and the arrows ← → …, which are ordinary text), and the blocks of
 * symbols and dingbats used as marks: ✓ ✔ ✕ ✗ ⚠ ✉ ★ ☎ ● ▲ ▼ ▶ ▸ ⬆ ⭐ …
 */
const ICON_LIKE =
  /\p{Emoji_Presentation}|\u{FE0F}|\u{20E3}|[\u{25A0}-\u{25FF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}]|(?![\u{A9}\u{AE}\u{2122}\u{2190}-\u{21FF}])\p{Extended_Pictographic}/u;

function iconLikeCharacters(text: string): string[] {
  const found: string[] = [];
  for (const char of text) if (ICON_LIKE.test(char)) found.push(char);
  return found;
}

/** web/, as a directory path ending in "/" (Vitest may serve this file as /@fs/…/src/test/…). */
const here = decodeURIComponent(new URL(import.meta.url, 'file:///').pathname).replace(/^\/@fs\//, '/');
const webRoot = here.slice(0, here.lastIndexOf('/src/test/') + 1);

/** The app's own files: sources, texts and styles; not tests (they may test emoji input). */
function appFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name !== 'test') files.push(...appFiles(`${dir}${entry.name}/`));
    } else if (/\.(tsx?|json|css|html|svg)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      files.push(`${dir}${entry.name}`);
    }
  }
  return files;
}

describe('no emoji as icons', () => {
  it('recognises emoji and symbol marks, and lets ordinary text through', () => {
    for (const sample of ['🤝', '💬', '📅', '🧭', '📧', '✉', '✉️', '⚠', '✓', '✔', '✕', '✗', '▲', '▼', '▶', '●', '▸', '⭐', '☎', '🙂']) {
      expect(iconLikeCharacters(`a ${sample} b`), sample).not.toEqual([]);
    }
    expect(iconLikeCharacters('Cliëntfeedback – te laat → 2029 ← vorige · “quote” © ™ … −3 €')).toEqual([]);
  });

  it('appear nowhere in web/src, index.html or public/', () => {
    const files = [...appFiles(`${webRoot}src/`), `${webRoot}index.html`, ...appFiles(`${webRoot}public/`)];
    expect(files.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          const chars = iconLikeCharacters(line);
          if (chars.length > 0) {
            const codes = chars.map((c) => `${c} U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
            problems.push(`${file.slice(webRoot.length)}:${index + 1}: ${codes.join(', ')}`);
          }
        });
    }
    expect(problems).toEqual([]);
  });
});
