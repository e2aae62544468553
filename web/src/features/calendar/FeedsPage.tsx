import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { CalendarFeed, CreatedCalendarFeed } from '../../api/types';
import { createCalendarFeed, listCalendarFeeds, revokeCalendarFeed } from '../../api/generated/calendar';
import { PageHeading } from '../../components/PageHeading';
import { CreateByLabelForm } from '../../components/secret/CreateByLabelForm';
import { SecretShownOnce } from '../../components/secret/SecretShownOnce';
import { SecretTable } from '../../components/secret/SecretTable';
import { useSecretList } from '../../components/secret/useSecretList';
import { LocalLinkWarning } from '../../components/publicAddress/LocalLinkWarning';
import { usePublicBaseUrl } from '../../components/publicAddress/publicAddress';
import { StatusMessage } from '../../components/StatusMessage';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import { feedUrls } from './calendar';
import { CalendarNav, useCanEdit } from './common';

/** Secret iCal addresses: the plans' windows and the municipalities' cycle in your own calendar app. */
export function FeedsPage() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const canEdit = useCanEdit();
  const feeds = useApiData(`feeds:${slug}`, (signal) => listCalendarFeeds({ slug }, { signal }));
  const list = useSecretList<CalendarFeed, CreatedCalendarFeed>({
    reload: feeds.reload,
    revoke: (feed) => revokeCalendarFeed({ slug, feed_id: feed.id }),
    revokedMessage: (feed) => t('feeds.revoked', { label: feed.label }),
  });

  return (
    <>
      <PageHeading title={t('feeds.title')} />
      <CalendarNav />
      <Paragraph>{t('feeds.intro')}</Paragraph>
      <StatusMessage>{list.status}</StatusMessage>
      {list.created ? <NewFeed feed={list.created} onDone={list.done} /> : null}
      <section className="aantafel-section" aria-labelledby="feeds-heading">
        <Heading2 id="feeds-heading" ref={list.headingRef} tabIndex={-1}>
          {t('feeds.listTitle')}
        </Heading2>
        <SecretTable
          secrets={feeds}
          list={list}
          caption={t('feeds.caption')}
          columns={{ label: t('feeds.label'), createdAt: t('feeds.createdAt') }}
          actions={canEdit && t('common.actions')}
          canRevoke={() => canEdit}
          texts={{
            none: t('feeds.none'),
            revoke: t('feeds.revoke'),
            forLabel: (label) => t('feeds.forLabel', { label }),
            revokeTitle: (label) => t('feeds.revokeTitle', { label }),
            revokeConfirm: t('feeds.revokeConfirm'),
            revoking: t('feeds.revoking'),
            revokeBody: t('feeds.revokeBody'),
          }}
        />
      </section>
      {canEdit ? (
        <CreateByLabelForm
          headingId="create-feed-heading"
          heading={
            <>
              <Heading2 id="create-feed-heading">{t('feeds.createTitle')}</Heading2>
              <Paragraph>{t('feeds.createIntro')}</Paragraph>
            </>
          }
          fieldId="create-feed-label"
          label={t('feeds.label')}
          description={t('feeds.labelHint')}
          labelRef={list.labelRef}
          texts={{ required: t('feeds.labelRequired'), submit: t('feeds.create'), busy: t('feeds.creating') }}
          create={(label) => createCalendarFeed({ slug }, { label })}
          onCreated={list.onCreated}
        />
      ) : (
        <Paragraph>{t('feeds.viewerCannotCreate')}</Paragraph>
      )}
    </>
  );
}

/** The new address, shown once, with a copy button and how to subscribe. */
function NewFeed({ feed, onDone }: { feed: CreatedCalendarFeed; onDone: () => void }) {
  const { t } = useI18n();
  const { url, webcal } = feedUrls(usePublicBaseUrl(), feed.path);
  return (
    <SecretShownOnce
      headingId="new-feed-heading"
      headingLevel={2}
      heading={t('feeds.newTitle', { label: feed.label })}
      intro={
        <>
          <Paragraph>{t('feeds.newWarning')}</Paragraph>
          <LocalLinkWarning />
        </>
      }
      fieldId="new-feed-url"
      fieldLabel={t('feeds.urlLabel')}
      secret={url}
      texts={{
        copy: t('feeds.copy'),
        copied: t('feeds.copied'),
        copyManually: t('feeds.copyManually'),
        done: t('feeds.done'),
      }}
      actions={
        <a href={webcal} className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action">
          {t('feeds.openInApp')}
        </a>
      }
      onDone={onDone}
    >
      <Heading3>{t('feeds.howTitle')}</Heading3>
      <ul className="aantafel-plain-list">
        <li>{t('feeds.howOutlook')}</li>
        <li>{t('feeds.howGoogle')}</li>
        <li>{t('feeds.howApple')}</li>
      </ul>
      <Paragraph className="aantafel-meta">{t('feeds.howRefresh')}</Paragraph>
    </SecretShownOnce>
  );
}
