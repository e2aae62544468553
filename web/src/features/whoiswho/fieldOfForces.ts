import type { Assessment, PersonSummary, Position, Quadrant, Seats } from '../../api/types';

/** One person in one role in the field of forces. */
export interface ForceMember {
  person: PersonSummary;
  position: Position;
  assessment: Assessment | null;
  quadrant: Quadrant | null;
}

export interface PartyGroup {
  /** Empty when the party is not known. */
  party: string;
  /** Seats in the council, when known from the seat distribution. */
  seats: number | null;
  members: ForceMember[];
}

export interface DomainGroup {
  /** Empty for advisers without a domain. */
  domain: string;
  members: ForceMember[];
}

/** Who matters at one municipality, grouped the way a council is organised. */
export interface FieldOfForces {
  /** College van B en W: the mayor first, then the aldermen. */
  college: ForceMember[];
  /** Council members and citizen members per party; parties with more seats first. */
  council: PartyGroup[];
  /** Policy advisers per domain. */
  civilService: DomainGroup[];
  /** Clerk, municipal secretary, roles at partners. */
  other: ForceMember[];
}

const byName = (a: ForceMember, b: ForceMember) =>
  a.person.name.localeCompare(b.person.name, 'nl') || a.position.id - b.position.id;

/**
 * Groups the current positions at `organisationId` of `people`. A person with two roles there
 * appears twice; an adviser with several domains appears under each domain. Parties from the
 * seat distribution appear even when no one of them is known yet.
 */
export function groupFieldOfForces(
  people: readonly PersonSummary[],
  organisationId: number,
  seats: readonly Seats[] = [],
): FieldOfForces {
  const college: ForceMember[] = [];
  const parties = new Map<string, ForceMember[]>();
  const domains = new Map<string, ForceMember[]>();
  const other: ForceMember[] = [];

  for (const person of people) {
    for (const position of person.current_positions) {
      if (position.organisation_id !== organisationId || !position.current) continue;
      const member: ForceMember = {
        person,
        position,
        assessment: person.latest_assessment ?? null,
        quadrant: person.quadrant ?? null,
      };
      switch (position.kind) {
        case 'mayor':
        case 'alderman':
          college.push(member);
          break;
        case 'council_member':
        case 'citizen_member': {
          const party = position.party.trim();
          parties.set(party, [...(parties.get(party) ?? []), member]);
          break;
        }
        case 'policy_adviser': {
          const list = position.domains.length > 0 ? position.domains : [''];
          for (const domain of list) {
            const key = domain.trim();
            domains.set(key, [...(domains.get(key) ?? []), member]);
          }
          break;
        }
        default:
          other.push(member);
      }
    }
  }

  college.sort((a, b) => {
    const rank = (m: ForceMember) => (m.position.kind === 'mayor' ? 0 : 1);
    return rank(a) - rank(b) || byName(a, b);
  });

  const seatsByParty = new Map(seats.map((s) => [s.party.trim(), s.seats]));
  for (const party of seatsByParty.keys()) {
    if (!parties.has(party)) parties.set(party, []);
  }
  const council: PartyGroup[] = [...parties.entries()].map(([party, members]) => ({
    party,
    seats: party ? (seatsByParty.get(party) ?? null) : null,
    members: [...members].sort((a, b) => {
      // Council members before citizen members, then by name.
      const rank = (m: ForceMember) => (m.position.kind === 'council_member' ? 0 : 1);
      return rank(a) - rank(b) || byName(a, b);
    }),
  }));
  council.sort((a, b) => {
    if (!a.party !== !b.party) return a.party ? -1 : 1; // unknown party last
    return (b.seats ?? -1) - (a.seats ?? -1) || a.party.localeCompare(b.party, 'nl');
  });

  const civilService: DomainGroup[] = [...domains.entries()]
    .map(([domain, members]) => ({ domain, members: [...members].sort(byName) }))
    .sort((a, b) => {
      if (!a.domain !== !b.domain) return a.domain ? -1 : 1; // no domain last
      return a.domain.localeCompare(b.domain, 'nl');
    });

  return { college, council, civilService, other: other.sort(byName) };
}
