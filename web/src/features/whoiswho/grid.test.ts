import { describe, expect, it } from 'vitest';
import type { Assessment, PersonSummary } from '../../api/types';
import { classify, gridSeries, quadrantAreas } from './grid';

function person(id: number, name: string, scores?: [number, number, number]): PersonSummary {
  const assessment: Assessment | null = scores
    ? {
        id,
        assessed_on: '2026-01-01',
        power: scores[0],
        interest: scores[1],
        attitude: scores[2],
        note: '',
        quadrant: classify(scores[0], scores[1]),
      }
    : null;
  return {
    id,
    name,
    fictional: false,
    current_positions: [],
    latest_assessment: assessment,
    quadrant: assessment?.quadrant ?? null,
  };
}

const texts = {
  group: (g: string) => g,
  quadrant: (q: string) => q,
  attitude: (a: number) => String(a),
};

describe('power/interest grid', () => {
  it('classifies 3 and more as high, like the server', () => {
    expect(classify(3, 3)).toBe('manage_closely');
    expect(classify(5, 2)).toBe('keep_satisfied');
    expect(classify(2, 5)).toBe('keep_informed');
    expect(classify(2, 2)).toBe('monitor');
    expect(classify(1, 1)).toBe('monitor');
  });

  it('places each person inside the area of their quadrant', () => {
    const areas = quadrantAreas((q) => q);
    const inside = (x: number, y: number) =>
      areas.filter((a) => x >= a.x[0] && x <= a.x[1] && y >= a.y[0] && y <= a.y[1]).map((a) => a.label);
    const people = [
      person(1, 'Wethouder', [5, 4, 1]),
      person(2, 'Raadslid', [2, 5, 0]),
      person(3, 'Burgemeester', [4, 1, -1]),
      person(4, 'Burgerlid', [1, 2, 2]),
    ];
    const { series } = gridSeries(people, texts);
    const points = series.flatMap((s) => s.points);
    expect(points).toHaveLength(4);
    for (const p of points) {
      const expected = people.find((x) => String(x.id) === p.id)?.quadrant;
      // x is interest, y is power (Mendelow).
      expect(inside(p.x, p.y)).toEqual([expected]);
    }
    // High power and high interest is top right.
    const top = areas.find((a) => a.label === 'manage_closely');
    expect(top?.labelPosition).toBe('insideTopRight');
    expect(top?.x[0]).toBeGreaterThan(2);
    expect(top?.y[0]).toBeGreaterThan(2);
  });

  it('splits people by attitude, each group with its own shape, and lists the unrated', () => {
    const { series, unassessed } = gridSeries(
      [
        person(1, 'Voor', [5, 5, 2]),
        person(2, 'Tegen', [5, 5, -2]),
        person(3, 'Ook voor', [1, 1, 1]),
        person(4, 'Onbekend'),
      ],
      texts,
    );
    expect(series.map((s) => [s.name, s.symbol, s.points.map((p) => p.label)])).toEqual([
      ['for', 'diamond', ['Voor', 'Ook voor']],
      ['against', 'triangle', ['Tegen']],
    ]);
    expect(series[0]?.points[0]?.details).toEqual(['2', 'manage_closely']);
    expect(unassessed.map((p) => p.name)).toEqual(['Onbekend']);
  });
});
