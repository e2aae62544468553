import { describe, expect, it } from 'vitest';
import { MAP_BACKGROUND, MAP_TONES, TONES, contrast } from './tones';
import { MAP_TEXTS } from './texts';

describe('map tones', () => {
  it('every fill has at least 3:1 against the white page, borders and pattern marks (WCAG 1.4.11)', () => {
    for (const tone of MAP_TONES) {
      expect(contrast(TONES[tone].fill, MAP_BACKGROUND), tone).toBeGreaterThanOrEqual(3);
    }
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#1f5f6b', '#ffffff')).toBeCloseTo(7.22, 2);
  });

  it('the classes that sit side by side differ in pattern and icon, not only in colour (WCAG 1.4.1)', () => {
    const classes = (['bad', 'warn', 'good', 'muted'] as const).map((t) => TONES[t]);
    expect(new Set(classes.map((c) => c.pattern)).size).toBe(4);
    expect(new Set(classes.map((c) => c.icon)).size).toBe(4);
  });

  it('the map texts have the same keys and placeholders in Dutch and English', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(MAP_TEXTS.en).sort()).toEqual(Object.keys(MAP_TEXTS.nl).sort());
    for (const [key, text] of Object.entries(MAP_TEXTS.nl)) {
      expect(placeholders(MAP_TEXTS.en[key as keyof typeof MAP_TEXTS.en]), key).toEqual(placeholders(text));
    }
  });
});
