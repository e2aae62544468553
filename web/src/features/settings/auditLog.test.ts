import { describe, expect, it } from 'vitest';
// The generated types of api/openapi.yaml, as text (Vite does not serve files outside web/).
import schema from '../../api/schema.d.ts?raw';
import { describeAuditEntry, isRemoved, removedSubjects } from './auditLog';
import { SETTINGS_TEXTS } from './texts';

const nl = (action: string, subject: string) => describeAuditEntry({ action, subject }, 'nl', 'demo');
const en = (action: string, subject: string) => describeAuditEntry({ action, subject }, 'en', 'demo');

/** Every write operation on a workspace path in api/openapi.yaml (via schema.d.ts), as "METHOD pattern". */
function workspaceWrites(): string[] {
  const writes: string[] = [];
  let path: string | null = null;
  for (const line of schema.split('\n')) {
    const pathMatch = /^ {4}"(\/api\/v1\/workspaces\/\{slug\}[^"]*)": \{$/.exec(line);
    if (pathMatch) {
      path = pathMatch[1] ?? null;
      continue;
    }
    if (/^ {4}\S/.test(line)) path = null;
    const method = /^ {8}(post|put|patch|delete): operations\[/.exec(line);
    if (path && method) writes.push(`${(method[1] ?? '').toUpperCase()} ${path}`);
  }
  return writes;
}

/** A concrete path for a pattern: every {parameter} becomes a number (or a code). */
function concrete(pattern: string): string {
  let n = 10;
  return pattern.replace('{slug}', 'demo').replace(/\{(\w+)\}/g, (_, name: string) => {
    n += 1;
    return name === 'kind' ? 'people_csv' : name === 'code' ? 'WK034401' : String(n);
  });
}

