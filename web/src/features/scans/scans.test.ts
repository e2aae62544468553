import { describe, expect, it } from 'vitest';
import {
  buildResultsView,
  changeDirection,
  checkScanNames,
  computeReturn,
  emptyValueCaseForm,
  formatChange,
  formatScore,
  formToValueCase,
  inviteBody,
  inviteFieldKey,
  liveFigures,
  parseAmount,
  scanNamesBody,
  sentLineIndexes,
  statementList,
  valueCaseToForm,
} from './scans';
import { RESULTS, TEMPLATES } from './testdata';
import { SCANS_TEXTS } from './texts';

const template = TEMPLATES.items[0];

describe('buildResultsView', () => {
  const view = buildResultsView(RESULTS, template, 'nl');

  it('puts the gaps first, largest first, with statement texts and numbers', () => {
    expect(view.gaps.map((g) => g.id)).toEqual(['s1', 's3', 's2']);
    expect(view.gaps[0]).toMatchObject({ number: 1, text: 'We praten veel.', dimensionTitle: 'Dezelfde kijk', mean: 3.5, spread: 1.5 });
  });

  it('shows an organisation only when the API says it may be shown', () => {
    expect(view.shownOrganisations).toEqual(['A']);
    expect(view.hiddenOrganisations).toEqual([{ organisation: 'B', respondents: 1 }]);
    expect(view.gaps[0]?.organisations).toEqual([{ organisation: 'A', mean: 4.2 }]);
    expect(view.dimensions[0]?.organisations).toEqual([{ organisation: 'A', mean: 3.1 }]);
  });

  it('keeps at most five gaps', () => {
    const many = { ...RESULTS, gaps: ['s1', 's2', 's3', 's1', 's2', 's3', 's1'] };
    expect(buildResultsView(many, template, 'nl').gaps).toHaveLength(5);
  });

  it('orders the statements as in the template and groups comments without authors', () => {
    expect(view.statements.map((s) => s.number)).toEqual([1, 2, 3]);
    expect(view.comments).toEqual([
      { id: 's1', number: 1, text: 'We praten veel.', comments: ['Vaker bellen', 'Meer overleg'] },
      { id: 's3', number: 3, text: 'We vertrouwen elkaar.', comments: ['Goed zo'] },
    ]);
  });

  it('gives the improvement step and the change in the UI language', () => {
    const en = buildResultsView(RESULTS, template, 'en');
    expect(en.weakest[0]).toMatchObject({ id: 's2', number: 2, action: 'Share tasks.' });
    expect(en.changes[0]).toMatchObject({ title: 'Same view', change: 0.5 });
    expect(en.previousTitle).toBe('Voorjaar');
  });

  it('falls back to ids when the template is unknown', () => {
    expect(buildResultsView(RESULTS, undefined, 'nl').gaps[0]?.text).toBe('s1');
  });

  it('numbers the statements of a template', () => {
    expect(statementList(template, 'nl').map((s) => `${s.number}:${s.id}:${s.dimensionId}`)).toEqual([
      '1:s1:view',
      '2:s2:view',
      '3:s3:trust',
    ]);
  });
});

describe('number formats', () => {
  it('writes scores and changes the Dutch way', () => {
    expect(formatScore(3.456, 'nl-NL')).toBe('3,5');
    expect(formatScore(null, 'nl-NL')).toBe('—');
    expect(formatChange(0.5, 'nl-NL')).toBe('+0,5');
    expect(formatChange(-0.26, 'nl-NL')).toBe('-0,3');
    expect(formatChange(0.04, 'nl-NL')).toBe('0,0');
    expect(formatChange(0.5, 'en-GB')).toBe('+0.5');
    expect(formatChange(null, 'nl-NL', 'n.v.t.')).toBe('n.v.t.');
  });

  it('names the direction of a change in words', () => {
    expect(changeDirection(0.5)).toBe('up');
    expect(changeDirection(-0.2)).toBe('down');
    expect(changeDirection(0.01)).toBe('same');
    expect(changeDirection(null)).toBe('none');
  });
});

describe('checkScanNames', () => {
  it('asks for a name and a collaboration, and sends them trimmed', () => {
    expect(checkScanNames({ title: ' ', collaboration: '' })).toEqual({
      title: 'error.title',
      collaboration: 'error.collaboration',
    });
    expect(checkScanNames({ title: 'Najaar', collaboration: 'Zorg West' })).toEqual({});
    expect(scanNamesBody({ title: ' Najaar ', collaboration: 'Zorg West\n' })).toEqual({
      title: 'Najaar',
      collaboration: 'Zorg West',
    });
  });
});

