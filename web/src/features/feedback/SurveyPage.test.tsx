import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { InvitationResult, Survey } from '../../api/types';
import { answer, problem } from '../../test/answer';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import { SurveyPage } from './SurveyPage';

const route = { route: '/w/demo/feedback/surveys/4', path: '/w/:slug/feedback/surveys/:surveyId' };
const INVITE = 'POST /api/v1/workspaces/demo/feedback/surveys/4/invitations';

const question = (text: string) => ({ [`${text}_nl`]: text, [`${text}_en`]: text });

const SURVEY: Survey = {
  id: 4,
  name: 'Wijkteam Noord',
  team: 'Noord',
  service: 'het wijkteam',
  municipality_code: null,
  law: 'wmo',
  domain: '',
  active: true,
  pause_days: 90,
  questions: {
    ...question('recommend'),
    ...question('why'),
    ...question('better'),
    ...question('callback'),
  } as Survey['questions'],
  token: 'abc',
  url: 'https://aantafel.example.nl/f/abc',
  created_at: '2026-11-01T10:00:00Z',
};

function link(reference: string, mailed: boolean): InvitationResult['created'][number] {
  return {
    reference,
    token: `p-${reference.replace(/\W/g, '')}`,
    url: `https://aantafel.example.nl/f/p-${reference.replace(/\W/g, '')}`,
    expires_at: '2026-12-20T10:00:00Z',
    mailed,
  };
}

function postedBody(fetchMock: ReturnType<typeof mockFetch>): unknown {
  const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
  return JSON.parse(String(post?.[1]?.body));
}

