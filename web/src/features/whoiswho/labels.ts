import type { OrganisationKind, PositionKind, Quadrant } from '../../api/types';
import type { MessageKey } from '../../i18n/i18n';

export function positionKindLabel(kind: PositionKind): MessageKey {
  return `positionKind.${kind}`;
}

export function quadrantLabel(quadrant: Quadrant): MessageKey {
  return `quadrant.${quadrant}`;
}

export function organisationKindLabel(kind: OrganisationKind): MessageKey {
  return `organisationKind.${kind}`;
}

/** Attitude −2…+2 as words: "tegen" … "voor". */
export function attitudeLabel(attitude: number): MessageKey {
  if (attitude <= -2) return 'attitude.-2';
  if (attitude === -1) return 'attitude.-1';
  if (attitude === 0) return 'attitude.0';
  if (attitude === 1) return 'attitude.1';
  return 'attitude.2';
}

/** "+1", "0", "−2" (with a real minus sign). */
export function signed(value: number): string {
  if (value > 0) return `+${value}`;
  if (value < 0) return `−${Math.abs(value)}`;
  return '0';
}

/** Score 1–5 as words ("1 – heel weinig" … "5 – heel veel"). */
export function scoreLabel(score: number): MessageKey {
  const clamped = Math.min(5, Math.max(1, Math.round(score)));
  return `score.${clamped}` as MessageKey;
}
