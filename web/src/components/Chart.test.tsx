import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../test/render';
import { Chart, formatNearestMonth, spreadOverlaps, timelineBars } from './Chart';

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

describe('Chart (scatter)', () => {
  it('offers the points as a table with the real scores and the details', async () => {
    renderWithProviders(
      <Chart
        kind="scatter"
        title="Invloed en belang"
        pointLabel="Persoon"
        xAxis={{ label: 'Belang', min: 0, max: 6 }}
        yAxis={{ label: 'Invloed', min: 0, max: 6 }}
        detailLabels={['Houding']}
        series={[
          { name: 'Voor', symbol: 'diamond', points: [{ id: '1', label: 'Anna', x: 4, y: 5, details: ['Voor (+2)'] }] },
          { name: 'Tegen', symbol: 'triangle', points: [{ id: '2', label: 'Bas', x: 4, y: 5, details: ['Tegen (−2)'] }] },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Invloed en belang' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['Persoon', 'Belang', 'Invloed', 'Houding'],
      ['Anna', '4', '5', 'Voor (+2)'],
      ['Bas', '4', '5', 'Tegen (−2)'],
    ]);
    await waitFor(() => expect(mountChart).toHaveBeenCalled());
  });

  it('spreads points that share a spot so each stays visible', () => {
    const spread = spreadOverlaps([
      { id: 'a', x: 3, y: 3 },
      { id: 'b', x: 3, y: 3 },
      { id: 'c', x: 1, y: 5 },
    ]);
    expect(spread.get('c')).toEqual([1, 5]);
    const a = spread.get('a')!;
    const b = spread.get('b')!;
    expect(a).not.toEqual(b);
    // Still within the same score cell.
    for (const [x, y] of [a, b]) {
      expect(Math.abs(x - 3)).toBeLessThan(0.5);
      expect(Math.abs(y - 3)).toBeLessThan(0.5);
    }
  });
});

describe('Chart (timeline)', () => {
  it('offers the periods as a table with dates in words and the details', async () => {
    renderWithProviders(
      <Chart
        kind="timeline"
        title="Tijdlijn voor Utrecht"
        rowLabel="Stap"
        fromLabel="Van"
        toLabel="Tot en met"
        detailLabels={['Waarom']}
        rows={[
          { id: 'adviser', label: 'Beleidsadviseur', from: '2026-10-01', to: '2026-12-31', details: ['Q4'] },
          { id: 'vote', label: 'Stemming', from: '2027-07-01', to: '2027-07-01', details: ['Erin'] },
        ]}
        today="2026-11-23"
        pastLabel="Voorbij"
      />,
    );
    const table = screen.getByRole('table', { name: 'Tijdlijn voor Utrecht' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['Stap', 'Van', 'Tot en met', 'Waarom'],
      ['Beleidsadviseur', '1 oktober 2026', '31 december 2026', 'Q4'],
      ['Stemming', '1 juli 2027', '1 juli 2027', 'Erin'],
    ]);
    expect(within(rows[1]!).getAllByRole('cell')[0]!.querySelector('time')).toHaveAttribute('datetime', '2026-10-01');
    await waitFor(() => expect(mountChart).toHaveBeenCalled());
  });

  it('draws each period from its first day up to and including its last day', () => {
    const bars = timelineBars([
      { id: 'a', label: 'A', from: '2026-10-15', to: '2026-12-31' },
      { id: 'b', label: 'B', from: '2027-07-01', to: '2027-07-01' },
    ]);
    const day = 86_400_000;
    expect(bars.min).toBe(Date.UTC(2026, 9, 1)); // the first of the earliest month
    expect(bars.offsets).toEqual([Date.UTC(2026, 9, 15), Date.UTC(2027, 6, 1)]);
    expect(bars.lengths).toEqual([78 * day, day]);
    expect(bars.max).toBe(Date.UTC(2027, 6, 2));
  });

  it('writes axis labels and tooltips in the number format of the page, never "K"', async () => {
    type Option = { yAxis: { axisLabel: { formatter: (v: number) => string } }; tooltip: { valueFormatter: (v: unknown) => string } };
    const option = () => (mountChart.mock.lastCall as unknown as [HTMLElement, Option])[1];
    mountChart.mockClear();
    const { unmount } = renderWithProviders(<Chart {...props} />);
    await waitFor(() => expect(mountChart).toHaveBeenCalled());
    expect(option().yAxis.axisLabel.formatter(1500000)).toBe('1.500.000');
    expect(option().yAxis.axisLabel.formatter(100000)).toBe('100.000');
    expect(option().tooltip.valueFormatter(15.5)).toBe('15,5');
    unmount();

    mountChart.mockClear();
    renderWithProviders(<Chart {...props} />, { language: 'en' });
    await waitFor(() => expect(mountChart).toHaveBeenCalled());
    expect(option().yAxis.axisLabel.formatter(1500000)).toBe('1,500,000');
    expect(option().tooltip.valueFormatter(15.5)).toBe('15.5');
  });

  it('labels axis ticks with the nearest month', () => {
    // A quarter tick can land on 31 December: it stands for January.
    expect(formatNearestMonth('nl', Date.UTC(2026, 11, 31, 18))).toBe('jan 2027');
    expect(formatNearestMonth('en', Date.UTC(2026, 9, 1))).toBe('Oct 2026');
  });
});
