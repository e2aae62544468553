import { useEffect } from 'react';
import { Link } from 'react-router';
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n/I18nProvider';
import { useCurrentSession } from '../auth/session';
import { kindLabel, roleLabel } from '../settings/labels';
import { useWorkspace } from '../shell/workspaceContext';

/** The workspace home page. Shows only real data: the workspace and the person's role. */
export function OverviewPage() {
  const { t } = useI18n();
  const { user } = useCurrentSession();
  const { workspace } = useWorkspace();

  useEffect(() => {
    // Read by the e2e run to measure time to first render of the overview.
    performance.mark('aantafel:overview-rendered');
  }, []);

  const base = `/w/${encodeURIComponent(workspace.slug)}`;
  return (
    <>
      <PageHeading title={t('overview.title')} />
      <Paragraph>{t('overview.welcome', { name: user.name })}</Paragraph>
      <section aria-labelledby="overview-workspace">
        <Heading2 id="overview-workspace">{t('overview.workspaceHeading')}</Heading2>
        <DataList className="aantafel-facts">
          <DataListItem>
            <DataListKey>{t('overview.workspaceName')}</DataListKey>
            <DataListValue>{workspace.name}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t('overview.workspaceKind')}</DataListKey>
            <DataListValue>{t(kindLabel(workspace.kind))}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t('overview.yourRole')}</DataListKey>
            <DataListValue>{t(roleLabel(workspace.role))}</DataListValue>
          </DataListItem>
        </DataList>
      </section>
      <section aria-labelledby="overview-next">
        <Heading2 id="overview-next">{t('overview.nextHeading')}</Heading2>
        <Paragraph>{t('overview.nextBody')}</Paragraph>
        <Paragraph>
          <Link to={`${base}/settings`} className="utrecht-link utrecht-link--html-a">
            {t('overview.settingsLink')}
          </Link>
        </Paragraph>
      </section>
    </>
  );
}
