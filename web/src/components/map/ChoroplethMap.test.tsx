import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LocationProbe } from '../../features/whoiswho/testing';
import { renderWithProviders } from '../../test/render';
import { ChoroplethMap, type MapAreaValue } from './ChoroplethMap';
import districts from './fixtures/districts-GM0193.json';
import { shapesOf, type MapTopology } from './topology';

const ZWOLLE = districts as unknown as MapTopology;
const TONE_BY_INDEX = ['bad', 'warn', 'good'] as const;
const VALUE_BY_TONE = { bad: 'geen aanbieder', warn: 'één aanbieder', good: '2 of meer aanbieders' } as const;

/** Every district of Zwolle, in turn gap / single / covered. */
function values(): Map<string, MapAreaValue> {
  return new Map(
    shapesOf(ZWOLLE, 'districts').map((s, i) => {
      const tone = TONE_BY_INDEX[i % 3]!;
      return [
        s.code,
        { name: s.name, tone, value: VALUE_BY_TONE[tone], href: `/w/demo/social-map?gemeente=GM0193&wijk=${s.code}`, details: [s.code] },
      ];
    }),
  );
}

function renderMap(props: Partial<Parameters<typeof ChoroplethMap>[0]> = {}) {
  return renderWithProviders(
    <>
      <ChoroplethMap
        id="test"
        title="Aanbod per wijk in Zwolle"
        summary={<p>5 van de 16 wijken hebben geen aanbieder.</p>}
        topology={ZWOLLE}
        layer="districts"
        borders={['municipality']}
        values={values()}
        legend={[
          { tone: 'bad', label: 'Geen aanbieder', count: 6 },
          { tone: 'warn', label: 'Eén aanbieder', count: 5 },
          { tone: 'good', label: 'Twee of meer aanbieders', count: 5 },
        ]}
        areaHeader="Wijk"
        valueHeader="Aanbod"
        detailHeaders={['Code']}
        {...props}
      />
      <LocationProbe />
    </>,
    { route: '/w/demo/social-map?gemeente=GM0193', path: '/w/:slug/social-map' },
  );
}

const location = () => screen.getByTestId('location').textContent;

