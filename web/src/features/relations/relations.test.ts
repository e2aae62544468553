import { describe, expect, it } from 'vitest';
import type { Agreement, Interaction } from '../../api/types';
import {
  agreementRequestBody,
  agreementToForm,
  checkAgreementForm,
  checkFollowUpDraft,
  checkInteractionForm,
  daysBetween,
  dueWording,
  emptyAgreementForm,
  emptyFollowUpDraft,
  emptyInteractionForm,
  filterAgreements,
  followUpRequestBody,
  interactionRequestBody,
  interactionToForm,
  isBlankFollowUp,
  toggleId,
  toLocalInput,
  unsavedFromState,
  worstFirst,
} from './relations';
import { RELATIONS_TEXTS, relationsText } from './texts';

const dutchDay = (day: string) =>
  new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', timeZone: 'Europe/Amsterdam' }).format(
    new Date(`${day}T12:00:00Z`),
  );

describe('dueWording', () => {
  it('says since when something is overdue', () => {
    const w = dueWording('2026-11-20', '2026-11-23', dutchDay);
    expect(w.tone).toBe('alert');
    expect(relationsText('nl', w.key, w.vars)).toBe('te laat sinds 20 november');
    expect(relationsText('en', w.key, w.vars)).toBe('overdue since 20 november');
  });
  it('today, tomorrow, later and no date', () => {
    expect(dueWording('2026-11-23', '2026-11-23', dutchDay).key).toBe('due.today');
    expect(dueWording('2026-11-24', '2026-11-23', dutchDay).key).toBe('due.tomorrow');
    const later = dueWording('2026-11-30', '2026-11-23', dutchDay);
    expect(relationsText('nl', later.key, later.vars)).toBe('moet uiterlijk 30 november');
    expect(dueWording(null, '2026-11-23', dutchDay)).toEqual({ key: 'due.none', tone: 'muted' });
  });
  it('counts days across a DST change and a year end', () => {
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-11-23', '2026-11-22')).toBe(-1);
  });
});

describe('interaction form', () => {
  it('shows Amsterdam wall-clock time in datetime-local format', () => {
    expect(toLocalInput('2026-11-23T09:30:00Z')).toBe('2026-11-23T10:30');
    expect(toLocalInput('2026-07-01T09:30:00Z')).toBe('2026-07-01T11:30');
  });
  it('maps the form to the request body', () => {
    const values = {
      ...emptyInteractionForm(new Date('2026-11-23T09:00:00Z'), 7),
      kind: 'working_visit' as const,
      subject: '  Wijkbezoek Zeist ',
      notes: ' vertrouwelijk ',
      stance: 'ask' as const,
      tags: 'Wmo, jeugd,, Wmo',
      person_ids: [3, 4],
      staff_ids: [1],
    };
    expect(checkInteractionForm(values)).toEqual({});
    expect(interactionRequestBody(values)).toEqual({
      occurred_at: '2026-11-23T10:00',
      kind: 'working_visit',
      organisation_id: 7,
      subject: 'Wijkbezoek Zeist',
      notes: 'vertrouwelijk',
      stance: 'ask',
      tags: ['Wmo', 'jeugd'],
      person_ids: [3, 4],
      staff_ids: [1],
    });
  });
  it('finds missing fields', () => {
    const values = { ...emptyInteractionForm(new Date()), occurred_at: '' };
    expect(checkInteractionForm(values)).toEqual({
      occurred_at: 'error.occurredAt',
      organisation_id: 'error.organisation',
      subject: 'error.subject',
    });
  });
  it('round-trips an interaction', () => {
    const interaction: Interaction = {
      id: 1,
      occurred_at: '2026-11-20T13:15:00Z',
      kind: 'phone',
      organisation_id: 5,
      subject: 'Bellen',
      notes: null,
      stance: 'both',
      tags: ['a', 'b'],
      plan_id: null,
      person_ids: [9],
      staff_ids: [],
      created_by: 1,
      created_at: '2026-11-20T13:15:00Z',
      updated_at: '2026-11-20T13:15:00Z',
    };
    const form = interactionToForm(interaction);
    expect(form.occurred_at).toBe('2026-11-20T14:15');
    expect(form.tags).toBe('a, b');
    expect(form.notes).toBe('');
    expect(interactionRequestBody(form).organisation_id).toBe(5);
  });
  it('toggles ids in the order chosen', () => {
    expect(toggleId([1, 2], 3, true)).toEqual([1, 2, 3]);
    expect(toggleId([1, 2], 1, false)).toEqual([2]);
    expect(toggleId([1, 2], 1, true)).toEqual([2, 1]);
  });
});