describe('inviteBody', () => {
  it('leaves out empty rows and a missing role', () => {
    const { body } = inviteBody(
      [
        { organisation: ' De Linde ', label: 'teamleider' },
        { organisation: '', label: '' },
        { organisation: 'Hart van Oost', label: ' ' },
      ],
      '14',
    );
    expect(body).toEqual({
      invitees: [{ organisation: 'De Linde', label: 'teamleider' }, { organisation: 'Hart van Oost' }],
      expires_in_days: 14,
    });
  });

  it('asks for an organisation, at least one row and days from 1 to 365', () => {
    expect(inviteBody([{ organisation: '', label: 'rol' }], '30').errors).toEqual({ 'organisation.0': 'required' });
    expect(inviteBody([{ organisation: '', label: '' }], '30').errors).toEqual({ rows: 'required' });
    expect(inviteBody([{ organisation: 'A', label: '' }], '0').errors).toEqual({ days: 'days' });
    expect(inviteBody([{ organisation: 'A', label: '' }], '366').errors).toEqual({ days: 'days' });
    expect(inviteBody([{ organisation: 'A', label: '' }], '2,5').errors).toEqual({ days: 'days' });
  });
});

describe('inviteBody with e-mail addresses', () => {
  const mail = { language: 'en' as const, remindAfterDays: 3 };

  it('sends the addresses, the language and the reminder when one address is filled in', () => {
    const { body } = inviteBody(
      [
        { organisation: 'De Linde', label: '', email: ' anna@delinde.example ' },
        { organisation: 'Hart van Oost', label: '', email: '' },
      ],
      '14',
      mail,
    );
    expect(body).toEqual({
      invitees: [{ organisation: 'De Linde', email: 'anna@delinde.example' }, { organisation: 'Hart van Oost' }],
      expires_in_days: 14,
      language: 'en',
      remind_after_days: 3,
    });
  });

  it('leaves the mail out without addresses, without mail on the server, or with a reminder too late', () => {
    expect(inviteBody([{ organisation: 'A', label: '', email: '' }], '14', mail).body).toEqual({
      invitees: [{ organisation: 'A' }],
      expires_in_days: 14,
    });
    expect(inviteBody([{ organisation: 'A', label: '', email: 'a@b.nl' }], '14', null).body).toEqual({
      invitees: [{ organisation: 'A' }],
      expires_in_days: 14,
    });
    expect(inviteBody([{ organisation: 'A', label: '', email: 'a@b.nl' }], '3', mail).body).toEqual({
      invitees: [{ organisation: 'A', email: 'a@b.nl' }],
      expires_in_days: 3,
      language: 'en',
    });
  });

  it('checks the address and asks for an organisation with it', () => {
    expect(inviteBody([{ organisation: 'A', label: '', email: 'a-at-b' }], '14', mail).errors).toEqual({ 'email.0': 'email' });
    expect(inviteBody([{ organisation: '', label: '', email: 'a@b.nl' }], '14', mail).errors).toEqual({
      'organisation.0': 'required',
    });
  });

  it('knows where the server puts its problems', () => {
    expect(inviteFieldKey('invitees[2].email')).toBe('email.2');
    expect(inviteFieldKey('invitees[0].organisation')).toBe('organisation.0');
    expect(inviteFieldKey('remind_after_days')).toBe('remind');
    expect(inviteFieldKey('expires_in_days')).toBe('days');
    expect(inviteFieldKey('something_else')).toBeNull();
  });
});

