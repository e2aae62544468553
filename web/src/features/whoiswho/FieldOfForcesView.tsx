import { Heading3, Heading4, Paragraph } from '@utrecht/component-library-react';
import { useI18n } from '../../i18n/I18nProvider';
import { PersonLink } from './common';
import type { FieldOfForces, ForceMember } from './fieldOfForces';
import { attitudeLabel, positionKindLabel, quadrantLabel, signed } from './labels';

/** The field of forces as lists: college, council per party, civil service per domain, others. */
export function FieldOfForcesView({
  forces,
  isMunicipality,
}: {
  forces: FieldOfForces;
  isMunicipality: boolean;
}) {
  const { t, formatNumber } = useI18n();
  const empty =
    forces.college.length === 0 &&
    forces.council.every((g) => g.members.length === 0) &&
    forces.civilService.length === 0 &&
    forces.other.length === 0;

  if (empty && forces.council.length === 0) return <Paragraph>{t('forces.empty')}</Paragraph>;

  return (
    <div className="aantafel-forces">
      {isMunicipality || forces.college.length > 0 ? (
        <div className="aantafel-forces__group">
          <Heading3>{t('forces.college')}</Heading3>
          <MemberList members={forces.college} empty={t('forces.noneKnown')} showPortfolios />
        </div>
      ) : null}
      {isMunicipality || forces.council.length > 0 ? (
        <div className="aantafel-forces__group">
          <Heading3>{t('forces.council')}</Heading3>
          {forces.council.length === 0 ? (
            <Paragraph className="aantafel-meta">{t('forces.noneKnown')}</Paragraph>
          ) : (
            forces.council.map((group) => (
              <div key={group.party || '(none)'} className="aantafel-forces__party">
                <Heading4>
                  {group.party || t('forces.unknownParty')}
                  {group.seats !== null ? (
                    <span className="aantafel-meta">
                      {' '}
                      ({t(group.seats === 1 ? 'forces.seatOne' : 'forces.seats', { count: formatNumber(group.seats) })})
                    </span>
                  ) : null}
                </Heading4>
                <MemberList members={group.members} empty={t('forces.noneKnownParty')} />
              </div>
            ))
          )}
        </div>
      ) : null}
      {isMunicipality || forces.civilService.length > 0 ? (
        <div className="aantafel-forces__group">
          <Heading3>{t('forces.civilService')}</Heading3>
          {forces.civilService.length === 0 ? (
            <Paragraph className="aantafel-meta">{t('forces.noneKnown')}</Paragraph>
          ) : (
            forces.civilService.map((group) => (
              <div key={group.domain || '(none)'} className="aantafel-forces__party">
                <Heading4>{group.domain || t('forces.noDomain')}</Heading4>
                <MemberList members={group.members} empty={t('forces.noneKnown')} />
              </div>
            ))
          )}
        </div>
      ) : null}
      {forces.other.length > 0 ? (
        <div className="aantafel-forces__group">
          <Heading3>{t('forces.other')}</Heading3>
          <MemberList members={forces.other} empty={t('forces.noneKnown')} />
        </div>
      ) : null}
    </div>
  );
}

function MemberList({
  members,
  empty,
  showPortfolios,
}: {
  members: readonly ForceMember[];
  empty: string;
  showPortfolios?: boolean;
}) {
  const { t } = useI18n();
  if (members.length === 0) return <Paragraph className="aantafel-meta">{empty}</Paragraph>;
  return (
    <ul className="aantafel-forces__list">
      {members.map(({ person, position, assessment, quadrant }) => {
        const role = position.title.trim() || t(positionKindLabel(position.kind));
        return (
          <li key={`${person.id}-${position.id}`} className="aantafel-forces__member">
            <PersonLink person={person} />
            <span className="aantafel-meta"> · {role}</span>
            {showPortfolios && position.portfolios.length > 0 ? (
              <span> · {t('position.portfoliosList', { list: position.portfolios.join(', ') })}</span>
            ) : null}
            <br />
            {assessment ? (
              <span className={`aantafel-attitude aantafel-attitude--${assessment.attitude > 0 ? 'for' : assessment.attitude < 0 ? 'against' : 'neutral'}`}>
                {t('forces.attitude', {
                  attitude: `${t(attitudeLabel(assessment.attitude))} (${signed(assessment.attitude)})`,
                })}
                {quadrant ? ` · ${t(quadrantLabel(quadrant))}` : ''}
              </span>
            ) : (
              <span className="aantafel-meta">{t('people.notAssessed')}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
