import { Link } from 'react-router';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { Check } from 'lucide-react';
import { listPlans } from '../../api/generated/calendar';
import { listSurveys } from '../../api/generated/feedback';
import { listOrganisations, listPeople } from '../../api/generated/whoiswho';
import { Icon } from '../../components/Icon';
import { useApiData } from '../../components/useApiData';
import { ONBOARDING_STEPS, appLink, doneSteps } from './overview';
import { useOverviewText } from './texts';

/** Counts that tell which first steps are done: four small requests, in parallel. */
async function loadCounts(slug: string, signal: AbortSignal) {
  const [organisations, people, plans, surveys] = await Promise.all([
    listOrganisations({ slug }, { signal }),
    listPeople({ slug }, { limit: 1 }, { signal }),
    listPlans({ slug }, { signal }),
    listSurveys({ slug }, { signal }),
  ]);
  return doneSteps({
    municipalities: organisations.items.filter((o) => o.kind === 'municipality').length,
    people: people.items.length,
    plans: plans.items.length,
    surveys: surveys.items.length,
  });
}

/** "Eerste stappen" for an empty workspace: four links, each with one sentence and a tick when done. */
export function Onboarding({ slug }: { slug: string }) {
  const ot = useOverviewText();
  // When a count cannot be loaded, the steps are shown without ticks: they still help.
  const { data: done } = useApiData(`onboarding:${slug}`, (signal) => loadCounts(slug, signal));
  return (
    <section aria-labelledby="onboarding-heading" className="aantafel-onboarding">
      <Heading2 id="onboarding-heading">{ot('onboarding.title')}</Heading2>
      <Paragraph>{ot('onboarding.intro')}</Paragraph>
      <ol className="aantafel-onboarding__list">
        {ONBOARDING_STEPS.map(({ step, link }) => {
          const isDone = done?.[step] ?? false;
          return (
            <li key={step} className={isDone ? 'aantafel-onboarding__step aantafel-onboarding__step--done' : 'aantafel-onboarding__step'}>
              <span className="aantafel-onboarding__mark" aria-hidden="true">
                {isDone ? <Icon icon={Check} strokeWidth={3} /> : null}
              </span>
              <div>
                <p className="aantafel-onboarding__title">
                  <Link to={appLink(slug, link)} className="utrecht-link utrecht-link--html-a">
                    {ot(`onboarding.${step}`)}
                  </Link>
                  <span className="aantafel-onboarding__state">
                    {' '}
                    ({isDone ? ot('onboarding.done') : ot('onboarding.todo')})
                  </span>
                </p>
                <p className="aantafel-onboarding__body">{ot(`onboarding.${step}.body`)}</p>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
