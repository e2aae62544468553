import type { MessageKey } from '../../i18n/i18n';

/**
 * The feature areas in the main menu, in menu order. Each gets its own issue; until it lands its
 * page says "not available yet". `path` is the code name used in URLs (/w/{slug}/{path}).
 */
export interface Area {
  path: string;
  label: MessageKey;
  summary: MessageKey;
}

export const AREAS: readonly Area[] = [
  { path: 'people', label: 'area.people', summary: 'area.people.summary' },
  { path: 'policy-calendar', label: 'area.policyCalendar', summary: 'area.policyCalendar.summary' },
  { path: 'council', label: 'area.council', summary: 'area.council.summary' },
  { path: 'advisor', label: 'area.advisor', summary: 'area.advisor.summary' },
  { path: 'interactions', label: 'area.interactions', summary: 'area.interactions.summary' },
  { path: 'feedback', label: 'area.feedback', summary: 'area.feedback.summary' },
  { path: 'financing', label: 'area.financing', summary: 'area.financing.summary' },
  { path: 'scan', label: 'area.scan', summary: 'area.scan.summary' },
  { path: 'social-map', label: 'area.socialMap', summary: 'area.socialMap.summary' },
];

export function findArea(path: string | undefined): Area | undefined {
  return AREAS.find((area) => area.path === path);
}
