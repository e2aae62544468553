import { useEffect } from 'react';
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { useCurrentSession } from '../auth/session';
import { kindLabel, roleLabel } from '../settings/labels';
import { useWorkspace } from '../shell/workspaceContext';
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
  const slug = workspace.slug;
  const { data, error, loading, reload } = useApiData(`overview:${slug}`, (signal) => api.getOverview(slug, signal));

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
                canClose={workspace.role !== 'viewer'}
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
          <DataListItem>
            <DataListKey>{ot('workspace.name')}</DataListKey>
            <DataListValue>{workspace.name}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{ot('workspace.kind')}</DataListKey>
            <DataListValue>{t(kindLabel(workspace.kind))}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{ot('workspace.role')}</DataListKey>
            <DataListValue>{t(roleLabel(workspace.role))}</DataListValue>
          </DataListItem>
        </DataList>
      </section>
    </>
  );
}
