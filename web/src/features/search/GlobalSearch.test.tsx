import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { jsonResponse } from '../../test/render';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import { GlobalSearch } from './GlobalSearch';

const RESULTS = {
  q: 'utrecht',
  groups: [
    { kind: 'municipalities', items: [{ id: 'GM0344', title: 'Utrecht', subtitle: 'Utrecht', link: 'people/organisations?municipality=GM0344' }] },
    { kind: 'organisations', items: [{ id: 1, title: 'Utrecht', subtitle: 'municipality', link: 'people/organisations/1' }] },
  ],
};

function setup() {
  const fetchMock = mockFetch({
    'GET /api/v1/workspaces/demo/search': (url) =>
      jsonResponse(200, url.searchParams.get('q') === 'utrecht' ? RESULTS : { q: url.searchParams.get('q'), groups: [] }),
  });
  const user = userEvent.setup();
  renderInWorkspace(
    <>
      <button type="button">Elders</button>
      <GlobalSearch slug="demo" />
    </>,
    { route: '/w/demo/', path: '/w/:slug/*' },
  );
  return { fetchMock, user };
}

describe('GlobalSearch', () => {
  it('opens with "/", shows groups with headings, announces the count and goes to a result with Enter', async () => {
    const { fetchMock, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Elders' }));
    await user.keyboard('/');
    const box = screen.getByRole('combobox', { name: 'Zoeken in deze werkruimte' });
    expect(box).toHaveFocus();
    await user.keyboard('utrecht');
    const listbox = await screen.findByRole('listbox', { name: 'Zoekresultaten' });
    expect(box).toHaveAttribute('aria-expanded', 'true');
    // Debounced: one request for the whole word.
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const groups = within(listbox).getAllByRole('group');
    expect(groups.map((g) => g.getAttribute('aria-labelledby') && document.getElementById(g.getAttribute('aria-labelledby')!)?.textContent)).toEqual([
      'Organisaties',
      'Gemeenten',
    ]);
    expect(screen.getByText('2 resultaten')).toBeInTheDocument();
    // The organisation's kind is shown in words, not as its code.
    expect(within(groups[0]!).getByRole('option')).toHaveTextContent('UtrechtGemeente');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const second = within(listbox).getAllByRole('option')[1]!;
    expect(second).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', second.id);
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('location')).toHaveTextContent('/w/demo/people/organisations?municipality=GM0344');
  });

  it('Enter without a choice opens the first result; Ctrl+K focuses; Escape closes and then empties', async () => {
    const { user } = setup();
    await user.keyboard('{Control>}k{/Control}');
    const box = screen.getByRole('combobox');
    expect(box).toHaveFocus();
    await user.keyboard('utrecht');
    await screen.findByRole('listbox');
    await user.keyboard('{Escape}');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).toHaveValue('utrecht');
    await user.keyboard('{Escape}');
    expect(box).toHaveValue('');
    await user.type(box, 'utrecht');
    await screen.findByRole('listbox');
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('location')).toHaveTextContent('/w/demo/people/organisations/1');
  });

  it('says when nothing is found and asks for 2 characters', async () => {
    const { user, fetchMock } = setup();
    const box = screen.getByRole('combobox');
    await user.type(box, 'x');
    expect(await screen.findAllByText('Typ minstens 2 tekens.')).not.toHaveLength(0);
    expect(fetchMock).not.toHaveBeenCalled();
    await user.type(box, 'yz');
    await waitFor(() => expect(screen.getAllByText('Geen resultaten voor “xyz”.')).not.toHaveLength(0));
    expect(box).toHaveAttribute('aria-expanded', 'false');
  });
});
