import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role, Session, Workspace } from '../../api/types';
import { registerLanguage } from '../../i18n/i18n';
import en from '../../i18n/en.json';
import type { Language } from '../../i18n/i18n';
import { answer, problem, type ResponseBody } from '../../test/answer';
import { PUBLIC_URL_SET, renderWithProviders } from '../../test/render';
import { WorkspaceContext } from '../shell/workspaceContext';
import { AuditLogPage } from './AuditLogPage';

const me = { id: 1, email: 'demo@aantafel.example', name: 'Demo Gebruiker', language: 'nl' as const };

const firstPage = {
  items: [
    {
      id: 60,
      user: { id: 1, name: 'Demo Gebruiker' },
      action: 'PATCH /api/v1/workspaces/{slug}/people/{person_id}',
      subject: '/api/v1/workspaces/demo/people/12',
      at: '2026-11-23T09:05:00Z',
    },
    {
      id: 59,
      user: null,
      action: 'DELETE /api/v1/workspaces/{slug}/agreements/{agreement_id}',
      subject: '/api/v1/workspaces/demo/agreements/7',
      at: '2026-11-22T15:30:00Z',
    },
    {
      id: 58,
      user: { id: 2, name: 'Sam de Vries' },
      action: 'PATCH /api/v1/workspaces/{slug}/agreements/{agreement_id}',
      subject: '/api/v1/workspaces/demo/agreements/7',
      at: '2026-11-22T15:00:00Z',
    },
  ],
  next_before: 58,
} satisfies ResponseBody<'listAuditLog', 200>;
const olderPage = {
  items: [
    {
      id: 3,
      user: { id: 2, name: 'Sam de Vries' },
      action: 'person.erased',
      subject: 'person:4',
      at: '2026-06-01T08:00:00Z',
    },
    {
      id: 2,
      user: { id: 1, name: 'Demo Gebruiker' },
      action: 'POST /api/v1/workspaces/{slug}/people',
      subject: '/api/v1/workspaces/demo/people',
      at: '2026-06-01T07:00:00Z',
    },
  ],
  next_before: null,
} satisfies ResponseBody<'listAuditLog', 200>;

type Handler = () => Response;
let routes: Record<string, Handler>;
const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
  const key = `${init?.method ?? 'GET'} ${String(input)}`;
  const handler = routes[key];
  if (!handler) throw new Error(`unexpected request ${key}`);
  return handler();
});

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockClear();
  routes = {
    'GET /api/v1/workspaces/demo/audit-log?limit=50': () => answer('listAuditLog', 200, firstPage),
    'GET /api/v1/workspaces/demo/audit-log?limit=50&before=58': () => answer('listAuditLog', 200, olderPage),
  };
});
afterEach(() => vi.unstubAllGlobals());

function renderLog(role: Role, language: Language = 'nl') {
  if (language === 'en') registerLanguage('en', en);
  const workspace: Workspace = { slug: 'demo', name: 'Demo Zorg', kind: 'care_provider', role };
  const session: Session = { user: me, workspaces: [workspace], public_url: PUBLIC_URL_SET, mail: false, csrf_token: 'csrf' };
  return renderWithProviders(
    <WorkspaceContext.Provider value={{ workspace, reload: async () => undefined }}>
      <AuditLogPage />
    </WorkspaceContext.Provider>,
    { session: { status: 'authenticated', session }, language },
  );
}

function rowTexts(table: HTMLElement) {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent));
}

describe('AuditLogPage', () => {
  it('shows an owner who changed what and when, in words, newest first', async () => {
    renderLog('owner');
    expect(screen.getByRole('heading', { level: 1, name: 'Logboek' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Logboek van Demo Zorg, nieuwste wijziging eerst' });
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Wanneer', 'Wie', 'Wat']);
    expect(rowTexts(table)).toEqual([
      ['23 nov 2026, 10:05', 'Demo Gebruiker', 'Persoon 12 gewijzigd'],
      ['22 nov 2026, 16:30', 'account verwijderd', 'Afspraak 7 verwijderd'],
      ['22 nov 2026, 16:00', 'Sam de Vries', 'Afspraak 7 gewijzigd'],
    ]);
    // A link to a page that still exists; none to the removed agreement.
    expect(within(table).getByRole('link', { name: 'Persoon 12 gewijzigd' })).toHaveAttribute('href', '/w/demo/people/12');
    expect(within(table).queryByRole('link', { name: /Afspraak 7/ })).toBeNull();
    expect(within(table).getAllByRole('rowheader')[0]?.querySelector('time')).toHaveAttribute(
      'datetime',
      '2026-11-23T09:05:00Z',
    );
  });

  it('loads older changes, moves focus to the first new row and says how many', async () => {
    const user = userEvent.setup();
    renderLog('owner');
    const table = await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Oudere wijzigingen' }));
    await waitFor(() => expect(rowTexts(table)).toHaveLength(5));
    expect(rowTexts(table).slice(3)).toEqual([
      ['1 jun 2026, 10:00', 'Sam de Vries', 'Persoon gewist op verzoek (AVG)'],
      ['1 jun 2026, 09:00', 'Demo Gebruiker', 'Persoon toegevoegd'],
    ]);
    const rows = within(table).getAllByRole('row');
    await waitFor(() => expect(rows[4]).toHaveFocus());
    expect(screen.getByText('2 oudere wijzigingen geladen. Dit zijn alle wijzigingen.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Oudere wijzigingen' })).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('shows an empty log in words', async () => {
    routes['GET /api/v1/workspaces/demo/audit-log?limit=50'] = () => answer('listAuditLog', 200, { items: [], next_before: null });
    renderLog('owner');
    expect(await screen.findByText(/Er staat nog niets in het logboek/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('tells someone who is not an owner that the log is for owners only', async () => {
    renderLog('editor');
    expect(screen.getByText('Alleen voor eigenaren')).toBeInTheDocument();
    expect(screen.getByText(/Alleen eigenaren van deze werkruimte kunnen het logboek bekijken/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows the same message when the server answers 403 (the role just changed)', async () => {
    routes['GET /api/v1/workspaces/demo/audit-log?limit=50'] = () =>
      problem('listAuditLog', 'forbidden', 'Dat mag je niet doen.');
    renderLog('owner');
    expect(await screen.findByText('Alleen voor eigenaren')).toBeInTheDocument();
    expect(screen.queryByText('Dat mag je niet doen.')).toBeNull();
  });

  it('works in English', async () => {
    const user = userEvent.setup();
    renderLog('owner', 'en');
    expect(screen.getByRole('heading', { level: 1, name: 'Audit log' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Audit log of Demo Zorg, newest change first' });
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['When', 'Who', 'What']);
    expect(rowTexts(table)[1]).toEqual(['22 Nov 2026, 16:30', 'account deleted', 'Agreement 7 removed']);
    await user.click(screen.getByRole('button', { name: 'Older changes' }));
    expect(await screen.findByText('2 older changes loaded. These are all the changes.')).toBeInTheDocument();
    expect(rowTexts(table)[3]?.[2]).toBe('Person erased on request (GDPR)');
  });
});
