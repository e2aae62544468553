import { Link, useSearchParams } from 'react-router';
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  Heading2,
  Heading3,
  Heading4,
  Paragraph,
} from '@utrecht/component-library-react';
import type { Advice, AdviceReason, RankedStrategy } from '../../api/types';
import { getAdvice } from '../../api/generated/advisor';
import { listPlans } from '../../api/generated/calendar';
import { Fact } from '../../components/Fact';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/i18n';
import { useCanEdit, useWorkspace } from '../shell/workspaceContext';
import {
  adviceRequestBody,
  answersFromQuery,
  ASSETS,
  assetLabel,
  GOALS,
  goalLabel,
  isComplete,
  LEVELS,
  levelLabel,
  PHASES,
  phaseHint,
  phaseLabel,
  queryString,
  reasonSign,
  scoreText,
  SIZES,
  sizeLabel,
  type AdvisorAnswers,
} from './advisor';
import { AdvisorNav, SourceLine, useAdvisorBase } from './common';
import { SaveAdviceSection } from './SaveAdviceSection';

/** The advice for the answers in the URL query: ranked strategies with reasons, phase plan, extra advice. */
export function AdviceResultPage() {
  const { t } = useI18n();
  const base = useAdvisorBase();
  const [searchParams] = useSearchParams();
  const answers = answersFromQuery(searchParams);
  const complete = isComplete(answers);
  return (
    <>
      <PageHeading title={t('advisor.result.title')} />
      <AdvisorNav />
      {complete ? (
        <AdviceView answers={answers} />
      ) : (
        <Alert type="warning">
          <Paragraph>{t('advisor.result.incomplete')}</Paragraph>
          <Paragraph>
            <Link to={`${base}${queryString(answers)}`} className="utrecht-link utrecht-link--html-a">
              {t('advisor.result.toQuestions')}
            </Link>
          </Paragraph>
        </Alert>
      )}
    </>
  );
}

function AdviceView({ answers }: { answers: AdvisorAnswers }) {
  const { t, language } = useI18n();
  const { workspace } = useWorkspace();
  const canEdit = useCanEdit();
  const base = useAdvisorBase();
  const query = queryString(answers);
  const advice = useApiData(`advice:${workspace.slug}:${language}:${query}`, (signal) =>
    getAdvice({ slug: workspace.slug }, adviceRequestBody(answers), { signal }),
  );
  const plans = useApiData(`plans:${workspace.slug}:${answers.planId}`, (signal) =>
    answers.planId ? listPlans({ slug: workspace.slug }, { signal }) : Promise.resolve({ items: [] }),
  );
  const planTitle = plans.data?.items.find((plan) => String(plan.id) === answers.planId)?.title;

  return (
    <>
      <Paragraph>{t('advisor.result.intro')}</Paragraph>
      <div className="aantafel-no-print">
        <ButtonGroup aria-label={t('advisor.result.actions')}>
          <Button type="button" appearance="secondary-action-button" onClick={() => window.print()}>
            {t('advisor.result.print')}
          </Button>
          <Link to={`${base}${query}`} className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--subtle">
            {t('advisor.result.edit')}
          </Link>
        </ButtonGroup>
      </div>
      {advice.error ? <ErrorAlert error={advice.error} /> : null}
      {advice.data ? (
        <>
          <AdviceContent advice={advice.data} planTitle={planTitle} />
          {canEdit ? <SaveAdviceSection answers={answers} /> : null}
        </>
      ) : advice.error ? null : (
        <Loading />
      )}
    </>
  );
}

function label<T extends string>(values: readonly T[], value: string, key: (v: T) => MessageKey, t: (k: MessageKey) => string) {
  return (values as readonly string[]).includes(value) ? t(key(value as T)) : value;
}

