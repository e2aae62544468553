import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import { MembersSection } from './MembersSection';
import { SsoSection } from './SsoSection';
import { TokensSection } from './TokensSection';
import { roleLabel } from './labels';
import { useSettingsText } from './texts';

/**
 * Workspace settings: members and roles, (owners only) single sign-on, API tokens, and (owners
 * only) the audit log.
 */
export function WorkspaceSettingsPage() {
  const { t } = useI18n();
  const st = useSettingsText();
  const { workspace } = useWorkspace();
  return (
    <>
      <PageHeading title={t('settings.title')} />
      <Paragraph>
        {t('settings.intro', { workspace: workspace.name, role: t(roleLabel(workspace.role)) })}
      </Paragraph>
      <MembersSection />
      {workspace.role === 'owner' ? <SsoSection /> : null}
      <TokensSection />
      {workspace.role === 'owner' ? (
        <section aria-labelledby="audit-log-heading" className="aantafel-section">
          <Heading2 id="audit-log-heading">{st('title')}</Heading2>
          <Paragraph>{st('linkIntro')}</Paragraph>
          <Paragraph>
            <Link
              to={`/w/${encodeURIComponent(workspace.slug)}/settings/audit-log`}
              className="utrecht-link utrecht-link--html-a"
            >
              {st('link')}
            </Link>
          </Paragraph>
        </section>
      ) : null}
    </>
  );
}
