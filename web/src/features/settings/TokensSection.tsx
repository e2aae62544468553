import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { ApiToken, CreatedApiToken } from '../../api/types';
import { createToken, listTokens, revokeToken } from '../../api/generated/tokens';
import { CreateByLabelForm } from '../../components/secret/CreateByLabelForm';
import { SecretShownOnce } from '../../components/secret/SecretShownOnce';
import { SecretTable } from '../../components/secret/SecretTable';
import { useSecretList } from '../../components/secret/useSecretList';
import { StatusMessage } from '../../components/StatusMessage';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { useCurrentSession } from '../auth/session';
import { useWorkspace } from '../shell/workspaceContext';

/**
 * API tokens for scripts and integrations. Owners see and revoke every token of the workspace;
 * editors make tokens and revoke their own; viewers only see their own.
 */
export function TokensSection() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const { user } = useCurrentSession();
  const slug = workspace.slug;
  const canCreate = workspace.role === 'owner' || workspace.role === 'editor';
  const canRevoke = (token: ApiToken) =>
    workspace.role === 'owner' || (workspace.role === 'editor' && token.user.id === user.id);
  const tokens = useApiData(`tokens:${slug}`, (signal) => listTokens({ slug }, { signal }));
  const list = useSecretList<ApiToken, CreatedApiToken>({
    reload: tokens.reload,
    revoke: (token) => revokeToken({ slug, token_id: token.id }),
    revokedMessage: (token) => t('tokens.revoked', { label: token.label }),
  });

  return (
    <section aria-labelledby="tokens-heading" className="aantafel-section">
      <Heading2 id="tokens-heading" ref={list.headingRef} tabIndex={-1}>
        {t('tokens.title')}
      </Heading2>
      <Paragraph>{t('tokens.intro')}</Paragraph>
      <StatusMessage>{list.status}</StatusMessage>
      {list.created ? <NewToken token={list.created} onDone={list.done} /> : null}
      <SecretTable
        secrets={tokens}
        list={list}
        caption={t('tokens.tableCaption', { workspace: workspace.name })}
        columns={{ label: t('tokens.label'), createdAt: t('tokens.createdAt') }}
        more={[{ label: t('tokens.createdBy'), cell: (token) => token.user.name }]}
        actions={t('common.actions')}
        canRevoke={canRevoke}
        texts={{
          none: t('tokens.none'),
          revoke: t('tokens.revoke'),
          forLabel: (label) => t('tokens.forLabel', { label }),
          noActions: t('tokens.noActions'),
          revokeTitle: (label) => t('tokens.revokeTitle', { label }),
          revokeConfirm: t('tokens.revokeConfirm'),
          revoking: t('tokens.revoking'),
          revokeBody: t('tokens.revokeBody'),
        }}
      />
      {canCreate ? (
        <CreateByLabelForm
          headingId="create-token-heading"
          heading={<Heading3 id="create-token-heading">{t('tokens.createTitle')}</Heading3>}
          fieldId="create-token-label"
          name="label"
          label={t('tokens.label')}
          description={t('tokens.labelHint')}
          labelRef={list.labelRef}
          texts={{ required: t('tokens.labelRequired'), submit: t('tokens.create'), busy: t('tokens.creating') }}
          create={(label) => createToken({ slug }, { label })}
          onCreated={list.onCreated}
        />
      ) : (
        <Paragraph>{t('tokens.viewerCannotCreate')}</Paragraph>
      )}
    </section>
  );
}

/** The new secret, shown once, with a copy button and a clear warning. */
function NewToken({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <SecretShownOnce
      headingId="new-token-heading"
      headingLevel={3}
      heading={t('tokens.newTitle', { label: token.label })}
      intro={<Paragraph>{t('tokens.newWarning')}</Paragraph>}
      fieldId="new-token-secret"
      fieldLabel={t('tokens.secretLabel')}
      secret={token.token}
      texts={{
        copy: t('tokens.copy'),
        copied: t('tokens.copied'),
        copyManually: t('tokens.copyManually'),
        done: t('tokens.done'),
      }}
      onDone={onDone}
    />
  );
}