describe('follow-ups in the contact form', () => {
  it('starts a new contact with the signed-in person as one of ours', () => {
    expect(emptyInteractionForm(new Date(), 5, 3).staff_ids).toEqual([3]);
    expect(emptyInteractionForm(new Date(), 5).staff_ids).toEqual([]);
  });
  it('skips an empty group, and needs a title and a date in one that is filled in', () => {
    const draft = emptyFollowUpDraft();
    expect(isBlankFollowUp(draft)).toBe(true);
    expect(isBlankFollowUp({ ...draft, title: ' x ' })).toBe(false);
    expect(checkFollowUpDraft({ ...draft, title: 'Bellen' })).toEqual({ due_on: 'error.dueOn' });
    expect(checkFollowUpDraft({ ...draft, due_on: '2099-01-01' })).toEqual({ title: 'error.title' });
    expect(checkFollowUpDraft({ ...draft, title: 'Bellen', due_on: '2099-01-01' })).toEqual({});
    expect(emptyFollowUpDraft().key).not.toBe(draft.key);
  });
  it('ties the follow-up to the saved contact', () => {
    const draft = { ...emptyFollowUpDraft(), title: ' Bellen ', due_on: '2099-01-01' };
    expect(followUpRequestBody(draft, 42)).toEqual({ title: 'Bellen', due_on: '2099-01-01', owner_id: null, interaction_id: 42 });
    expect(followUpRequestBody({ ...draft, owner_id: '2' }, 42).owner_id).toBe(2);
  });
  it('reads unsaved follow-ups back from a history state, whatever it holds', () => {
    expect(unsavedFromState(null)).toEqual([]);
    expect(unsavedFromState({ unsavedFollowUps: 'x' })).toEqual([]);
    const [one, ...rest] = unsavedFromState({
      unsavedFollowUps: [{ title: 'Bellen', owner_id: 2, due_on: '2099-01-01', fields: { due_on: 'Te ver', x: 1 }, message: null }, null],
    });
    expect(rest).toEqual([]);
    expect(one).toMatchObject({ title: 'Bellen', owner_id: '', due_on: '2099-01-01', fields: { due_on: 'Te ver' }, message: null });
  });
});

describe('agreement form', () => {
  it('sends ours first, then each chosen party; drops empty and unchosen', () => {
    const values = {
      ...emptyAgreementForm(5),
      title: ' Pilot ',
      organisation_ids: [5, 6],
      commitments: { us: ' Wij leveren twee wijkverpleegkundigen ', '5': 'Zeist betaalt', '6': ' ', '7': 'weg' },
      owner_id: '2',
      due_on: '2026-12-01',
    };
    expect(checkAgreementForm(values)).toEqual({});
    expect(agreementRequestBody(values)).toEqual({
      title: 'Pilot',
      description: '',
      organisation_ids: [5, 6],
      commitments: [
        { organisation_id: null, text: 'Wij leveren twee wijkverpleegkundigen' },
        { organisation_id: 5, text: 'Zeist betaalt' },
      ],
      owner_id: 2,
      due_on: '2026-12-01',
      status: 'concept',
    });
  });
  it('needs a title and a party; empty owner and date become null', () => {
    expect(checkAgreementForm(emptyAgreementForm())).toEqual({ title: 'error.title', organisation_ids: 'error.parties' });
    const body = agreementRequestBody({ ...emptyAgreementForm(1), title: 'x' });
    expect(body.owner_id).toBeNull();
    expect(body.due_on).toBeNull();
    expect(body.commitments).toEqual([]);
  });
  it('turns an agreement back into the form', () => {
    const agreement = {
      id: 1,
      title: 'A',
      description: 'B',
      organisation_ids: [5],
      commitments: [
        { organisation_id: null, text: 'wij' },
        { organisation_id: 5, text: 'zij' },
      ],
      owner_id: null,
      due_on: null,
      status: 'agreed',
      open: true,
      overdue: false,
      interaction_id: null,
      history: [],
      created_at: '',
      updated_at: '',
    } satisfies Agreement;
    const form = agreementToForm(agreement);
    expect(form.commitments).toEqual({ us: 'wij', '5': 'zij' });
    expect(form.owner_id).toBe('');
    expect(form.due_on).toBe('');
    expect(filterAgreements([agreement], 'open')).toHaveLength(1);
    expect(filterAgreements([agreement], 'fulfilled')).toHaveLength(0);
    expect(filterAgreements([agreement], 'agreed')).toHaveLength(1);
  });
});

describe('health', () => {
  it('orders people worst first, then by name', () => {
    const p = (name: string, status: 'good' | 'attention' | 'action') => ({
      person: { id: 1, name, fictional: false },
      health: { status },
    });
    expect(worstFirst([p('Bea', 'good'), p('Ann', 'attention'), p('Cor', 'action'), p('Aad', 'good')]).map((x) => x.person.name)).toEqual([
      'Cor',
      'Ann',
      'Aad',
      'Bea',
    ]);
  });
});

describe('texts', () => {
  it('has the same keys and placeholders in Dutch and English', () => {
    const nl = RELATIONS_TEXTS.nl;
    const en = RELATIONS_TEXTS.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(vars(en[key]), key).toEqual(vars(nl[key]));
      expect(en[key].trim(), key).not.toBe('');
    }
  });
});
