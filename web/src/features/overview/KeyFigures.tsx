import { Link } from 'react-router';
import { Heading2 } from '@utrecht/component-library-react';
import { ArrowDown, ArrowRight, ArrowUp } from 'lucide-react';
import { Icon } from '../../components/Icon';
import type { OverviewFigures } from '../../api/types';
import { appLink, npsState, npsTrend, signed } from './overview';
import { useOverviewText } from './texts';

/** Decoration beside the trend in words. */
const ARROW = { up: ArrowUp, down: ArrowDown, same: ArrowRight } as const;

/** The key figures, each in words and with a link to where it comes from. */
export function KeyFigures({ slug, figures }: { slug: string; figures: OverviewFigures }) {
  const ot = useOverviewText();
  const nps = npsState(figures.nps_last_30_days);
  const trend = npsTrend(figures.nps_last_30_days, figures.nps_previous_30_days);
  const before = figures.nps_previous_30_days?.nps;
  return (
    <section aria-labelledby="figures-heading" className="aantafel-figures">
      <Heading2 id="figures-heading">{ot('figures.title')}</Heading2>
      <ul className="aantafel-figures__list">
        <li className="aantafel-figures__card">
          <h3 className="aantafel-figures__name">{ot('figures.nps')}</h3>
          {nps.kind === 'score' ? (
            <>
              <p className="aantafel-figures__value">{signed(nps.nps)}</p>
              <p className="aantafel-figures__detail" data-testid="nps-plain">
                {ot('figures.npsPlain', { promoters: nps.promoters, detractors: nps.detractors })}
              </p>
              <p className="aantafel-figures__detail">
                {nps.low !== null && nps.high !== null
                  ? ot('figures.npsRange', { n: nps.n, low: signed(nps.low), high: signed(nps.high) })
                  : ot('figures.npsAnswers', { n: nps.n })}
              </p>
              <p className="aantafel-figures__detail" data-testid="nps-trend">
                {trend && before !== null && before !== undefined ? (
                  <>
                    <Icon icon={ARROW[trend.direction]} className="aantafel-figures__arrow" />{' '}
                    {trend.direction === 'same'
                      ? ot('figures.trendSame', { before: signed(before) })
                      : ot(trend.direction === 'up' ? 'figures.trendUp' : 'figures.trendDown', {
                          delta: signed(trend.delta),
                          before: signed(before),
                        })}
                  </>
                ) : (
                  ot('figures.trendNone')
                )}
              </p>
            </>
          ) : (
            <p className="aantafel-figures__detail">
              {nps.kind === 'few' ? ot('figures.npsFew', { n: nps.n }) : ot('figures.npsNone')}
            </p>
          )}
          <Link to={appLink(slug, 'feedback')} className="utrecht-link utrecht-link--html-a">
            {ot('figures.npsLink')}
          </Link>
        </li>
        <li className="aantafel-figures__card">
          <h3 className="aantafel-figures__name">{ot('figures.callbacks')}</h3>
          <p className="aantafel-figures__value">{figures.open_callbacks}</p>
          <p className="aantafel-figures__detail">
            {ot('figures.callbacksValue', { open: figures.open_callbacks, overdue: figures.overdue_callbacks })}
          </p>
          <Link to={appLink(slug, 'feedback')} className="utrecht-link utrecht-link--html-a">
            {ot('figures.callbacksLink')}
          </Link>
        </li>
        <li className="aantafel-figures__card">
          <h3 className="aantafel-figures__name">{ot('figures.agreements')}</h3>
          <p className="aantafel-figures__value">{figures.open_agreements}</p>
          <p className="aantafel-figures__detail">
            {ot('figures.agreementsValue', { open: figures.open_agreements, overdue: figures.overdue_agreements })}
          </p>
          <Link to={appLink(slug, 'interactions/agreements')} className="utrecht-link utrecht-link--html-a">
            {ot('figures.agreementsLink')}
          </Link>
        </li>
        <li className="aantafel-figures__card">
          <h3 className="aantafel-figures__name">{ot('figures.cycle')}</h3>
          <p className="aantafel-figures__value">{figures.cycle_events_next_30_days}</p>
          <p className="aantafel-figures__detail">
            {ot('figures.cycleValue', { count: figures.cycle_events_next_30_days })}
          </p>
          <Link to={appLink(slug, 'policy-calendar')} className="utrecht-link utrecht-link--html-a">
            {ot('figures.cycleLink')}
          </Link>
        </li>
      </ul>
    </section>
  );
}