describe('describeAuditEntry', () => {
  it('says the council topics and the notification settings as noun and verb, like the rest', () => {
    const topics = '/api/v1/workspaces/demo/council-topics';
    expect(nl('POST /api/v1/workspaces/{slug}/council-topics', topics).text).toBe('Onderwerp voor de raad toegevoegd');
    expect(en('POST /api/v1/workspaces/{slug}/council-topics', topics).text).toBe('Council topic added');
    expect(nl('PUT /api/v1/workspaces/{slug}/council-topics/{topic_id}', `${topics}/5`).text).toBe(
      'Onderwerp 5 voor de raad gewijzigd',
    );
    expect(en('PUT /api/v1/workspaces/{slug}/council-topics/{topic_id}', `${topics}/5`).text).toBe('Council topic 5 changed');
    expect(nl('DELETE /api/v1/workspaces/{slug}/council-topics/{topic_id}', `${topics}/5`)).toMatchObject({
      text: 'Onderwerp 5 voor de raad verwijderd',
      removes: true,
    });
    expect(en('DELETE /api/v1/workspaces/{slug}/council-topics/{topic_id}', `${topics}/5`).text).toBe('Council topic 5 removed');
    const settings = '/api/v1/workspaces/demo/notification-settings';
    expect(nl('PUT /api/v1/workspaces/{slug}/notification-settings', settings).text).toBe('Instellingen voor meldingen gewijzigd');
    expect(en('PUT /api/v1/workspaces/{slug}/notification-settings', settings).text).toBe('Notification settings changed');
  });

  it('says what happened with the thing, its number and the verb from the method', () => {
    expect(nl('POST /api/v1/workspaces/{slug}/people', '/api/v1/workspaces/demo/people').text).toBe(
      'Persoon toegevoegd',
    );
    expect(en('POST /api/v1/workspaces/{slug}/people', '/api/v1/workspaces/demo/people').text).toBe('Person added');
    expect(nl('PATCH /api/v1/workspaces/{slug}/people/{person_id}', '/api/v1/workspaces/demo/people/12').text).toBe(
      'Persoon 12 gewijzigd',
    );
    expect(
      nl('DELETE /api/v1/workspaces/{slug}/agreements/{agreement_id}', '/api/v1/workspaces/demo/agreements/7').text,
    ).toBe('Afspraak 7 verwijderd');
    expect(
      en('DELETE /api/v1/workspaces/{slug}/agreements/{agreement_id}', '/api/v1/workspaces/demo/agreements/7').text,
    ).toBe('Agreement 7 removed');
    expect(
      nl(
        'PUT /api/v1/workspaces/{slug}/financing/scenarios/{scenario_id}',
        '/api/v1/workspaces/demo/financing/scenarios/3',
      ).text,
    ).toBe('Scenario 3 gewijzigd');
    expect(nl('PATCH /api/v1/workspaces/{slug}/follow-ups/{follow_up_id}', '/api/v1/workspaces/demo/follow-ups/4').text).toBe(
      'Vervolgactie 4 gewijzigd',
    );
    expect(nl('POST /api/v1/workspaces/{slug}/feedback/surveys', '/api/v1/workspaces/demo/feedback/surveys').text).toBe(
      'Vragenlijst toegevoegd',
    );
    expect(nl('DELETE /api/v1/workspaces/{slug}/areas/{code}', '/api/v1/workspaces/demo/areas/WK034401').text).toBe(
      'Gebied WK034401 verwijderd',
    );
    expect(nl('POST /api/v1/workspaces/{slug}/tokens', '/api/v1/workspaces/demo/tokens').text).toBe('API-sleutel gemaakt');
  });

  it('names the parent of a nested thing', () => {
    expect(
      nl('POST /api/v1/workspaces/{slug}/people/{person_id}/positions', '/api/v1/workspaces/demo/people/12/positions')
        .text,
    ).toBe('Functie toegevoegd bij persoon 12');
    expect(
      en('POST /api/v1/workspaces/{slug}/people/{person_id}/positions', '/api/v1/workspaces/demo/people/12/positions')
        .text,
    ).toBe('Position added for person 12');
    expect(
      nl(
        'DELETE /api/v1/workspaces/{slug}/organisations/{organisation_id}/cycle/events/{event_id}',
        '/api/v1/workspaces/demo/organisations/3/cycle/events/9',
      ).text,
    ).toBe('Gebeurtenis 9 in de cyclus verwijderd bij organisatie 3');
  });

  it('has its own sentences for domain events', () => {
    expect(nl('person.erased', 'person:12').text).toBe('Persoon gewist op verzoek (AVG)');
    expect(en('person.erased', 'person:12').text).toBe('Person erased on request (GDPR)');
    expect(nl('feedback.phone.viewed', 'callback:5').text).toBe('Telefoonnummer van een terugbelverzoek bekeken');
    expect(nl('feedback.response.erased', 'response:8').text).toBe('Persoonsgegevens gewist uit een reactie');
    expect(nl('people.exported', 'all').text).toBe('Lijst met personen gedownload (alle organisaties)');
    expect(en('people.exported', 'organisation:4').text).toBe('List of people downloaded (organisation 4)');
    expect(nl('survey.unknown', 'x:1').text).toBe('Gebeurtenis: survey.unknown (x:1)');
  });

  it('says what happened with a document', () => {
    const documents = '/api/v1/workspaces/demo/documents';
    expect(nl('POST /api/v1/workspaces/{slug}/documents', documents).text).toBe('Document toegevoegd');
    expect(en('POST /api/v1/workspaces/{slug}/documents', documents).text).toBe('Document added');
    expect(nl('POST /api/v1/workspaces/{slug}/documents/{document_id}/versions', `${documents}/9/versions`).text).toBe(
      'Nieuwe versie van document 9 toegevoegd',
    );
    expect(en('POST /api/v1/workspaces/{slug}/documents/{document_id}/versions', `${documents}/9/versions`).text).toBe(
      'New version of document 9 added',
    );
    expect(nl('DELETE /api/v1/workspaces/{slug}/documents/{document_id}', `${documents}/9`)).toMatchObject({
      text: 'Document 9 verwijderd',
      href: null,
      removes: true,
    });
  });

  it('says what happened with e-mail that waited to be checked', () => {
    const reviews = '/api/v1/workspaces/demo/mail-intake/reviews';
    expect(nl('POST /api/v1/workspaces/{slug}/mail-intake/reviews/{review_id}/file', `${reviews}/6/file`)).toMatchObject({
      text: 'E-mail 6 om na te kijken als contact in het dossier gezet',
      href: null,
      removes: false,
    });
    expect(en('POST /api/v1/workspaces/{slug}/mail-intake/reviews/{review_id}/file', `${reviews}/6/file`).text).toBe(
      'Waiting e-mail 6 filed as a contact',
    );
    expect(nl('DELETE /api/v1/workspaces/{slug}/mail-intake/reviews/{review_id}', `${reviews}/6`)).toMatchObject({
      text: 'E-mail 6 om na te kijken weggegooid',
      href: null,
      removes: true,
    });
    expect(en('DELETE /api/v1/workspaces/{slug}/mail-intake/reviews/{review_id}', `${reviews}/6`).text).toBe(
      'Waiting e-mail 6 thrown away',
    );
  });

  it('falls back to the method and path for a route it does not know', () => {
    expect(nl('POST /api/v1/workspaces/{slug}/robots', '/api/v1/workspaces/demo/robots').text).toBe(
      'Iets gewijzigd (POST /api/v1/workspaces/demo/robots)',
    );
    expect(en('PATCH /api/v1/other', '/api/v1/other').text).toBe('Something changed (PATCH /api/v1/other)');
  });

  it('has a real sentence for every write on a workspace path in api/openapi.yaml', () => {
    const writes = workspaceWrites();
    expect(writes.length).toBeGreaterThan(50);
    for (const action of writes) {
      const pattern = action.slice(action.indexOf(' ') + 1);
      for (const language of ['nl', 'en'] as const) {
        const { text } = describeAuditEntry({ action, subject: concrete(pattern) }, language, 'demo');
        expect(text, action).not.toMatch(/Iets gewijzigd|Something changed|\{\w+\}|undefined/);
        expect(text.charAt(0), action).toBe(text.charAt(0).toUpperCase());
      }
    }
  });

  it('links to the page of a thing that still exists, never to a removed one', () => {
    expect(nl('PATCH /api/v1/workspaces/{slug}/people/{person_id}', '/api/v1/workspaces/demo/people/12').href).toBe(
      '/w/demo/people/12',
    );
    expect(
      nl('PATCH /api/v1/workspaces/{slug}/agreements/{agreement_id}', '/api/v1/workspaces/demo/agreements/7').href,
    ).toBe('/w/demo/interactions/agreements/7');
    expect(
      nl('DELETE /api/v1/workspaces/{slug}/agreements/{agreement_id}', '/api/v1/workspaces/demo/agreements/7').href,
    ).toBeNull();
    expect(nl('POST /api/v1/workspaces/{slug}/people', '/api/v1/workspaces/demo/people').href).toBeNull();
    expect(nl('person.erased', 'person:12').href).toBeNull();

    const removed = removedSubjects([
      { action: 'person.erased', subject: 'person:12' },
      { action: 'DELETE /api/v1/workspaces/{slug}/agreements/{agreement_id}', subject: '/api/v1/workspaces/demo/agreements/7' },
    ]);
    expect(isRemoved('/api/v1/workspaces/demo/people/12', removed)).toBe(true);
    expect(isRemoved('/api/v1/workspaces/demo/people/12/positions', removed)).toBe(true);
    expect(isRemoved('/api/v1/workspaces/demo/agreements/7', removed)).toBe(true);
    expect(isRemoved('/api/v1/workspaces/demo/people/13', removed)).toBe(false);
  });
});

describe('texts of the audit log page', () => {
  it('has the same keys and placeholders in Dutch and English', () => {
    const holes = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    expect(Object.keys(SETTINGS_TEXTS.en).sort()).toEqual(Object.keys(SETTINGS_TEXTS.nl).sort());
    for (const key of Object.keys(SETTINGS_TEXTS.nl) as (keyof typeof SETTINGS_TEXTS.nl)[])
      expect(holes(SETTINGS_TEXTS.en[key]), key).toEqual(holes(SETTINGS_TEXTS.nl[key]));
  });
});