describe('SurveyPage: Persoonlijke links versturen', () => {
  it('mails personal links with the language and reminder, and says what was mailed, skipped and left to copy', async () => {
    const fetchMock = mockFetch({
      'GET /api/v1/workspaces/demo/feedback/surveys/4': () => answer('getSurvey', 200, SURVEY),
      [INVITE]: () =>
        answer('createInvitations', 201, {
          created: [link('regel 1', true), link('2026-041', false)],
          skipped: [{ reference: 'regel 3', reason: 'recently_invited' }],
        } satisfies InvitationResult),
    });
    const user = userEvent.setup();
    renderInWorkspace(<SurveyPage />, { ...route, mail: true });
    expect(await screen.findByRole('heading', { level: 1, name: 'Wijkteam Noord' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Persoonlijke links versturen' })).toBeInTheDocument();
    expect(screen.getByText(/in de afgelopen 90 dagen al een uitnodiging/)).toBeInTheDocument();

    await user.type(
      screen.getByLabelText('E-mailadressen'),
      'anna@delinde.example{enter}2026-041;bob@hart.example{enter}cor@x.nl',
    );
    expect(screen.getByLabelText('Hoeveel dagen werkt de link?')).toHaveValue('14');
    const remind = screen.getByLabelText('Herinnering');
    expect(within(remind).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Geen herinnering',
      'Na 3 dagen',
      'Na 5 dagen',
      'Na 7 dagen',
    ]);
    await user.selectOptions(remind, 'Na 7 dagen');
    await user.click(within(screen.getByRole('group', { name: 'Taal van de e-mail' })).getByLabelText('English'));
    await user.click(screen.getByRole('button', { name: 'Links versturen' }));

    const summary = document.getElementById('personal-links-status') as HTMLElement;
    await waitFor(() => expect(summary).toHaveTextContent('1 link is per e-mail verstuurd.'));
    expect(postedBody(fetchMock)).toEqual({
      contacts: [
        { reference: 'regel 1', client: 'anna@delinde.example', channel: 'email', valid_days: 14 },
        { reference: '2026-041', client: 'bob@hart.example', channel: 'email', valid_days: 14 },
        { reference: 'regel 3', client: 'cor@x.nl', channel: 'email', valid_days: 14 },
      ],
      send_by_email: true,
      language: 'en',
      remind_after_days: 7,
    });
    expect(summary).toHaveTextContent(
      '1 adres is overgeslagen. Deze persoon kreeg in de afgelopen 90 dagen al een uitnodiging voor een vragenlijst.',
    );
    expect(screen.getByRole('list', { name: 'Overgeslagen adressen' })).toHaveTextContent('cor@x.nl (regel 3)');
    const links = screen.getByRole('list', { name: 'Links om zelf door te geven' });
    const items = within(links).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('bob@hart.example (2026-041)');
    expect(items[0]).toHaveTextContent('https://aantafel.example.nl/f/p-2026041');
    expect(items[0]).toHaveTextContent('De e-mail kon niet worden verstuurd. Geef de link zelf door.');
    expect(within(items[0] as HTMLElement).getByRole('button', { name: 'Kopieer de link voor bob@hart.example (2026-041)' })).toBeInTheDocument();
    expect(screen.getByLabelText('E-mailadressen')).toHaveValue('');
  });

  it('without mail on this server: says so, and makes links to copy', async () => {
    const fetchMock = mockFetch({
      'GET /api/v1/workspaces/demo/feedback/surveys/4': () => answer('getSurvey', 200, SURVEY),
      [INVITE]: () => answer('createInvitations', 201, { created: [link('regel 1', false), link('regel 2', false)], skipped: [] }),
    });
    const user = userEvent.setup();
    renderInWorkspace(<SurveyPage />, { ...route, mail: false });
    expect(await screen.findByRole('heading', { level: 2, name: 'Persoonlijke links maken' })).toBeInTheDocument();
    expect(screen.getByText('E-mail is op deze server niet ingesteld. Daarom geef je de links zelf door.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Herinnering')).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Taal van de e-mail' })).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('E-mailadressen'), 'anna@delinde.example{enter}bob@hart.example');
    await user.click(screen.getByRole('button', { name: 'Links maken' }));

    const links = await screen.findByRole('list', { name: 'Links om zelf door te geven' });
    expect(postedBody(fetchMock)).toEqual({
      contacts: [
        { reference: 'regel 1', client: 'anna@delinde.example', channel: 'email', valid_days: 14 },
        { reference: 'regel 2', client: 'bob@hart.example', channel: 'email', valid_days: 14 },
      ],
      send_by_email: false,
    });
    expect(document.getElementById('personal-links-status')).toHaveTextContent('2 links zijn gemaakt.');
    expect(within(links).getAllByRole('button', { name: /^Kopieer de link voor/ })).toHaveLength(2);
    expect(links).not.toHaveTextContent('De e-mail kon niet worden verstuurd');
  });

  it('names a bad line before sending anything', async () => {
    const fetchMock = mockFetch({
      'GET /api/v1/workspaces/demo/feedback/surveys/4': () => answer('getSurvey', 200, SURVEY),
    });
    const user = userEvent.setup();
    renderInWorkspace(<SurveyPage />, { ...route, mail: true });
    const addresses = await screen.findByLabelText('E-mailadressen');
    await user.type(addresses, 'anna@delinde.example{enter}bob at hart{enter}anna@delinde.example');
    const days = screen.getByLabelText('Hoeveel dagen werkt de link?');
    await user.clear(days);
    await user.type(days, '91');
    await user.click(screen.getByRole('button', { name: 'Links versturen' }));
    expect(addresses).toHaveAccessibleDescription(
      expect.stringContaining(
        'Regel 2: dit is geen goed e-mailadres. Regel 3: dit e-mailadres staat ook op regel 1.',
      ),
    );
    expect(addresses).toHaveFocus();
    expect(days).toHaveAccessibleDescription(expect.stringContaining('Vul een heel getal in van 1 tot en met 90.'));
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it('shows the server problems (422) at the line and the field they belong to', async () => {
    mockFetch({
      'GET /api/v1/workspaces/demo/feedback/surveys/4': () => answer('getSurvey', 200, SURVEY),
      [INVITE]: () =>
        problem('createInvitations', 'invalid_input', 'Niet alle velden zijn goed ingevuld.', { 'contacts[1].client': 'Vul een telefoonnummer of e-mailadres in.', remind_after_days: 'Kies een getal van 1 tot en met 4.' }),
    });
    const user = userEvent.setup();
    renderInWorkspace(<SurveyPage />, { ...route, mail: true });
    const addresses = await screen.findByLabelText('E-mailadressen');
    await user.type(addresses, 'anna@delinde.example{enter}bob@hart.example');
    await user.selectOptions(screen.getByLabelText('Herinnering'), 'Na 3 dagen');
    await user.click(screen.getByRole('button', { name: 'Links versturen' }));
    await waitFor(() =>
      expect(addresses).toHaveAccessibleDescription(
        expect.stringContaining('Regel 2: Vul een telefoonnummer of e-mailadres in.'),
      ),
    );
    expect(addresses).toHaveFocus();
    expect(screen.getByLabelText('Herinnering')).toHaveAccessibleDescription(
      expect.stringContaining('Kies een getal van 1 tot en met 4.'),
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Niet alle velden zijn goed ingevuld.');
  });

  it('offers no form on a closed survey', async () => {
    mockFetch({
      'GET /api/v1/workspaces/demo/feedback/surveys/4': () => answer('getSurvey', 200, { ...SURVEY, active: false }),
    });
    renderInWorkspace(<SurveyPage />, { ...route, mail: true });
    expect(await screen.findByText(/Deze vragenlijst is gesloten/)).toBeInTheDocument();
    expect(screen.queryByLabelText('E-mailadressen')).not.toBeInTheDocument();
  });

  it('lets a viewer only look', async () => {
    mockFetch({
      'GET /api/v1/workspaces/demo/feedback/surveys/4': () => answer('getSurvey', 200, SURVEY),
    });
    renderInWorkspace(<SurveyPage />, { ...route, mail: true, role: 'viewer' });
    expect(await screen.findByText(/Je kunt hier alleen kijken/)).toBeInTheDocument();
    expect(screen.queryByLabelText('E-mailadressen')).not.toBeInTheDocument();
  });
});
