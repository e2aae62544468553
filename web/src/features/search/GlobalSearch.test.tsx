import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, type ResponseBody } from '../../test/answer';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import { GlobalSearch } from './GlobalSearch';
import { Marked } from './Marked';

type SearchResults = ResponseBody<'search', 200>;

const none: SearchResults['groups'][number]['items'][number]['highlights'] = { title: [], subtitle: [], snippet: [] };

const RESULTS: SearchResults = {
  q: 'utrecht',
  groups: [
    {
      kind: 'organisations',
      items: [
        {
          id: 1,
          title: 'Utrecht',
          subtitle: 'municipality',
          snippet: '',
          link: 'people/organisations/1',
          highlights: { ...none, title: [[0, 7]] },
        },
      ],
    },
    {
      kind: 'municipalities',
      items: [
        {
          id: 'GM0344',
          title: 'Utrecht',
          subtitle: 'Utrecht',
          snippet: '',
          link: 'people/organisations?municipality=GM0344',
          highlights: { ...none, title: [[0, 7]], subtitle: [[0, 7]] },
        },
      ],
    },
  ],
};

const NOTES =
  '… de rol van de huisartsen. Daarna kwam het onderwerp mantelzorgondersteuning ter sprake: de gemeente wil dit uitbreiden 🙂 in 2027 …';

const CONTACT: SearchResults = {
  q: 'mantelzorgondersteunign',
  groups: [
    {
      kind: 'interactions',
      items: [
        {
          id: 3,
          title: 'Overleg met de wijkverpleging',
          subtitle: '2026-05-12',
          snippet: NOTES,
          link: 'interactions/3',
          highlights: { ...none, snippet: [[54, 77]] },
        },
      ],
    },
    {
      kind: 'agreements',
      items: [
        { id: 4, title: 'Respijtzorg', subtitle: '2026-06-30', snippet: '', link: 'interactions/agreements/4', highlights: none },
      ],
    },
    {
      kind: 'plans',
      items: [
        { id: 1, title: 'Mantelzorg', subtitle: '2028', snippet: '', link: 'policy-calendar/plans/1', highlights: { ...none, title: [[0, 10]] } },
      ],
    },
    {
      kind: 'council',
      items: [
        {
          id: 'motion-12',
          title: 'M41 Wachtlijst beschermd wonen terugdringen',
          subtitle: 'Motie · Soest · 2026-12-09',
          snippet: '',
          link: 'council/meetings/5',
          highlights: none,
        },
      ],
    },
    // Bad ranges from the server must not break the list.
    {
      kind: 'responses',
      items: [
        {
          id: 9,
          title: 'Wijkteam Noord · cijfer 9',
          subtitle: '2026-12-05',
          snippet: 'Fijn 👍 dat mantelzorg meetelt',
          link: 'feedback/responses?survey_id=1',
          highlights: { title: [[40, 90]], subtitle: [[3, 1]], snippet: [[5, 11], [-1, 0]] },
        },
      ],
    },
  ],
};

function setup() {
  const fetchMock = mockFetch({
    'GET /api/v1/workspaces/demo/search': (url) => {
      const q = url.searchParams.get('q');
      return answer('search', 200, q === 'utrecht' ? RESULTS : q === CONTACT.q ? CONTACT : { q: q ?? '', groups: [] });
    },
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
    // In the order the server sends them.
    expect(groups.map((g) => g.getAttribute('aria-labelledby') && document.getElementById(g.getAttribute('aria-labelledby')!)?.textContent)).toEqual([
      'Organisaties',
      'Gemeenten',
    ]);
    expect(screen.getByText('2 resultaten')).toBeInTheDocument();
    // The organisation's kind is shown in words, not as its code; a municipality's province as one.
    expect(within(groups[0]!).getByRole('option')).toHaveTextContent('UtrechtGemeente');
    expect(within(groups[1]!).getByRole('option')).toHaveTextContent('UtrechtProvincie Utrecht');
    expect([...groups[1]!.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Utrecht', 'Utrecht']);
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

  it('marks the words found, shows the snippet and the subtitle in words, and opens a contact', async () => {
    const { user } = setup();
    const box = screen.getByRole('combobox');
    await user.type(box, CONTACT.q);
    const listbox = await screen.findByRole('listbox', { name: 'Zoekresultaten' });
    const contacts = within(listbox).getByRole('group', { name: 'Contacten' });
    const contact = within(contacts).getByRole('option');
    // One readable name: title, date and the piece of the notes, each once.
    expect(contact).toHaveAccessibleName(/^Overleg met de wijkverpleging\s*12 mei 2026\s*… .*mantelzorgondersteuning ter sprake/);
    expect(contact.textContent?.match(/mantelzorgondersteuning/g)).toHaveLength(1);
    const marks = contact.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['mantelzorgondersteuning']);
    expect(marks[0]!.closest('.aantafel-search__snippet')).not.toBeNull();
    // The snippet starts shortly before the word, so it shows within two lines.
    const snippet = contact.querySelector('.aantafel-search__snippet')!.textContent!;
    expect(snippet.indexOf('mantelzorgondersteuning')).toBeLessThanOrEqual(32);
    expect(snippet.startsWith('… ')).toBe(true);
    // Nothing in the list is HTML from the server.
    expect(listbox.querySelectorAll('mark').length).toBe(3);

    const agreement = within(within(listbox).getByRole('group', { name: 'Afspraken' })).getByRole('option');
    expect(agreement).toHaveTextContent('Uiterlijk 30 juni 2026');
    const plan = within(within(listbox).getByRole('group', { name: 'Plannen' })).getByRole('option');
    expect(plan).toHaveTextContent('Begrotingsjaar 2028');
    expect(plan.querySelector('mark')?.textContent).toBe('Mantelzorg');
    const response = within(within(listbox).getByRole('group', { name: 'Reacties van cliënten' })).getByRole('option');
    expect(response).toHaveTextContent('Wijkteam Noord · cijfer 9');
    expect(response).toHaveTextContent('Fijn 👍 dat mantelzorg meetelt');
    expect([...response.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['👍 dat']);

    // A council record: what it is, whose council and the day in words; it opens on its meeting.
    const motion = within(within(listbox).getByRole('group', { name: 'Raad' })).getByRole('option');
    expect(motion).toHaveTextContent('Motie · Soest · 9 december 2026');

    await user.keyboard('{ArrowDown}');
    expect(contact).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('location')).toHaveTextContent('/w/demo/interactions/3');
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
    // What is searched, instead of "check the spelling" (small typing mistakes are forgiven).
    expect(screen.getByText(/^Je zoekt in namen, titels, notities van contacten/)).toBeVisible();
    expect(box.closest('[role="search"]')!.querySelector('[role="status"]')).toHaveTextContent(/Geen resultaten voor “xyz”\. Je zoekt in namen/);
  });
});

describe('Marked', () => {
  it('puts the ranges in <mark> as text, never as HTML', () => {
    const { container } = render(<Marked text={'<b>zorg</b> 🙂 en welzijn'} ranges={[[3, 7], [15, 17], [99, 120]]} />);
    expect(container.innerHTML).toBe('&lt;b&gt;<mark class="aantafel-search__mark">zorg</mark>&lt;/b&gt; 🙂 <mark class="aantafel-search__mark">en</mark> welzijn');
    expect(container.querySelector('b')).toBeNull();
  });

  it('shows the text unmarked when the ranges are bad', () => {
    const { container } = render(<Marked text="Zeist" ranges={[[4, 2], ['a', 'b'], null]} />);
    expect(container.innerHTML).toBe('Zeist');
  });
});
