import { afterEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ImportReport } from '../../api/types';
import { answer } from '../../test/answer';
import { ImportPage } from './ImportPage';
import { mockFetch, renderInWorkspace } from './testing';

afterEach(() => vi.unstubAllGlobals());

function report(partial: Partial<ImportReport> = {}): ImportReport {
  return {
    kind: 'people_csv',
    dry_run: true,
    applied: false,
    rows: 3,
    municipalities: 1,
    municipalities_added: 0,
    municipalities_updated: 0,
    organisations_added: 1,
    people_added: 2,
    people_matched: 1,
    positions_added: 3,
    positions_updated: 0,
    positions_unchanged: 0,
    positions_skipped: 0,
    seats_updated: 0,
    facts_updated: 0,
    rejected: [],
    ...partial,
  };
}

const csv = 'naam;gemeente;functie;begindatum\nAnna;GM0344;raadslid;2022-03-30\n';

describe('ImportPage', () => {
  it('checks first (dry run) and then imports the same file', async () => {
    const user = userEvent.setup();
    const file = new File([csv], 'mensen.csv', { type: 'text/csv' });
    const calls: { dryRun: string | null; type: string; csrf: string; body: unknown }[] = [];
    mockFetch({
      'POST /api/v1/workspaces/demo/imports/people_csv': (url, init) => {
        const headers = init?.headers as Record<string, string>;
        calls.push({
          dryRun: url.searchParams.get('dry_run'),
          type: headers['Content-Type'] ?? '',
          csrf: headers['X-CSRF-Token'] ?? '',
          body: init?.body,
        });
        const dry = url.searchParams.get('dry_run') === 'true';
        return answer('importFile', 200, report({ dry_run: dry, applied: !dry }));
      },
    });
    renderInWorkspace(<ImportPage />, { route: '/w/demo/people/import', path: '/w/:slug/people/import' });
    await user.upload(screen.getByLabelText('Bestand'), file);
    await user.click(screen.getByRole('button', { name: 'Controleren' }));

    const heading = await screen.findByRole('heading', { name: 'Resultaat van de controle' });
    expect(heading).toHaveFocus();
    // The raw file is the body, not JSON.
    expect(calls).toEqual([{ dryRun: 'true', type: 'text/csv', csrf: 'csrf', body: file }]);
    expect(screen.getByText('Nieuwe personen').nextElementSibling).toHaveTextContent('2');
    expect(screen.queryByRole('table')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Importeren' }));
    await screen.findByRole('heading', { name: 'Het bestand is geïmporteerd' });
    expect(calls[1]?.dryRun).toBe('false');
    expect(screen.queryByRole('button', { name: 'Importeren' })).toBeNull();
  });

  it('shows the rejected rows of a 422 answer, and offers no import', async () => {
    const user = userEvent.setup();
    mockFetch({
      'POST /api/v1/workspaces/demo/imports/almanak': (_url, init) => {
        expect((init?.headers as Record<string, string>)['Content-Type']).toBe('application/xml');
        return answer('importFile', 422, {
          error: { code: 'import_rejected', message: 'Het bestand heeft fouten.', fields: {} },
          report: report({
            kind: 'almanak',
            rejected: [
              { line: 7, field: 'gemeente', code: 'unknown', message: 'Deze gemeente bestaat niet.' },
              { line: 0, field: '', code: 'invalid', message: 'Dit is geen XML.' },
            ],
          }),
        });
      },
    });
    renderInWorkspace(<ImportPage />, { route: '/w/demo/people/import', path: '/w/:slug/people/import' });
    await user.click(screen.getByRole('radio', { name: 'Overheidsalmanak (XML)' }));
    await user.upload(screen.getByLabelText('Bestand'), new File(['<x/>'], 'exportOO.xml'));
    await user.click(screen.getByRole('button', { name: 'Controleren' }));

    await screen.findByRole('heading', { name: 'Het bestand is afgekeurd' });
    expect(screen.getByText('Het bestand heeft fouten.')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Afgekeurde regels' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['Hele bestand', '–', 'Dit is geen XML.'],
      ['7', 'gemeente', 'Deze gemeente bestaat niet.'],
    ]);
    expect(screen.getByRole('heading', { name: '2 regels afgekeurd' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Importeren' })).toBeNull();
  });

  it('asks for a file before sending anything', async () => {
    const user = userEvent.setup();
    const fetchMock = mockFetch({});
    renderInWorkspace(<ImportPage />, { route: '/w/demo/people/import', path: '/w/:slug/people/import' });
    await user.click(screen.getByRole('button', { name: 'Controleren' }));
    const input = screen.getByLabelText('Bestand');
    expect(input).toHaveFocus();
    expect(input).toHaveAccessibleDescription(/Kies een bestand\./);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('is not there for viewers', () => {
    mockFetch({});
    renderInWorkspace(<ImportPage />, {
      role: 'viewer',
      route: '/w/demo/people/import',
      path: '/w/:slug/people/import',
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Controleren' })).toBeNull();
  });
});
