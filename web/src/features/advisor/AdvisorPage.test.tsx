import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Advice } from '../../api/types';
import { answer, type ResponseBody } from '../../test/answer';
import { planFixture } from '../../test/fixtures';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import { AdviceResultPage } from './AdviceResultPage';
import { AdvisorPage } from './AdvisorPage';

const plans = { items: [planFixture({ id: 5, title: 'Buurtteams' })] } satisfies ResponseBody<'listPlans', 200>;
// The route pattern also matches the result page, so the URL stays visible after submitting.
const route = { route: '/w/demo/advisor', path: '/w/:slug/advisor/*' };

function narrowScreen() {
  vi.stubGlobal(
    'matchMedia',
    vi.fn((query: string) => ({
      matches: false,
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    })),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AdvisorPage', () => {
  it('shows all questions on a wide screen, problems at the questions, and opens the advice with the answers in the URL', async () => {
    const user = userEvent.setup();
    mockFetch({ 'GET /api/v1/workspaces/demo/plans': () => answer('listPlans', 200, plans) });
    renderInWorkspace(<AdvisorPage />, route);
    await screen.findByRole('option', { name: 'Buurtteams' });
    expect(Array.from(document.querySelectorAll('legend'), (legend) => legend.textContent)).toEqual([
      'Hoe groot is je organisatie?',
      'Gaat het om een plan uit de Beleidskalender?',
      'In welke fase zit de gemeente?',
      'Met wie praat je?',
      'Wat wil je bereiken?',
      'Wat heb je al?',
    ]);

    await user.click(screen.getByRole('button', { name: 'Toon advies' }));
    expect(screen.getByRole('group', { name: 'Hoe groot is je organisatie?' })).toHaveAccessibleDescription(
      /Kies hoe groot je organisatie is\./,
    );
    expect(screen.getByRole('radio', { name: /Klein/ })).toHaveFocus();
    expect(screen.getByRole('group', { name: 'Met wie praat je?' })).toHaveAccessibleDescription('Kies met wie je praat.');

    await user.click(screen.getByRole('radio', { name: 'Ik vul het aantal medewerkers in' }));
    await user.type(screen.getByLabelText('Aantal medewerkers'), '12');
    await user.click(screen.getByRole('radio', { name: /^Verandering:/ }));
    await user.click(screen.getByRole('radio', { name: 'Wethouder' }));
    await user.click(screen.getByRole('radio', { name: 'Bekend worden bij de gemeente' }));
    await user.click(screen.getByRole('checkbox', { name: 'Een duidelijke focus' }));
    // The problems go away as they are solved.
    expect(screen.queryByText('Kies met wie je praat.')).toBeNull();
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/w/demo/advisor?employees=12&phase=change&level=alderman&goal=get_known&has=clear_focus',
    );
    await user.click(screen.getByRole('button', { name: 'Toon advies' }));
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/w/demo/advisor/result?employees=12&phase=change&level=alderman&goal=get_known&has=clear_focus',
    );
  });

  it('comes back with the answers from the URL, and a plan may decide the phase', async () => {
    const user = userEvent.setup();
    mockFetch({ 'GET /api/v1/workspaces/demo/plans': () => answer('listPlans', 200, plans) });
    renderInWorkspace(<AdvisorPage />, {
      ...route,
      route: '/w/demo/advisor?size=medium&level=council_member&goal=innovate&has=expertise',
    });
    await screen.findByRole('option', { name: 'Buurtteams' });
    expect(screen.getByRole('radio', { name: /Middelgroot/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Raadslid' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Kennis die de gemeente mist' })).toBeChecked();
    expect(screen.queryByRole('radio', { name: 'Laat de fase van het plan dit bepalen' })).toBeNull();

    await user.selectOptions(screen.getByLabelText('Plan'), '5');
    expect(screen.getByRole('radio', { name: 'Laat de fase van het plan dit bepalen' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Toon advies' }));
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/w/demo/advisor/result?size=medium&plan=5&level=council_member&goal=innovate&has=expertise',
    );
  });

  it('asks one question per screen on a narrow screen', async () => {
    narrowScreen();
    const user = userEvent.setup();
    mockFetch({ 'GET /api/v1/workspaces/demo/plans': () => answer('listPlans', 200, plans) });
    renderInWorkspace(<AdvisorPage />, route);
    expect(screen.getByText('Vraag 1 van 6')).toBeInTheDocument();
    expect(document.querySelectorAll('fieldset')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Vorige' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Volgende' }));
    expect(screen.getByText('Vraag 1 van 6')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Klein/ })).toHaveFocus();

    await user.click(screen.getByRole('radio', { name: /Klein/ }));
    await user.click(screen.getByRole('button', { name: 'Volgende' }));
    const progress = screen.getByText('Vraag 2 van 6');
    await waitFor(() => expect(progress).toHaveFocus());
    expect(screen.getByRole('group', { name: 'Gaat het om een plan uit de Beleidskalender?' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Vorige' }));
    expect(screen.getByRole('radio', { name: /Klein/ })).toBeChecked();
  });
});

