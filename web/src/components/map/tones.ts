/**
 * The fills of the maps. Every class has a colour, a pattern and an icon, so colour is never the
 * only difference (WCAG 1.4.1). Each colour has at least 3:1 contrast against white (WCAG
 * 1.4.11): areas are separated by white borders and stand out from the white page; the white
 * pattern marks have at least 3:1 against every fill. The ratios are computed in tones.test.ts.
 */

import { Check, CircleAlert, Minus, X, type LucideIcon } from 'lucide-react';

/** bad: the worst class (no provider, action needed); warn: in between; good: the best; muted: none/unknown; base: a map without classes. */
export type MapTone = 'bad' | 'warn' | 'good' | 'muted' | 'base';
export type MapPattern = 'stripes' | 'dots' | 'solid' | 'cross';

export interface ToneStyle {
  fill: string;
  pattern: MapPattern;
  /** Shown beside the words in the legend and the table (decorative: aria-hidden); an SVG icon. */
  icon: LucideIcon | null;
}

export const TONES: Record<MapTone, ToneStyle> = {
  bad: { fill: '#b3261e', pattern: 'stripes', icon: X }, // 6.5:1 on white
  warn: { fill: '#9a6400', pattern: 'dots', icon: CircleAlert }, // 5.0:1 on white
  good: { fill: '#1f5f6b', pattern: 'solid', icon: Check }, // 7.2:1 on white
  muted: { fill: '#6b7680', pattern: 'cross', icon: Minus }, // 4.6:1 on white
  base: { fill: '#2e7a87', pattern: 'solid', icon: null }, // 4.9:1 on white
};

export const MAP_TONES: readonly MapTone[] = ['bad', 'warn', 'good', 'muted', 'base'];

/** The page, the borders between areas and the pattern marks. */
export const MAP_BACKGROUND = '#ffffff';

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}
