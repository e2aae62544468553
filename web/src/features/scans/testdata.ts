import type { ScanResults, ScanTemplates } from '../../api/types';

const text = (nl: string, en = nl) => ({ nl, en });

/** A small template: two dimensions, three statements. */
export const TEMPLATES: ScanTemplates = {
  scale: { nl: ['Helemaal oneens', 'Oneens', 'Neutraal', 'Eens', 'Helemaal eens'], en: ['1', '2', '3', '4', '5'] },
  dont_know: text('Weet niet', "Don't know"),
  items: [
    {
      id: 'care_cooperative',
      title: text('Scan zorg en coöperatie'),
      intro: text('Samen kijken.'),
      source: { id: 'kcwz', title: 'Bronboek', publisher: 'Uitgever', year: 2015 },
      dimensions: [
        {
          id: 'view',
          title: text('Dezelfde kijk', 'Same view'),
          statements: [
            { id: 's1', text: text('We praten veel.', 'We talk a lot.'), action: text('Praat meer.', 'Talk more.') },
            { id: 's2', text: text('We delen taken.'), action: text('Verdeel taken.') },
          ],
        },
        {
          id: 'trust',
          title: text('Vertrouwen'),
          statements: [{ id: 's3', text: text('We vertrouwen elkaar.'), action: text('Plan een gesprek.') }],
        },
      ],
    },
  ],
};

const scan = {
  id: 7,
  title: 'Najaar',
  collaboration: 'A en B',
  template_id: 'care_cooperative',
  template_title: 'Scan zorg en coöperatie',
  status: 'open' as const,
  previous_scan_id: 6,
  invited: 5,
  answered: 4,
  created_at: '2026-11-01T10:00:00Z',
  closed_at: null,
};

/** Four answers: three from A (shown), one from B (hidden); a repeat of scan 6. */
export const RESULTS: ScanResults = {
  scan,
  respondents: 4,
  shown: true,
  min_respondents: 3,
  organisations: [
    { organisation: 'A', respondents: 3, shown: true },
    { organisation: 'B', respondents: 1, shown: false },
  ],
  statements: [
    {
      statement_id: 's1', dimension_id: 'view', mean: 3.5, respondents: 4, dont_know: 0, spread: 1.5,
      organisation_difference: null,
      organisations: [
        { organisation: 'A', mean: 4.2, respondents: 3, dont_know: 0 },
        { organisation: 'B', mean: 1, respondents: 1, dont_know: 0 },
      ],
    },
    {
      statement_id: 's2', dimension_id: 'view', mean: 2.25, respondents: 4, dont_know: 1, spread: 0.4,
      organisation_difference: null,
      organisations: [{ organisation: 'A', mean: 2, respondents: 3, dont_know: 1 }],
    },
    {
      statement_id: 's3', dimension_id: 'trust', mean: 4, respondents: 4, dont_know: 0, spread: 0.9,
      organisation_difference: null,
      organisations: [{ organisation: 'A', mean: 4, respondents: 3, dont_know: 0 }],
    },
  ],
  dimensions: [
    { dimension_id: 'view', mean: 2.9, organisations: [{ organisation: 'A', mean: 3.1 }, { organisation: 'B', mean: 1 }] },
    { dimension_id: 'trust', mean: 4, organisations: [{ organisation: 'A', mean: 4 }] },
  ],
  gaps: ['s1', 's3', 's2'],
  weakest: [{ statement_id: 's2', mean: 2.25, action: text('Verdeel taken.', 'Share tasks.') }],
  comments: [
    { statement_id: 's3', text: 'Goed zo' },
    { statement_id: 's1', text: 'Vaker bellen' },
    { statement_id: 's1', text: 'Meer overleg' },
  ],
  previous: { ...scan, id: 6, title: 'Voorjaar', previous_scan_id: null },
  changes: [
    { dimension_id: 'view', before: 2.4, now: 2.9, change: 0.5 },
    { dimension_id: 'trust', before: 4.3, now: 4, change: -0.3 },
  ],
};
