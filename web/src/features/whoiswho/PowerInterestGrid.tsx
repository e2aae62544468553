import { Link } from 'react-router';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import type { PersonSummary } from '../../api/types';
import { Chart } from '../../components/Chart';
import { useI18n } from '../../i18n/I18nProvider';
import { usePeopleBase } from './common';
import { AXIS_MAX, AXIS_MIN, gridSeries, quadrantAreas } from './grid';
import { attitudeLabel, quadrantLabel, signed } from './labels';

/**
 * Mendelow's power/interest grid of the people with a current position at one organisation,
 * drawn with <Chart> (which also offers the data as a table).
 */
export function PowerInterestGrid({
  people,
  organisationName,
}: {
  people: readonly PersonSummary[];
  organisationName: string;
}) {
  const { t } = useI18n();
  const base = usePeopleBase();
  const { series, unassessed } = gridSeries(people, {
    group: (group) => t(`grid.group.${group}`),
    quadrant: (quadrant) => t(quadrantLabel(quadrant)),
    attitude: (attitude) => `${t(attitudeLabel(attitude))} (${signed(attitude)})`,
  });
  const areas = quadrantAreas((quadrant) => t(quadrantLabel(quadrant)));

  return (
    <section className="aantafel-section" aria-labelledby="grid-heading">
      <Heading2 id="grid-heading">{t('grid.title')}</Heading2>
      <Paragraph>{t('grid.intro')}</Paragraph>
      <Chart
        kind="scatter"
        title={t('grid.chartTitle', { organisation: organisationName })}
        description={t('grid.chartDescription')}
        pointLabel={t('grid.person')}
        xAxis={{ label: t('assessment.interest'), min: AXIS_MIN, max: AXIS_MAX }}
        yAxis={{ label: t('assessment.power'), min: AXIS_MIN, max: AXIS_MAX }}
        series={series}
        areas={areas}
        detailLabels={[t('assessment.attitude'), t('assessment.quadrant')]}
        emptyText={t('grid.empty')}
      />
      {unassessed.length > 0 ? (
        <>
          <Paragraph>{t('grid.unassessed', { count: unassessed.length })}</Paragraph>
          <ul className="aantafel-inline-list">
            {unassessed.map((person) => (
              <li key={person.id}>
                <Link to={`${base}/${person.id}`} className="utrecht-link utrecht-link--html-a">
                  {person.name}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
