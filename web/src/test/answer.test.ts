import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, errorBody, noContent, problem, unroutedRequest, type Schema } from './answer';
import { misdirectedAnswers } from './operationCheck';

/**
 * What the typed answers refuse at compile time (`npm run typecheck` checks these
 * `@ts-expect-error`s: one that no longer errs fails the build), and what they send.
 */
function compileTimeChecks(topology: Schema<'TopoJson'>) {
  answer('getHealth', 200, { status: 'ok', version: '1' });
  // @ts-expect-error a status getHealth does not document
  answer('getHealth', 404, { status: 'ok', version: '1' });
  // @ts-expect-error a field of the wrong type
  answer('getHealth', 200, { status: 'ok', version: 1 });
  // @ts-expect-error a field the schema does not have
  answer('getHealth', 200, { status: 'ok', version: '1', uptime: 3 });
  // @ts-expect-error a value outside the enum
  answer('listOrganisations', 200, { items: [{ id: 1, kind: 'bank', name: 'A', municipality_code: null }] });
  // @ts-expect-error an error status goes through problem(), whose code fits its status
  answer('getSession', 401, errorBody('unauthenticated', 'Log in.'));
  problem('getSession', 'unauthenticated', 'Log in.');
  // @ts-expect-error getSession documents no 404
  problem('getSession', 'not_found', 'Weg.');
  // Any operation may fail unexpectedly or find its database gone (App::Handle).
  problem('getSession', 'internal', 'Mis.');
  problem('getSession', 'unavailable', 'Even niet.');
  // Any workspace operation may ask for single sign-on (the OpenWorkspace middleware)…
  problem('listPlans', 'sso_required', 'Log in met single sign-on.');
  // @ts-expect-error …but not one outside a workspace
  problem('getSession', 'sso_required', 'Log in met single sign-on.');
  // An error body with more in it than ErrorBody is an answer of its own.
  answer('importFile', 422, { error: { code: 'import_rejected', message: 'Nee.', fields: {} } });
  // @ts-expect-error …and not a plain problem
  problem('importFile', 'import_rejected', 'Nee.');
  noContent('logOut');
  // @ts-expect-error getSession never answers without a body
  noContent('getSession');
  // A free-form object of the spec (`type: object`) takes any object.
  answer('getDistrictMap', 200, topology);
}
void compileTimeChecks;

describe('typed answers', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('send the body as JSON with the status, and an error with the status of its code', async () => {
    const ok = answer('getHealth', 200, { status: 'ok', version: '1.2' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Content-Type')).toBe('application/json');
    expect(await ok.json()).toEqual({ status: 'ok', version: '1.2' });

    const refused = problem('logIn', 'invalid_credentials', 'Klopt niet.');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: { code: 'invalid_credentials', message: 'Klopt niet.', fields: {} } });
    expect(problem('logIn', 'invalid_input', 'Nee.', { email: 'Leeg.' }).status).toBe(422);
    expect(problem('listPlans', 'sso_required', 'SSO.').status).toBe(403);
    expect(problem('listPlans', 'unavailable', 'Even niet.').status).toBe(503);
    expect(noContent('logOut').status).toBe(204);
    expect(unroutedRequest().status).toBe(404);
  });

  it('are checked against the request they answer', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => answer('listPlans', 200, { items: [] }));
    vi.stubGlobal('fetch', fetchMock);
    await fetch('/api/v1/workspaces/demo/plans');
    expect(misdirectedAnswers()).toEqual([]);

    vi.stubGlobal('fetch', fetchMock); // Each check looks at the mocks of one test.
    await fetch('/api/v1/workspaces/demo/feedback/surveys');
    await fetch('/api/v1/workspaces/demo/plans', { method: 'POST' });
    expect(misdirectedAnswers()).toEqual([
      'GET /api/v1/workspaces/demo/feedback/surveys: answered as listPlans, which is GET /api/v1/workspaces/{slug}/plans',
      'POST /api/v1/workspaces/demo/plans: answered as listPlans, which is GET /api/v1/workspaces/{slug}/plans',
    ]);
  });
});