function AdviceContent({ advice, planTitle }: { advice: Advice; planTitle: string | undefined }) {
  const { t } = useI18n();
  const { situation } = advice;
  const assets = situation.assets.map((asset) => label(ASSETS, asset, assetLabel, t));
  return (
    <>
      <section className="aantafel-section" aria-labelledby="advice-situation">
        <Heading2 id="advice-situation">{t('advisor.result.situation')}</Heading2>
        <DataList className="aantafel-facts">
          <Fact label={t('advisor.result.size')}>{label(SIZES, situation.size, sizeLabel, t)}</Fact>
          {advice.plan_id !== null ? (
            <Fact label={t('advisor.result.plan')}>
              {planTitle ?? t('advisor.result.planValue', { id: advice.plan_id })}
            </Fact>
          ) : null}
          <Fact label={t('advisor.result.phase')}>{label(PHASES, situation.phase, phaseLabel, t)}</Fact>
          <Fact label={t('advisor.result.level')}>{label(LEVELS, situation.level, levelLabel, t)}</Fact>
          <Fact label={t('advisor.result.goal')}>{label(GOALS, situation.goal, goalLabel, t)}</Fact>
          <Fact label={t('advisor.result.assets')}>
            {assets.length > 0 ? assets.join(', ') : t('advisor.result.noAssets')}
          </Fact>
        </DataList>
      </section>

      <section className="aantafel-section" aria-labelledby="advice-ranked">
        <Heading2 id="advice-ranked">{t('advisor.result.ranked')}</Heading2>
        <ol className="aantafel-advice-list">
          {advice.ranked.map((item, index) => (
            <RankedItem key={item.strategy.id} item={item} rank={index + 1} />
          ))}
        </ol>
      </section>

      <section className="aantafel-section" aria-labelledby="advice-phase-plan">
        <Heading2 id="advice-phase-plan">{t('advisor.result.phasePlan')}</Heading2>
        <Paragraph>{t('advisor.result.phasePlanIntro')}</Paragraph>
        <ol className="aantafel-phase-plan">
          {advice.phase_plan.map((entry) => (
            <li key={entry.phase} className="aantafel-card">
              <Heading3>
                {t(phaseLabel(entry.phase))}
                {entry.phase === situation.phase ? (
                  <span className="aantafel-badge aantafel-badge--ok"> {t('advisor.result.currentPhase')}</span>
                ) : null}
              </Heading3>
              <Paragraph>{t(phaseHint(entry.phase))}</Paragraph>
              <ul>
                {entry.strategies.map((strategy) => (
                  <li key={strategy.id}>
                    {strategy.name}{' '}
                    <span className="aantafel-meta">({t('advisor.result.strategyNumber', { number: strategy.number })})</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>

      {advice.extra_advice.length > 0 ? (
        <section className="aantafel-section" aria-labelledby="advice-extra">
          <Heading2 id="advice-extra">{t('advisor.result.extra')}</Heading2>
          <ul className="aantafel-plain-list">
            {advice.extra_advice.map((extra) => (
              <li key={extra.id} className="aantafel-card">
                <Paragraph>{extra.text}</Paragraph>
                <SourceLine source={extra.source} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function RankedItem({ item, rank }: { item: RankedStrategy; rank: number }) {
  const { t } = useI18n();
  const { strategy } = item;
  const headingId = `advice-strategy-${strategy.id}`;
  return (
    <li className="aantafel-card aantafel-advice">
      <Heading3 id={headingId}>{t('advisor.result.rankName', { rank, name: strategy.name })}</Heading3>
      <p className="aantafel-meta">
        {t('advisor.result.strategyNumber', { number: strategy.number })} ·{' '}
        {t('advisor.result.score', { score: scoreText(item.score) })}
      </p>
      <Paragraph>{strategy.meaning}</Paragraph>
      <Heading4>{t('advisor.result.why')}</Heading4>
      {item.reasons.length > 0 ? (
        <ul className="aantafel-reasons">
          {item.reasons.map((reason) => (
            <ReasonItem key={reason.id} reason={reason} />
          ))}
        </ul>
      ) : (
        <Paragraph>{t('advisor.result.noReasons')}</Paragraph>
      )}
      <DataList className="aantafel-facts">
        <Fact label={t('advisor.result.advantage')}>{strategy.advantage}</Fact>
        <Fact label={t('advisor.result.disadvantage')}>{strategy.disadvantage}</Fact>
      </DataList>
      {strategy.tips.length > 0 ? (
        <>
          <Heading4>{t('advisor.result.nextSteps')}</Heading4>
          <ul>
            {strategy.tips.map((tip) => (
              <li key={tip}>{tip}</li>
            ))}
          </ul>
        </>
      ) : null}
      {strategy.small_provider ? (
        <div className="aantafel-note">
          <Heading4>{t('advisor.result.smallProvider')}</Heading4>
          <Paragraph>{strategy.small_provider}</Paragraph>
        </div>
      ) : null}
      <SourceLine source={strategy.source} />
    </li>
  );
}

/** One reason: "+3" or "−2" (read out as words), the reason, and its source's title. */
export function ReasonItem({ reason }: { reason: AdviceReason }) {
  const { t } = useI18n();
  const sign = reasonSign(reason.weight);
  return (
    <li className={reason.weight < 0 ? 'aantafel-reason aantafel-reason--lowers' : 'aantafel-reason aantafel-reason--raises'}>
      <span className="aantafel-reason__sign" aria-hidden="true">
        {sign.symbol}
      </span>{' '}
      <span className="aantafel-visually-hidden">{t(sign.key, sign.vars)} </span>
      <span>{reason.reason}</span>{' '}
      {reason.source?.title ? (
        <span className="aantafel-meta">({t('advisor.source', { title: reason.source.title })})</span>
      ) : null}
    </li>
  );
}
