import { useEffect } from 'react';
import {
  DataList,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { getOverview } from '../../api/generated/overview';
import { Fact } from '../../components/Fact';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { useCurrentSession } from '../auth/session';
import { kindLabel, roleLabel } from '../settings/labels';
import { useCanEdit, useWorkspace } from '../shell/workspaceContext';
import { ActNowList } from './ActNowList';
import { KeyFigures } from './KeyFigures';
import { Onboarding } from './Onboarding';
import { isEmptyOverview } from './overview';
import { useOverviewText } from './texts';
import './overview.css';

/**
 * The workspace home page "Overzicht": what to do now (from every module) and the key figures.
 * A new, empty workspace gets "Eerste stappen" instead.
 */
export function OverviewPage() {
  const { t } = useI18n();
  const ot = useOverviewText();
  const { user } = useCurrentSession();
  const { workspace } = useWorkspace();
  const canEdit = useCanEdit();
  const slug = workspace.slug;
  const { data, error, loading, reload } = useApiData(`overview:${slug}`, (signal) => getOverview({ slug }, { signal }));

  useEffect(() => {
    // Read by the e2e run to measure time to first render of the overview.
    performance.mark('aantafel:overview-rendered');
  }, []);

  return (
    <>
      <PageHeading title={t('overview.title')} />
      <Paragraph>{t('overview.welcome', { name: user.name })}</Paragraph>
      <div aria-busy={loading && !data ? true : undefined}>
        {data ? (
          isEmptyOverview(data) ? (
            <Onboarding slug={slug} />
          ) : (
            <div className="aantafel-overview">
              {/* The key remounts the list after a reload, so hidden-state never outlives its data. */}
              <ActNowList
                key={data.today}
                slug={slug}
                today={data.today}
                items={data.items}
                canClose={canEdit}
                onChanged={() => void reload()}
              />
              <KeyFigures slug={slug} figures={data.figures} />
            </div>
          )
        ) : error && !loading ? (
          <ErrorAlert error={error} />
        ) : (
          <Loading />
        )}
      </div>
      <section aria-labelledby="overview-workspace">
        <Heading2 id="overview-workspace">{ot('workspace.title')}</Heading2>
        <DataList className="aantafel-facts">
          <Fact label={ot('workspace.name')}>{workspace.name}</Fact>
          <Fact label={ot('workspace.kind')}>{t(kindLabel(workspace.kind))}</Fact>
          <Fact label={ot('workspace.role')}>{t(roleLabel(workspace.role))}</Fact>
        </DataList>
      </section>
    </>
  );
}