describe('value case arithmetic (the same as the server)', () => {
  it('computes line totals, net, return per euro and break-even', () => {
    const f = computeReturn({
      initiative_costs: 10000,
      clients_reached: 40,
      clients_activated: 30,
      avoided_costs: [
        { unit_cost: 2500, events: 8, attribution: 0.6 },
        { unit_cost: 0, events: 3, attribution: 1 },
      ],
    });
    expect(f.line_totals).toEqual([12000, 0]);
    expect(f.avoided_total).toBe(12000);
    expect(f.net).toBe(2000);
    expect(f.return_per_euro).toBeCloseTo(1.2);
    expect(f.break_even_events[0]).toBeCloseTo(6.667, 3);
    expect(f.break_even_events[1]).toBeNull();
    expect(f.activation_share).toBe(0.75);
  });

  it('has no return per euro without costs and no share without clients', () => {
    const f = computeReturn({ initiative_costs: 0, clients_reached: 0, clients_activated: 0, avoided_costs: [] });
    expect(f).toEqual({ line_totals: [], avoided_total: 0, net: 0, return_per_euro: null, break_even_events: [], activation_share: null });
  });

  it('reads numbers as people type them', () => {
    expect(parseAmount('1250')).toBe(1250);
    expect(parseAmount('12,50')).toBe(12.5);
    expect(parseAmount('1.234,5')).toBe(1234.5);
    expect(parseAmount('1.234')).toBe(1234);
    expect(parseAmount('12.5')).toBe(12.5);
    expect(parseAmount('€ 2 500')).toBe(2500);
    expect(parseAmount('')).toBeUndefined();
    expect(parseAmount('veel')).toBeNull();
    expect(parseAmount('-3')).toBeNull();
  });

  it('computes live from the form, counting unfinished fields as 0', () => {
    const form = emptyValueCaseForm();
    form.initiative_costs = '10.000';
    form.avoided_costs = [{ label: 'Opname', unit_cost: '2500', events: '8', attribution: '60', assumption: '' }];
    expect(liveFigures(form).net).toBe(2000);
    form.avoided_costs[0]!.events = 'x';
    expect(liveFigures(form).avoided_total).toBe(0);
  });
});

describe('value case form mapping', () => {
  it('turns the form into the request body (percent to share, empty lines left out)', () => {
    const form = emptyValueCaseForm();
    form.title = ' Huiskamer ';
    form.clients_reached = '40';
    form.clients_activated = '30';
    form.initiative_costs = '10000';
    form.participation = { light: 'green', evidence: ' telling ' };
    form.avoided_costs = [
      { label: '', unit_cost: '', events: '', attribution: '100', assumption: '' },
      { label: 'Opname', unit_cost: '2500', events: '8', attribution: '60', assumption: 'CBS' },
    ];
    const { body, errors } = formToValueCase(form);
    expect(errors).toEqual({});
    expect(body).toMatchObject({
      title: 'Huiskamer',
      clients_reached: 40,
      clients_activated: 30,
      initiative_costs: 10000,
      participation: { light: 'green', evidence: 'telling' },
      return: { light: 'none', evidence: '' },
      avoided_costs: [{ label: 'Opname', unit_cost: 2500, events: 8, attribution: 0.6, assumption: 'CBS' }],
    });
    expect(sentLineIndexes(form)).toEqual([1]);
  });

  it('names problems by field, cost lines by their place in the form', () => {
    const form = emptyValueCaseForm();
    form.clients_reached = '10';
    form.clients_activated = '12';
    form.avoided_costs = [
      { label: '', unit_cost: '', events: '', attribution: '100', assumption: '' },
      { label: '', unit_cost: 'veel', events: '2', attribution: '120', assumption: '' },
    ];
    expect(formToValueCase(form).errors).toEqual({
      title: 'required',
      clients_activated: 'activated',
      'avoided_costs[1].label': 'required',
      'avoided_costs[1].unit_cost': 'number',
      'avoided_costs[1].attribution': 'percent',
    });
    form.clients_reached = '2,5';
    expect(formToValueCase(form).errors.clients_reached).toBe('whole');
  });

  it('writes a saved value case back into the form in the UI locale', () => {
    const form = valueCaseToForm(
      {
        id: 1,
        title: 'Huiskamer',
        initiative_costs: 1234.5,
        clients_reached: 40,
        clients_activated: 0,
        avoided_costs: [{ label: 'Opname', unit_cost: 2500, events: 7.5, attribution: 0.6, assumption: '' }],
        legitimacy: { light: 'red', evidence: 'klachten' },
        figures: { line_totals: [], avoided_total: 0, net: 0, return_per_euro: null, break_even_events: [], activation_share: null },
        created_at: '',
        updated_at: '',
      },
      'nl-NL',
    );
    expect(form.initiative_costs).toBe('1234,5');
    expect(form.clients_activated).toBe('');
    expect(form.avoided_costs[0]).toEqual({ label: 'Opname', unit_cost: '2500', events: '7,5', attribution: '60', assumption: '' });
    expect(form.legitimacy).toEqual({ light: 'red', evidence: 'klachten' });
    expect(form.participation).toEqual({ light: 'none', evidence: '' });
    // And back again: the same numbers.
    expect(formToValueCase(form).body?.avoided_costs?.[0]?.attribution).toBeCloseTo(0.6);
  });
});

describe('texts', () => {
  it('has the same keys and placeholders in Dutch and English', () => {
    const nl = SCANS_TEXTS.nl;
    const en = SCANS_TEXTS.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(vars(en[key]), key).toEqual(vars(nl[key]));
      expect(en[key].trim(), key).not.toBe('');
    }
  });
});
