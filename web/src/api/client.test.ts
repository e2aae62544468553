import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n/i18n';
import { answer, noContent, problem } from '../test/answer';
import { ApiError, link, onUnauthenticated, request, setCsrfToken, Upload } from './client';
import { simulateFinancing } from './generated/financing';
import { changeMemberRole, listMembers, removeMember } from './generated/members';
import { getSession } from './generated/session';
import { revokeToken } from './generated/tokens';
import { exportPeople, importFile, listPeople } from './generated/whoiswho';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockReset();
  setCsrfToken(null);
  applyLanguage('nl');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function lastUrl(): string {
  const call = fetchMock.mock.calls.at(-1);
  if (!call) throw new Error('fetch was not called');
  return String(call[0]);
}

function lastInit(): RequestInit {
  const call = fetchMock.mock.calls.at(-1);
  if (!call) throw new Error('fetch was not called');
  return call[1] ?? {};
}

function lastHeaders(): Record<string, string> {
  return lastInit().headers as Record<string, string>;
}

const UNAUTHENTICATED = 'Log eerst in.';

describe('request', () => {
  it('returns the JSON body of a 2xx response', async () => {
    fetchMock.mockResolvedValue(answer('listWorkspaces', 200, { items: [] }));
    await expect(request('GET', '/api/v1/workspaces')).resolves.toEqual({ items: [] });
    expect(lastUrl()).toBe('/api/v1/workspaces');
    expect(lastInit().credentials).toBe('same-origin');
    expect(lastHeaders().Accept).toBe('application/json');
    expect(lastHeaders()['Accept-Language']).toBe('nl');
  });

  it('returns undefined for 204', async () => {
    fetchMock.mockResolvedValue(noContent('logOut'));
    await expect(request('DELETE', '/api/v1/session')).resolves.toBeUndefined();
  });

  it('maps an error body to ApiError with status, code, message and fields', async () => {
    fetchMock.mockResolvedValue(
      problem('invite', 'invalid_input', 'Controleer de velden.', {
        email: 'Er is geen account met dit e-mailadres.',
      }),
    );
    const error = await request('POST', '/api/v1/workspaces/{slug}/invitations', {
      path: { slug: 'demo' },
      body: { email: 'x@example.org', role: 'viewer' },
    }).catch((e: unknown) => e);
    expect(lastUrl()).toBe('/api/v1/workspaces/demo/invitations');
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 422,
      code: 'invalid_input',
      message: 'Controleer de velden.',
      fields: { email: 'Er is geen account met dit e-mailadres.' },
    });
  });

  it('maps a body without the error shape to a general ApiError', async () => {
    fetchMock.mockResolvedValue(new Response('<h1>Bad gateway</h1>', { status: 502 }));
    const error = (await request('GET', '/api/v1/workspaces').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.code).toBe('http_502');
    expect(error.message).toContain('502');
    expect(error.fields).toEqual({});
  });

  it('maps a 2xx answer that is not JSON to invalid_response', async () => {
    fetchMock.mockResolvedValue(new Response('not json', { status: 200 }));
    const error = (await request('GET', '/api/v1/workspaces').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('invalid_response');
  });

  it('maps a network failure to status 0 with a message in the UI language', async () => {
    applyLanguage('en');
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const error = (await request('GET', '/api/v1/session').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
    expect(error.code).toBe('network_error');
    expect(error.message).toMatch(/no connection/i);
    expect(lastHeaders()['Accept-Language']).toBe('en');
  });

  it('passes an abort on as the AbortError itself', async () => {
    fetchMock.mockRejectedValue(new DOMException('stopped', 'AbortError'));
    const error = await getSession({ signal: new AbortController().signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
  });

  it('sends the CSRF token and a JSON body on changes, not on reads', async () => {
    setCsrfToken('csrf-123');
    fetchMock.mockResolvedValue(answer('listMembers', 200, { items: [] }));
    await listMembers({ slug: 'demo' });
    expect(lastUrl()).toBe('/api/v1/workspaces/demo/members');
    expect(lastInit().method).toBe('GET');
    expect(lastHeaders()['X-CSRF-Token']).toBeUndefined();
    expect(lastHeaders()['Content-Type']).toBeUndefined();
    expect(lastInit().body).toBeUndefined();

    fetchMock.mockResolvedValue(
      answer('changeMemberRole', 200, {
        user: { id: 2, email: 'a@b.nl', name: 'A', language: 'nl' },
        role: 'viewer',
      }),
    );
    await changeMemberRole({ slug: 'demo', user_id: 2 }, { role: 'viewer' });
    expect(lastUrl()).toBe('/api/v1/workspaces/demo/members/2');
    expect(lastInit().method).toBe('PATCH');
    expect(lastHeaders()['X-CSRF-Token']).toBe('csrf-123');
    expect(lastHeaders()['Content-Type']).toBe('application/json');
    expect(JSON.parse(lastInit().body as string)).toEqual({ role: 'viewer' });

    fetchMock.mockResolvedValue(noContent('revokeToken'));
    await expect(revokeToken({ slug: 'demo', token_id: 7 })).resolves.toBeUndefined();
    expect(lastUrl()).toBe('/api/v1/workspaces/demo/tokens/7');
    expect(lastInit().method).toBe('DELETE');
    expect(lastHeaders()['X-CSRF-Token']).toBe('csrf-123');
  });

  it('encodes path values and leaves out query values that are undefined, null or empty', async () => {
    fetchMock.mockImplementation(async () => answer('listPeople', 200, { items: [], has_more: false }));
    await listPeople(
      { slug: 'de mo/x' },
      { q: '', organisation_id: undefined, party: 'D66 & co', offset: 0, limit: 50 },
    );
    expect(lastUrl()).toBe('/api/v1/workspaces/de%20mo%2Fx/people?party=D66+%26+co&offset=0&limit=50');

    await listPeople({ slug: 'demo' });
    expect(lastUrl()).toBe('/api/v1/workspaces/demo/people');
  });

  it('sends an Upload as is with its own Content-Type', async () => {
    setCsrfToken('csrf-9');
    fetchMock.mockResolvedValue(new Response('{}', { status: 200 })); // only the request matters here
    const file = new Blob(['naam;e-mail\n'], { type: 'application/vnd.ms-excel' });
    await importFile({ slug: 'demo', kind: 'people_csv' }, new Upload(file, 'text/csv'), { dry_run: false });
    expect(lastUrl()).toBe('/api/v1/workspaces/demo/imports/people_csv?dry_run=false');
    expect(lastInit().method).toBe('POST');
    expect(lastInit().body).toBe(file);
    expect(lastHeaders()['Content-Type']).toBe('text/csv');
    expect(lastHeaders()['X-CSRF-Token']).toBe('csrf-9');
  });
});

describe('request with accept (a stream)', () => {
  it('asks for the media type and hands back the 2xx response itself', async () => {
    setCsrfToken('csrf-1');
    const stream = new Response('event: progress\ndata: {}\n\n', {
      status: 200,
      headers: { 'Content-Type': 'text/event-stream' },
    });
    fetchMock.mockResolvedValue(stream);
    const scenario = { variants: [] } as unknown as Parameters<typeof simulateFinancing>[1];
    const response = await simulateFinancing({ slug: 'demo' }, scenario, { accept: 'text/event-stream' });
    expect(response).toBe(stream);
    expect(lastUrl()).toBe('/api/v1/workspaces/demo/financing/simulations');
    expect(lastHeaders().Accept).toBe('text/event-stream');
    expect(lastHeaders()['Content-Type']).toBe('application/json');
    expect(lastHeaders()['X-CSRF-Token']).toBe('csrf-1');
    expect(JSON.parse(lastInit().body as string)).toEqual(scenario);
  });

  it('turns a non-2xx answer into the same ApiError', async () => {
    fetchMock.mockResolvedValue(problem('simulateFinancing', 'invalid_input', 'Controleer de invoer.', { seed: 'Te groot.' }));
    const scenario = { variants: [] } as unknown as Parameters<typeof simulateFinancing>[1];
    const error = await simulateFinancing({ slug: 'demo' }, scenario, { accept: 'text/event-stream' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'invalid_input', fields: { seed: 'Te groot.' } });
  });
});

describe('the 401 rule', () => {
  it('tells listeners when a request outside /session gets 401', async () => {
    const listener = vi.fn();
    const stop = onUnauthenticated(listener);
    fetchMock.mockResolvedValue(problem('listWorkspaces', 'unauthenticated', UNAUTHENTICATED));
    await request('GET', '/api/v1/workspaces').catch(() => undefined);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]?.[0]).toMatchObject({ status: 401, code: 'unauthenticated' });

    fetchMock.mockResolvedValue(problem('getSession', 'unauthenticated', UNAUTHENTICATED));
    await getSession().catch(() => undefined);
    expect(listener).toHaveBeenCalledTimes(1);

    fetchMock.mockResolvedValue(problem('removeMember', 'unauthenticated', UNAUTHENTICATED));
    await removeMember({ slug: 'demo', user_id: 3 }).catch(() => undefined);
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
  });

  it('is the same rule when the response itself is asked for', async () => {
    const listener = vi.fn();
    const stop = onUnauthenticated(listener);
    fetchMock.mockResolvedValue(problem('logIn', 'invalid_credentials', 'Onbekend e-mailadres of wachtwoord.'));
    await request('POST', '/api/v1/session', { body: { email: 'a@b.nl', password: 'x' } }, { accept: 'text/plain' }).catch(
      () => undefined,
    );
    expect(listener).not.toHaveBeenCalled();

    fetchMock.mockResolvedValue(problem('simulateFinancing', 'unauthenticated', UNAUTHENTICATED));
    const scenario = { variants: [] } as unknown as Parameters<typeof simulateFinancing>[1];
    await simulateFinancing({ slug: 'demo' }, scenario, { accept: 'text/event-stream' }).catch(() => undefined);
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });
});

describe('link', () => {
  it('is the address of a download, with the query of the spec', () => {
    expect(exportPeople({ slug: 'demo' }, { format: 'csv', organisation_id: undefined })).toBe(
      '/api/v1/workspaces/demo/exports/people?format=csv',
    );
    expect(exportPeople({ slug: 'demo' }, { format: 'xlsx', organisation_id: 4 })).toBe(
      '/api/v1/workspaces/demo/exports/people?format=xlsx&organisation_id=4',
    );
    expect(link('/api/v1/workspaces/{slug}/feedback/stream', { slug: 'a b' })).toBe(
      '/api/v1/workspaces/a%20b/feedback/stream',
    );
  });

  it('refuses a template whose {name} has no value', () => {
    expect(() => link('/api/v1/workspaces/{slug}/people', {})).toThrow(/\{slug\}/);
  });
});
