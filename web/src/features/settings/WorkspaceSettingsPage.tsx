import { Paragraph } from '@utrecht/component-library-react';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import { MembersSection } from './MembersSection';
import { TokensSection } from './TokensSection';
import { roleLabel } from './labels';

/** Workspace settings: members and roles, API tokens. */
export function WorkspaceSettingsPage() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  return (
    <>
      <PageHeading title={t('settings.title')} />
      <Paragraph>
        {t('settings.intro', { workspace: workspace.name, role: t(roleLabel(workspace.role)) })}
      </Paragraph>
      <MembersSection />
      <TokensSection />
    </>
  );
}
