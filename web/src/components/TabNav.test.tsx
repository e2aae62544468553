import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '../test/render';
import { scrollToShow, TabNav, type TabNavItem } from './TabNav';

const TABS: TabNavItem[] = [
  { id: 'people', to: '/w/demo/people', label: 'Mensen', current: false, exact: false },
  { id: 'organisations', to: '/w/demo/people/organisations', label: 'Organisaties en gemeenten', current: false, exact: false },
  { id: 'import', to: '/w/demo/people/import', label: 'Importeren', current: true, exact: false },
];

afterEach(() => vi.restoreAllMocks());

describe('scrollToShow', () => {
  const view = { scroll: 0, size: 300, scrollSize: 700 };
  it('leaves the row alone when the tab is in view', () => {
    expect(scrollToShow({ start: 20, size: 100 }, view)).toBe(0);
    expect(scrollToShow({ start: 250, size: 100 }, { ...view, scroll: 100 })).toBe(100);
  });
  it('brings a tab past the edge to the middle, within the row', () => {
    expect(scrollToShow({ start: 400, size: 100 }, view)).toBe(300);
    expect(scrollToShow({ start: 650, size: 50 }, view)).toBe(400);
    expect(scrollToShow({ start: 10, size: 100 }, { ...view, scroll: 200 })).toBe(0);
  });
});

describe('TabNav', () => {
  it('is a labelled list of links; the current one says so', () => {
    renderWithProviders(
      <TabNav label="Wie is wie" tabs={[TABS[0]!, { ...TABS[1]!, current: true, exact: true }, { ...TABS[2]!, current: false }]} />,
    );
    const nav = screen.getByRole('navigation', { name: 'Wie is wie' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['Mensen', 'Organisaties en gemeenten', 'Importeren']);
    expect(links[1]).toHaveAttribute('aria-current', 'page');
    expect(links[1]).toHaveClass('aantafel-tabs__link--current');
    expect(links[0]).not.toHaveAttribute('aria-current');
  });

  it('marks a page inside a tab with aria-current="true"', () => {
    renderWithProviders(<TabNav label="Wie is wie" tabs={TABS} />);
    expect(screen.getByRole('link', { name: 'Importeren' })).toHaveAttribute('aria-current', 'true');
  });

  it('scrolls a row that does not fit so that the current tab is in view', () => {
    // jsdom has no layout: a 300 px row of 700 px, the current tab at 560 px.
    vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(700);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(300);
    vi.spyOn(HTMLElement.prototype, 'offsetLeft', 'get').mockReturnValue(560);
    vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(120);
    renderWithProviders(<TabNav label="Wie is wie" tabs={TABS} />);
    expect(screen.getByRole('list').scrollLeft).toBe(400);
  });

  it('scrolls a tab reached with Tab fully into view', () => {
    vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(700);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(300);
    vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(100);
    const left = vi.spyOn(HTMLElement.prototype, 'offsetLeft', 'get').mockReturnValue(0);
    renderWithProviders(<TabNav label="Wie is wie" tabs={TABS.map((t) => ({ ...t, current: false }))} />);
    const list = screen.getByRole('list');
    expect(list.scrollLeft).toBe(0);
    left.mockReturnValue(450);
    screen.getByRole('link', { name: 'Importeren' }).focus();
    expect(list.scrollLeft).toBe(350);
  });
});