const advice: Advice = {
  situation: { size: 'small', phase: 'change', level: 'alderman', goal: 'get_known', assets: [] },
  plan_id: null,
  ranked: [
    {
      strategy: {
        id: 'do_something_different',
        number: 6,
        name: 'Verras met iets onverwachts',
        meaning: 'Je doet iets wat de gemeente niet verwacht.',
        advantage: 'Je valt op.',
        disadvantage: 'Het kan verkeerd vallen.',
        fits_when: 'In de fase van verandering.',
        tips: ['Nodig de wethouder uit op een onverwachte plek.'],
        small_provider: null,
        examples: [],
        source: { id: 'invoorzorg', title: 'Op het juiste moment', publisher: 'In voor zorg!', year: null },
      },
      score: 4,
      reasons: [
        { id: 'change_innovate', weight: 3, reason: 'In de fase van verandering helpt vernieuwing.', source: { id: 'invoorzorg', title: 'Op het juiste moment', publisher: 'In voor zorg!', year: null } },
      ],
    },
    {
      strategy: {
        id: 'mobilise_employees',
        number: 7,
        name: 'Zet je medewerkers in',
        meaning: 'Medewerkers zijn ook inwoners.',
        advantage: 'Een stem.',
        disadvantage: 'Kost tijd.',
        fits_when: 'Grote organisaties.',
        tips: [],
        small_provider: 'Als kleine aanbieder past dit minder.',
        examples: [],
        source: null,
      },
      score: -2,
      reasons: [{ id: 'small_employees', weight: -2, reason: 'Met weinig medewerkers is hun stem klein.', source: null }],
    },
  ],
  phase_plan: [
    { phase: 'vision', strategies: [{ id: 'trusted_adviser', number: 4, name: 'Word vertrouwd adviseur' }] },
    { phase: 'change', strategies: [{ id: 'do_something_different', number: 6, name: 'Verras met iets onverwachts' }] },
    { phase: 'execution', strategies: [{ id: 'focus', number: 1, name: 'Kies een duidelijke focus' }] },
  ],
  extra_advice: [
    { id: 'keep_knocking', text: 'Blijf vriendelijk aankloppen zonder te irriteren.', source: { id: 'invoorzorg', title: 'Op het juiste moment', publisher: 'In voor zorg!', year: null } },
  ],
};

describe('AdviceResultPage', () => {
  it('sends the answers from the URL and shows ranked strategies with signed reasons', async () => {
    let body: unknown;
    mockFetch({
      'POST /api/v1/workspaces/demo/advice': (_url, init) => {
        body = JSON.parse(String(init?.body));
        return answer('getAdvice', 200, advice);
      },
    });
    renderInWorkspace(<AdviceResultPage />, {
      route: '/w/demo/advisor/result?employees=12&phase=change&level=alderman&goal=get_known',
      path: '/w/:slug/advisor/result',
    });
    const first = await screen.findByRole('heading', { level: 3, name: '1. Verras met iets onverwachts' });
    expect(body).toEqual({ employees: 12, phase: 'change', level: 'alderman', goal: 'get_known', assets: [] });
    const firstItem = first.closest('li');
    expect(firstItem).not.toBeNull();
    expect(within(firstItem!).getByText('Strategie 6 · Score: +4')).toBeInTheDocument();
    const plus = within(firstItem!).getByText('In de fase van verandering helpt vernieuwing.').closest('li');
    expect(plus).toHaveTextContent('+3 telt mee, plus 3: In de fase van verandering helpt vernieuwing. (Bron: Op het juiste moment)');
    expect(within(firstItem!).getByText('Bron: Op het juiste moment. In voor zorg!, jaar onbekend.')).toBeInTheDocument();

    const second = screen.getByRole('heading', { level: 3, name: '2. Zet je medewerkers in' }).closest('li');
    expect(within(second!).getByText('Strategie 7 · Score: \u22122')).toBeInTheDocument();
    const minus = within(second!).getByText('Met weinig medewerkers is hun stem klein.').closest('li');
    expect(minus).toHaveTextContent('\u22122 telt tegen, min 2: Met weinig medewerkers is hun stem klein.');
    expect(within(second!).getByText('Als kleine aanbieder past dit minder.')).toBeInTheDocument();

    expect(screen.getByRole('heading', { level: 3, name: /Verandering.*de fase nu/ })).toBeInTheDocument();
    expect(screen.getByText('Blijf vriendelijk aankloppen zonder te irriteren.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Afdrukken' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Antwoorden aanpassen' })).toHaveAttribute(
      'href',
      '/w/demo/advisor?employees=12&phase=change&level=alderman&goal=get_known',
    );
  });

  it('sends back to the questions when answers are missing', async () => {
    mockFetch({});
    renderInWorkspace(<AdviceResultPage />, {
      route: '/w/demo/advisor/result?size=small',
      path: '/w/:slug/advisor/result',
    });
    expect(screen.getByText('Er ontbreken nog antwoorden. Beantwoord eerst de vragen.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Naar de vragen' })).toHaveAttribute('href', '/w/demo/advisor?size=small');
  });
});
