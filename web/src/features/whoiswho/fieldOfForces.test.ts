import { describe, expect, it } from 'vitest';
import type { PersonSummary, Position } from '../../api/types';
import { groupFieldOfForces } from './fieldOfForces';

let nextId = 1;
function position(partial: Partial<Position> & Pick<Position, 'kind'>): Position {
  const id = nextId++;
  return {
    id,
    person_id: 0,
    organisation_id: 10,
    title: '',
    party: '',
    portfolios: [],
    domains: [],
    committees: [],
    started_on: '2022-03-30',
    ended_on: null,
    current: true,
    ...partial,
  };
}

function person(id: number, name: string, positions: Position[], attitude?: number): PersonSummary {
  return {
    id,
    name,
    fictional: false,
    current_positions: positions.map((p) => ({ ...p, person_id: id })),
    latest_assessment:
      attitude === undefined
        ? null
        : { id, assessed_on: '2026-01-01', power: 4, interest: 4, attitude, note: '', quadrant: 'manage_closely' },
    quadrant: attitude === undefined ? null : 'manage_closely',
  };
}

describe('groupFieldOfForces', () => {
  const people = [
    person(1, 'Wim Wethouder', [position({ kind: 'alderman', portfolios: ['Wmo'] })], 1),
    person(2, 'Bea Burgemeester', [position({ kind: 'mayor' })]),
    person(3, 'Rik Raadslid', [position({ kind: 'council_member', party: 'D66' })], -1),
    person(4, 'Anna Raadslid', [position({ kind: 'council_member', party: 'GroenLinks' })]),
    person(5, 'Bert Burgerlid', [position({ kind: 'citizen_member', party: 'GroenLinks' })]),
    person(6, 'Amir Raadslid', [position({ kind: 'council_member', party: 'GroenLinks' })]),
    person(7, 'Petra Adviseur', [position({ kind: 'policy_adviser', domains: ['Wmo', 'Jeugd'] })]),
    person(8, 'Gijs Griffier', [position({ kind: 'clerk' })]),
    person(9, 'Elders', [position({ kind: 'alderman', organisation_id: 99 })]),
    person(10, 'Oud Raadslid', [position({ kind: 'council_member', party: 'D66', current: false, ended_on: '2022-03-29' })]),
    person(11, 'Zonder Partij', [position({ kind: 'council_member' })]),
    person(12, 'Zonder Domein', [position({ kind: 'policy_adviser' })]),
  ];
  const seats = [
    { party: 'D66', seats: 5 },
    { party: 'GroenLinks', seats: 9 },
    { party: 'CDA', seats: 2 },
  ];
  const forces = groupFieldOfForces(people, 10, seats);

  it('puts the mayor first in the college, then the aldermen', () => {
    expect(forces.college.map((m) => m.person.name)).toEqual(['Bea Burgemeester', 'Wim Wethouder']);
    expect(forces.college[1]?.position.portfolios).toEqual(['Wmo']);
    expect(forces.college[1]?.assessment?.attitude).toBe(1);
  });

  it('groups the council by party, biggest first, with seats and parties nobody is known of', () => {
    expect(forces.council.map((g) => [g.party, g.seats, g.members.map((m) => m.person.name)])).toEqual([
      ['GroenLinks', 9, ['Amir Raadslid', 'Anna Raadslid', 'Bert Burgerlid']],
      ['D66', 5, ['Rik Raadslid']],
      ['CDA', 2, []],
      ['', null, ['Zonder Partij']],
    ]);
  });

  it('lists policy advisers under each of their domains, without a domain last', () => {
    expect(forces.civilService.map((g) => [g.domain, g.members.map((m) => m.person.name)])).toEqual([
      ['Jeugd', ['Petra Adviseur']],
      ['Wmo', ['Petra Adviseur']],
      ['', ['Zonder Domein']],
    ]);
  });

  it('keeps other roles apart and leaves out other organisations and ended positions', () => {
    expect(forces.other.map((m) => m.person.name)).toEqual(['Gijs Griffier']);
    const everyone = [
      ...forces.college,
      ...forces.council.flatMap((g) => g.members),
      ...forces.civilService.flatMap((g) => g.members),
      ...forces.other,
    ].map((m) => m.person.name);
    expect(everyone).not.toContain('Elders');
    expect(everyone).not.toContain('Oud Raadslid');
  });
});
