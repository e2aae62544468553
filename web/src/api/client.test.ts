import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n/i18n';
import { jsonResponse } from '../test/render';
import { ApiError, api, onUnauthenticated, request, setCsrfToken } from './client';

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

function lastInit(): RequestInit {
  const call = fetchMock.mock.calls.at(-1);
  if (!call) throw new Error('fetch was not called');
  return call[1] ?? {};
}

function lastHeaders(): Record<string, string> {
  return lastInit().headers as Record<string, string>;
}

describe('request', () => {
  it('returns the JSON body of a 2xx response', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { items: [] }));
    await expect(request('GET', '/api/v1/workspaces')).resolves.toEqual({ items: [] });
    expect(lastInit().credentials).toBe('same-origin');
    expect(lastHeaders()['Accept-Language']).toBe('nl');
  });

  it('returns undefined for 204', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(request('DELETE', '/api/v1/session')).resolves.toBeUndefined();
  });

  it('maps an error body to ApiError with status, code, message and fields', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(422, {
        error: {
          code: 'invalid_input',
          message: 'Controleer de velden.',
          fields: { email: 'Er is geen account met dit e-mailadres.' },
        },
      }),
    );
    const error = await request('POST', '/api/v1/workspaces/demo/members', {
      body: { email: 'x@example.org', role: 'viewer' },
    }).catch((e: unknown) => e);
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

  it('sends the CSRF token and a JSON body on changes, not on reads', async () => {
    setCsrfToken('csrf-123');
    fetchMock.mockResolvedValue(jsonResponse(200, { items: [] }));
    await api.listMembers('demo');
    expect(lastHeaders()['X-CSRF-Token']).toBeUndefined();
    expect(lastHeaders()['Content-Type']).toBeUndefined();

    fetchMock.mockResolvedValue(
      jsonResponse(200, { user: { id: 2, email: 'a@b.nl', name: 'A', language: 'nl' }, role: 'viewer' }),
    );
    await api.changeRole('demo', 2, 'viewer');
    expect(fetchMock.mock.calls.at(-1)?.[0]).toBe('/api/v1/workspaces/demo/members/2');
    expect(lastInit().method).toBe('PATCH');
    expect(lastHeaders()['X-CSRF-Token']).toBe('csrf-123');
    expect(lastHeaders()['Content-Type']).toBe('application/json');
    expect(JSON.parse(lastInit().body as string)).toEqual({ role: 'viewer' });

    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await api.revokeToken('demo', 7);
    expect(fetchMock.mock.calls.at(-1)?.[0]).toBe('/api/v1/workspaces/demo/tokens/7');
    expect(lastInit().method).toBe('DELETE');
    expect(lastHeaders()['X-CSRF-Token']).toBe('csrf-123');
  });

  it('tells listeners when a request outside /session gets 401', async () => {
    const listener = vi.fn();
    const stop = onUnauthenticated(listener);
    const body = { error: { code: 'unauthenticated', message: 'Log eerst in.' } };
    fetchMock.mockResolvedValue(jsonResponse(401, body));
    await request('GET', '/api/v1/workspaces').catch(() => undefined);
    expect(listener).toHaveBeenCalledTimes(1);

    fetchMock.mockResolvedValue(jsonResponse(401, body));
    await request('GET', '/api/v1/session').catch(() => undefined);
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });
});
