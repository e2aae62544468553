import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../test/render';
import { Chart } from './Chart';

// ECharts needs a real browser; the table alternative is what this test is about.
const mountChart = vi.fn(() => ({ update: vi.fn(), dispose: vi.fn() }));
vi.mock('./chartEngine', () => ({ mountChart }));

const props = {
  title: 'Reacties per maand',
  categoryLabel: 'Maand',
  categories: ['september', 'oktober'],
  series: [
    { name: 'Aanbevelers', values: [1200, 15.5] },
    { name: 'Critici', values: [3, null] },
  ],
};

describe('Chart', () => {
  it('offers the same data as a table with a caption and headers', async () => {
    renderWithProviders(<Chart {...props} />);
    const table = screen.getByRole('table', { name: 'Reacties per maand' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getAllByRole('columnheader').map((c) => c.textContent)).toEqual([
      'Maand',
      'Aanbevelers',
      'Critici',
    ]);
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('september');
    // Dutch number format, and a word instead of an empty cell.
    expect(within(rows[1]!).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '1.200',
      '3',
    ]);
    expect(within(rows[2]!).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '15,5',
      'geen waarde',
    ]);
    expect(screen.getByRole('figure', { name: 'Reacties per maand' })).toBeInTheDocument();
    await waitFor(() => expect(mountChart).toHaveBeenCalled());
  });

  it('shows the table on screen with a toggle button', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Chart {...props} />);
    const toggle = screen.getByRole('button', { name: 'Toon de gegevens als tabel' });
    const container = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(container).toHaveClass('aantafel-visually-hidden');

    await user.click(toggle);
    await waitFor(() => expect(mountChart).toHaveBeenCalled());
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveAccessibleName('Verberg de tabel');
    expect(container).not.toHaveClass('aantafel-visually-hidden');
  });

  it('hides the drawing from screen readers', async () => {
    renderWithProviders(<Chart {...props} />);
    expect(document.querySelector('.aantafel-chart__canvas')).toHaveAttribute(
      'aria-hidden',
      'true',
    );
    await waitFor(() => expect(screen.queryByText('De grafiek wordt geladen…')).toBeNull());
  });
});