describe('ChoroplethMap', () => {
  it('draws each area as a link named by the area and its value in words', () => {
    renderMap();
    const map = screen.getByRole('group', { name: 'Aanbod per wijk in Zwolle' });
    const links = within(map).getAllByRole('link');
    expect(links).toHaveLength(16);
    expect(within(map).getByRole('link', { name: 'Wijk 10 Binnenstad: geen aanbieder' })).toHaveAttribute(
      'href',
      '/w/demo/social-map?gemeente=GM0193&wijk=WK019310',
    );
    // In the order of the table (by name, numbers by value) and one Tab stop.
    expect(links[0]).toHaveAccessibleName(/^Wijk 10 Binnenstad/);
    expect(links.filter((l) => l.getAttribute('tabindex') === '0')).toHaveLength(1);
    expect(map).toHaveAccessibleDescription(/pijltjestoetsen/);
    for (const link of links) expect(link.querySelector('path')?.getAttribute('d')).toMatch(/^M.+Z$/);
  });

  it('has a legend in words and patterns, the summary above the map, and the attribution', () => {
    renderMap();
    const legend = screen.getByRole('list', { name: 'Legenda' });
    expect(within(legend).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Geen aanbieder (6)',
      'Eén aanbieder (5)',
      'Twee of meer aanbieders (5)',
    ]);
    // Beside the words an SVG icon (decoration), not a symbol character.
    const icons = within(legend)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('.aantafel-choropleth__icon[aria-hidden="true"] svg.aantafel-icon'));
    expect(icons[0]).toHaveClass('lucide-x');
    expect(icons[1]).toHaveClass('lucide-circle-alert');
    expect(icons[2]).toHaveClass('lucide-check');
    expect(screen.getByText('5 van de 16 wijken hebben geen aanbieder.')).toBeInTheDocument();
    expect(screen.getByText('Kaart: CBS / Kadaster (CC BY 4.0), 2025. Vereenvoudigd door cartomap/nl.')).toBeInTheDocument();
    // Each class is a pattern fill, not only a colour.
    const area = screen.getByRole('link', { name: /^Wijk 10 Binnenstad/ });
    const fill = area.querySelector('path')?.getAttribute('fill') ?? '';
    const id = /^url\(#(.+)\)$/.exec(fill)?.[1];
    expect(id && document.getElementById(id)?.tagName.toLowerCase()).toBe('pattern');
  });

  it('moves between areas with the arrow keys, Home and End, and opens one with Enter or Space', async () => {
    const user = userEvent.setup();
    renderMap();
    const links = screen.getAllByRole('link', { name: /^Wijk/ });
    await user.tab(); // the first button of "Toon als"
    await user.tab();
    await user.tab(); // the map: one Tab stop
    expect(links[0]).toHaveFocus();
    expect(screen.getByTestId('map-test-info')).toHaveTextContent('Wijk 10 Binnenstad: geen aanbieder');
    await user.keyboard('{ArrowRight}');
    expect(links[1]).toHaveFocus();
    expect(links[1]).toHaveAttribute('tabindex', '0');
    expect(links[0]).toHaveAttribute('tabindex', '-1');
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(links[15]).toHaveFocus();
    await user.keyboard('{Home}');
    expect(links[0]).toHaveFocus();
    await user.keyboard('{End}');
    expect(links[15]).toHaveFocus();
    // Tab leaves the map.
    await user.tab();
    expect(links.some((l) => l === document.activeElement)).toBe(false);
    await user.tab({ shift: true });
    expect(links[15]).toHaveFocus();

    await user.keyboard('{Home}{Enter}');
    expect(location()).toBe('/w/demo/social-map?gemeente=GM0193&wijk=WK019310');
    await user.keyboard('{ArrowRight} ');
    expect(location()).toBe('/w/demo/social-map?gemeente=GM0193&wijk=WK019311');
  });

  it('opens an area with a click', async () => {
    const user = userEvent.setup();
    renderMap();
    await user.click(screen.getByRole('link', { name: /^Wijk 22 Stadshagen/ }));
    expect(location()).toBe('/w/demo/social-map?gemeente=GM0193&wijk=WK019322');
  });

  it('marks the chosen area and starts the keyboard there', () => {
    renderMap({ selected: 'WK019322' });
    const chosen = screen.getByRole('link', { name: /^Wijk 22 Stadshagen/ });
    expect(chosen).toHaveAttribute('aria-current', 'true');
    expect(chosen).toHaveAttribute('tabindex', '0');
  });

  it('shows the same data as a table: one row per area with its value in words and a link', async () => {
    const user = userEvent.setup();
    renderMap({ selected: 'WK019310' });
    await user.click(screen.getByRole('button', { name: 'Tabel' }));
    expect(screen.getByRole('button', { name: 'Tabel' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByRole('group', { name: 'Aanbod per wijk in Zwolle' })).toBeNull();
    const table = screen.getByRole('table', { name: 'Aanbod per wijk in Zwolle' });
    const header = within(table).getAllByRole('columnheader').map((c) => c.textContent);
    expect(header).toEqual(['Wijk', 'Aanbod', 'Code']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(16);
    expect(rows[0]).toHaveTextContent('Wijk 10 Binnenstad geen aanbiederWK019310');
    expect(rows[0]).toHaveAttribute('aria-current', 'true');
    expect(within(rows[1]!).getByRole('link', { name: 'Wijk 11 Diezerpoort' })).toHaveAttribute(
      'href',
      '/w/demo/social-map?gemeente=GM0193&wijk=WK019311',
    );
    // Every area on the map is a row, with the same words.
    const byMap = [...values().values()].map((v) => `${v.name}|${v.value}`).sort();
    const byTable = rows
      .map((r) => `${within(r).getByRole('rowheader').textContent}|${r.querySelectorAll('td')[0]?.textContent?.trim()}`)
      .sort();
    expect(byTable).toEqual(byMap);
    await user.click(screen.getByRole('button', { name: 'Kaart' }));
    expect(screen.getByRole('group', { name: 'Aanbod per wijk in Zwolle' })).toBeInTheDocument();
  });

  it('shows the table when the map data cannot be loaded, and names areas that have no shape', () => {
    renderMap({ topology: undefined, topologyError: new Error('offline') });
    expect(screen.getByRole('button', { name: 'Kaart' })).toBeDisabled();
    expect(screen.getByRole('table', { name: 'Aanbod per wijk in Zwolle' })).toBeInTheDocument();
  });

  it('lists areas without a shape under the map', () => {
    const withExtra = values();
    withExtra.set('BU01931001', { name: 'Buurt zonder vorm', tone: 'bad', value: 'geen aanbieder', href: '/x' });
    renderMap({ values: withExtra });
    expect(screen.getByText('Niet op de kaart: Buurt zonder vorm. Deze gebieden staan wel in de tabel.')).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: /: / })).toHaveLength(16);
  });

  it('speaks English', () => {
    renderWithProviders(
      <ChoroplethMap
        id="en"
        title="Services per district"
        topology={ZWOLLE}
        layer="districts"
        values={values()}
        legend={[]}
        areaHeader="District"
        valueHeader="Services"
      />,
      { language: 'en' },
    );
    expect(screen.getByRole('button', { name: 'Table' })).toBeInTheDocument();
    expect(screen.getByText('Map: CBS / Kadaster (CC BY 4.0), 2025. Simplified by cartomap/nl.')).toBeInTheDocument();
  });
});
