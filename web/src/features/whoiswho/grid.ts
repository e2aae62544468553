import type { ChartArea, ScatterPoint, ScatterSeries } from '../../components/Chart';
import type { PersonSummary, Quadrant } from '../../api/types';

/** Scores at or above this count as high (the server's rule, core/whoiswho kHighScore). */
export const HIGH_SCORE = 3;

/** Mendelow's quadrant for power and interest. */
export function classify(power: number, interest: number): Quadrant {
  const highPower = power >= HIGH_SCORE;
  const highInterest = interest >= HIGH_SCORE;
  if (highPower && highInterest) return 'manage_closely';
  if (highPower) return 'keep_satisfied';
  if (highInterest) return 'keep_informed';
  return 'monitor';
}

/** Axis ends and the line between low and high, in score units. */
export const AXIS_MIN = 0;
export const AXIS_MAX = 6;
const SPLIT = HIGH_SCORE - 0.5;

/**
 * The four quadrants as areas of the grid, with interest on the x axis and power on the y axis
 * (Mendelow): high power and high interest top right.
 */
export function quadrantAreas(label: (quadrant: Quadrant) => string): ChartArea[] {
  return [
    { label: label('keep_satisfied'), x: [AXIS_MIN, SPLIT], y: [SPLIT, AXIS_MAX], labelPosition: 'insideTopLeft', tone: 'soft' },
    { label: label('manage_closely'), x: [SPLIT, AXIS_MAX], y: [SPLIT, AXIS_MAX], labelPosition: 'insideTopRight', tone: 'strong' },
    { label: label('monitor'), x: [AXIS_MIN, SPLIT], y: [AXIS_MIN, SPLIT], labelPosition: 'insideBottomLeft', tone: 'plain' },
    { label: label('keep_informed'), x: [SPLIT, AXIS_MAX], y: [AXIS_MIN, SPLIT], labelPosition: 'insideBottomRight', tone: 'soft' },
  ];
}

export type AttitudeGroup = 'against' | 'neutral' | 'for';

export function attitudeGroup(attitude: number): AttitudeGroup {
  if (attitude < 0) return 'against';
  if (attitude > 0) return 'for';
  return 'neutral';
}

export interface GridTexts {
  group: (group: AttitudeGroup) => string;
  quadrant: (quadrant: Quadrant) => string;
  attitude: (attitude: number) => string;
}

/**
 * People with a latest assessment as points: x = interest, y = power, one series per attitude
 * group (each with its own shape). Returns the people without an assessment separately.
 */
export function gridSeries(
  people: readonly PersonSummary[],
  texts: GridTexts,
): { series: ScatterSeries[]; unassessed: PersonSummary[] } {
  const symbols: Record<AttitudeGroup, ScatterSeries['symbol']> = {
    against: 'triangle',
    neutral: 'circle',
    for: 'diamond',
  };
  // Chart palette: teal, ochre, red (each group also has its own shape).
  const colours: Record<AttitudeGroup, number> = { for: 0, neutral: 1, against: 4 };
  const groups: AttitudeGroup[] = ['for', 'neutral', 'against'];
  const buckets: Record<AttitudeGroup, ScatterPoint[]> = { for: [], neutral: [], against: [] };
  const unassessed: PersonSummary[] = [];
  for (const person of people) {
    const assessment = person.latest_assessment;
    if (!assessment) {
      unassessed.push(person);
      continue;
    }
    const quadrant = person.quadrant ?? classify(assessment.power, assessment.interest);
    buckets[attitudeGroup(assessment.attitude)].push({
      id: String(person.id),
      label: person.name,
      x: assessment.interest,
      y: assessment.power,
      details: [texts.attitude(assessment.attitude), texts.quadrant(quadrant)],
    });
  }
  const series = groups
    .filter((group) => buckets[group].length > 0)
    .map((group) => ({
      name: texts.group(group),
      symbol: symbols[group],
      paletteIndex: colours[group],
      points: buckets[group],
    }));
  return { series, unassessed };
}
