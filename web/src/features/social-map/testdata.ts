import type { Consortium, ConsortiumOffer, Coverage } from '../../api/types';

/** Two neighbourhoods × three kinds of help; providers 11 (De Linde), 12 (Buurtkracht), 13 (Thuis). */
export const COVERAGE: Coverage = {
  areas: [
    { code: 'BU03550101', name: 'Centrum', municipality_code: 'GM0355', source: 'workspace' },
    { code: 'BU03550102', name: 'Kerckebosch', municipality_code: 'GM0355', source: 'workspace' },
  ],
  domains: ['welfare', 'daytime_activities', 'youth_care'],
  cells: [
    { area: 'BU03550101', domain: 'welfare', providers: [11, 12], services: [1, 2] },
    { area: 'BU03550101', domain: 'daytime_activities', providers: [13], services: [3] },
    { area: 'BU03550101', domain: 'youth_care', providers: [], services: [] },
    { area: 'BU03550102', domain: 'welfare', providers: [12], services: [2] },
    { area: 'BU03550102', domain: 'daytime_activities', providers: [], services: [] },
    { area: 'BU03550102', domain: 'youth_care', providers: [], services: [] },
  ],
  gaps: 3,
  single: 2,
};

export const CONSORTIUM: Consortium = {
  id: 5,
  name: 'Samen Zeist',
  municipality_code: 'GM0355',
  member_ids: [11, 12, 13],
  contact_organisation_id: 12,
  contact: 'Loket Buurtkracht, 030 123 45 67',
  shared: false,
  created_at: '2026-11-01T10:00:00Z',
};

export const OFFER: ConsortiumOffer = {
  name: 'Samen Zeist',
  municipality_code: 'GM0355',
  municipality_name: 'Zeist',
  contact: 'Loket Buurtkracht, 030 123 45 67',
  contact_organisation_id: 12,
  members: [
    { id: 11, name: 'De Linde', niche: [] },
    { id: 12, name: 'Buurtkracht', niche: [{ area: 'BU03550102', domain: 'welfare' }] },
    { id: 13, name: 'Thuis', niche: [{ area: 'BU03550101', domain: 'daytime_activities' }] },
  ],
  coverage: COVERAGE,
  overlaps: [{ area: 'BU03550101', domain: 'welfare' }],
  gaps: [
    { area: 'BU03550101', domain: 'youth_care' },
    { area: 'BU03550102', domain: 'daytime_activities' },
    { area: 'BU03550102', domain: 'youth_care' },
  ],
  // The contract types these as plain objects; the page reads the Service fields it needs.
  services: [
    { id: 2, organisation_id: 12, organisation_name: 'Buurtkracht', name: 'Buurtkamer', domain: 'welfare', law: 'free', areas: ['BU03550101', 'BU03550102'] },
  ] as unknown as ConsortiumOffer['services'],
};
