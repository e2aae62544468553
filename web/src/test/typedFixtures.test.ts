import { describe, expect, it } from 'vitest';

/** The part of node:fs used here (the app's tsconfig has no Node types; the tests run in Node). */
interface Fs {
  readdirSync(path: string, options: { withFileTypes: true }): { name: string; isDirectory(): boolean }[];
  readFileSync(path: string, encoding: 'utf8'): string;
}
const fsModule: string = 'node:fs';
const { readdirSync, readFileSync } = (await import(/* @vite-ignore */ fsModule)) as Fs;

/** web/, as a directory path ending in "/" (Vitest may serve this file as /@fs/…/src/test/…). */
const here = decodeURIComponent(new URL(import.meta.url, 'file:///').pathname).replace(/^\/@fs\//, '/');
const webRoot = here.slice(0, here.lastIndexOf('/src/test/') + 1);

/** Test files that may build JSON answers by hand, each with the reason (none so far). */
const ALLOWED = new Set<string>([]);

/** Ways to hand the app a JSON answer that the schema does not check. */
const UNTYPED_ANSWER: [RegExp, string][] = [
  [/\bjsonResponse\s*\(/, 'jsonResponse() is untyped: use answer()/problem()/noContent() from src/test/answer'],
  [/new Response\s*\(\s*JSON\.stringify/, 'a hand-made JSON Response: use answer()/problem() from src/test/answer'],
  [/\bResponse\.json\s*\(/, 'Response.json(): use answer()/problem() from src/test/answer'],
  [/Content-Type['"]?\s*:\s*['"]application\/json['"]/, 'a hand-made JSON answer: use answer()/problem() from src/test/answer'],
];

function testFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) files.push(...testFiles(`${dir}${entry.name}/`));
    else if (/\.test\.tsx?$/.test(entry.name)) files.push(`${dir}${entry.name}`);
  }
  return files;
}

describe('test fixtures are typed against api/openapi.yaml', () => {
  it('no test builds a JSON answer by hand, and every malformedResponse says why', () => {
    const files = testFiles(`${webRoot}src/`).filter((file) => !file.startsWith(`${webRoot}src/test/`));
    expect(files.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const file of files) {
      const name = file.slice(webRoot.length);
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, index) => {
        if (!ALLOWED.has(name)) {
          for (const [pattern, why] of UNTYPED_ANSWER) if (pattern.test(line)) problems.push(`${name}:${index + 1}: ${why}`);
        }
        // A deliberately wrong answer carries its reason on the line or just above it.
        if (/\bmalformedResponse\s*\(/.test(line) && !line.includes('//') && !/^\s*(\/\/|\*)/.test(lines[index - 1] ?? '')) {
          problems.push(`${name}:${index + 1}: malformedResponse() without a comment saying why the answer is wrong on purpose`);
        }
      });
    }
    expect(problems).toEqual([]);
  });
});
