import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, noContent, problem, type Schema } from '../../test/answer';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import type { CouncilWebhook } from './api';
import { CouncilWebhookSection } from './CouncilWebhook';
import { NOW } from './testdata';
import { useCouncilText } from './texts';

const PATH = '/api/v1/workspaces/demo/council-webhook';
const SECRET = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8';

const FRESH = {
  url: 'https://meldingen.zorg.example/aantafel',
  created_at: '2026-12-06T13:00:00Z',
  last_attempt_at: null,
  last_status: null,
  last_error: null,
  last_success_at: null,
  failures: 0,
  failing: false,
  failing_since: null,
  retry_at: null,
} satisfies Schema<'CouncilWebhook'>;

function Section() {
  const ct = useCouncilText();
  return <CouncilWebhookSection slug="demo" context={{ language: 'nl', ct, now: NOW }} />;
}

function mockServer(initial: CouncilWebhook | null, routes: Parameters<typeof mockFetch>[0] = {}) {
  let stored = initial;
  const sent: unknown[] = [];
  const fetchMock = mockFetch({
    [`GET ${PATH}`]: () => answer('getCouncilWebhook', 200, { webhook: stored }),
    [`PUT ${PATH}`]: (_url, init) => {
      const body = JSON.parse(String(init?.body)) as { url: string };
      sent.push(body);
      stored = { ...FRESH, url: body.url };
      return answer('setCouncilWebhook', 200, { webhook: stored, secret: SECRET });
    },
    [`DELETE ${PATH}`]: () => {
      stored = null;
      return noContent('deleteCouncilWebhook');
    },
    ...routes,
  });
  return { fetchMock, sent };
}

function renderSection() {
  return renderInWorkspace(<Section />, { role: 'owner', route: '/w/demo/council', path: '/w/:slug/council' });
}

describe('CouncilWebhookSection', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('sets the address and shows the key once, then only how deliveries go', async () => {
    const { sent } = mockServer(null);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderSection();
    const section = await screen.findByRole('region', { name: 'Webhook' });
    expect(await within(section).findByText('Er is nog geen webhook.')).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Test versturen' })).not.toBeInTheDocument();

    // Not an address: said at the field, nothing sent.
    const field = within(section).getByLabelText(/Adres van de webhook/);
    await user.type(field, 'meldingen.zorg.example');
    await user.click(within(section).getByRole('button', { name: 'Opslaan' }));
    expect(await within(section).findByText('Het adres moet beginnen met https://.')).toBeInTheDocument();
    expect(sent).toEqual([]);

    await user.clear(field);
    await user.type(field, 'https://meldingen.zorg.example/aantafel');
    await user.click(within(section).getByRole('button', { name: 'Opslaan' }));
    expect(sent).toEqual([{ url: 'https://meldingen.zorg.example/aantafel' }]);
    const key = await within(section).findByRole('heading', { name: 'Bewaar de sleutel van de webhook' });
    await waitFor(() => expect(key).toHaveFocus());
    expect(within(section).getByLabelText('Sleutel')).toHaveValue(SECRET);
    expect(within(section).getByText(/Er is nog niets verstuurd/)).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Klaar' }));
    expect(within(section).queryByLabelText('Sleutel')).not.toBeInTheDocument();
    expect(screen.queryByText(SECRET)).not.toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Opslaan met nieuwe sleutel' })).toBeInTheDocument();
  });

  it("shows the server's reason at the field", async () => {
    mockServer(null, {
      [`PUT ${PATH}`]: () =>
        problem('setCouncilWebhook', 'invalid_input', 'Controleer de velden.', {
          url: 'Gebruik een webadres dat begint met https:// en geen gebruikersnaam of wachtwoord bevat.',
        }),
    });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderSection();
    const section = await screen.findByRole('region', { name: 'Webhook' });
    const field = await within(section).findByLabelText(/Adres van de webhook/);
    await user.type(field, 'https://anna:geheim@meldingen.zorg.example/');
    await user.click(within(section).getByRole('button', { name: 'Opslaan' }));
    expect(await within(section).findByText(/geen gebruikersnaam of wachtwoord bevat/)).toBeInTheDocument();
    await waitFor(() => expect(field).toHaveFocus());
    expect(within(section).queryByLabelText('Sleutel')).not.toBeInTheDocument();
  });

  it('says in plain words that sending has failed for a day and when it is tried again', async () => {
    mockServer({
      ...FRESH,
      last_attempt_at: '2026-12-06T13:00:00Z',
      last_status: 500,
      last_error: 'HTTP 500',
      last_success_at: '2026-12-04T09:15:00Z',
      failures: 28,
      failing: true,
      failing_since: '2026-12-05T10:00:00Z',
      retry_at: '2026-12-06T14:00:00Z',
    });
    renderSection();
    const section = await screen.findByRole('region', { name: 'Webhook' });
    expect(
      await within(section).findByText(
        'Het versturen lukt al meer dan een dag niet: het systeem antwoordde met 500. Kijk of het adres klopt. We blijven het elk uur proberen.',
      ),
    ).toBeInTheDocument();
    expect(within(section).getByText('We proberen het om 15:00 opnieuw.')).toBeInTheDocument();
    expect(within(section).getByText('De laatste melding die goed aankwam: 4 december om 10:15.')).toBeInTheDocument();
    expect(within(section).getByText('Technische melding: HTTP 500')).toBeInTheDocument();
  });

  it('sends a test and says what the receiver answered', async () => {
    let reply = answer('testCouncilWebhook', 200, { ok: true, status: 204, error: null });
    const { fetchMock } = mockServer(
      { ...FRESH, last_success_at: '2026-12-06T12:05:00Z', last_status: 200 },
      { [`POST ${PATH}/test`]: () => reply },
    );
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderSection();
    const section = await screen.findByRole('region', { name: 'Webhook' });
    expect(await within(section).findByText('De laatste melding kwam goed aan op 6 december om 13:05.')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Test versturen' }));
    expect(await screen.findByText('De test is aangekomen. Het systeem antwoordde met 204.')).toBeInTheDocument();
    reply = answer('testCouncilWebhook', 200, {
      ok: false,
      status: null,
      error: 'refused: the address is not public (loopback, private or link-local)',
    });
    await user.click(within(section).getByRole('button', { name: 'Test versturen' }));
    expect(await screen.findByText(/De test is niet aangekomen. Er kwam geen antwoord \(refused/)).toBeInTheDocument();
    expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(2);
  });

  it('removes the webhook only after a question', async () => {
    const { fetchMock } = mockServer(FRESH);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderSection();
    const section = await screen.findByRole('region', { name: 'Webhook' });
    await user.click(await within(section).findByRole('button', { name: 'Verwijderen' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Webhook verwijderen?' });
    await user.click(within(dialog).getByRole('button', { name: 'Annuleren' }));
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);

    await user.click(within(section).getByRole('button', { name: 'Verwijderen' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Verwijderen' }));
    expect(await screen.findByText('De webhook is verwijderd.')).toBeInTheDocument();
    expect(await within(section).findByText('Er is nog geen webhook.')).toBeInTheDocument();
    expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'DELETE')).toHaveLength(1);
  });
});
