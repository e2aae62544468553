import { Link } from 'react-router';
import { Paragraph } from '@utrecht/component-library-react';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n/I18nProvider';
import { LogoutButton } from './LogoutButton';
import { PublicLayout } from './PublicLayout';

/** For someone who is signed in but not (yet) a member of any workspace. */
export function NoWorkspacePage() {
  const { t } = useI18n();
  return (
    <PublicLayout>
      <PageHeading title={t('noWorkspace.title')} />
      <Paragraph>{t('noWorkspace.body')}</Paragraph>
      <Paragraph>
        <Link to="/account" className="utrecht-link utrecht-link--html-a">
          {t('userMenu.account')}
        </Link>
      </Paragraph>
      <LogoutButton />
    </PublicLayout>
  );
}
