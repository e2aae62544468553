import {
  Button,
  Heading2,
  Heading3,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ApiToken, CreatedApiToken } from '../../api/types';
import { createToken, listTokens, revokeToken } from '../../api/generated/tokens';
import { DataTable } from '../../components/DataTable';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { CreateByLabelForm } from '../../components/secret/CreateByLabelForm';
import { SecretShownOnce } from '../../components/secret/SecretShownOnce';
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
  const { t, formatDateTime } = useI18n();
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

  const items = tokens.data?.items ?? [];

  return (
    <section aria-labelledby="tokens-heading" className="aantafel-section">
      <Heading2 id="tokens-heading" ref={list.headingRef} tabIndex={-1}>
        {t('tokens.title')}
      </Heading2>
      <Paragraph>{t('tokens.intro')}</Paragraph>
      <StatusMessage>{list.status}</StatusMessage>
      {tokens.error ? <ErrorAlert error={tokens.error} /> : null}
      {list.created ? <NewToken token={list.created} onDone={list.done} /> : null}
      <div aria-busy={tokens.loading || undefined}>
        {tokens.loading && !tokens.data ? <Loading /> : null}
        {tokens.data && items.length === 0 ? <Paragraph>{t('tokens.none')}</Paragraph> : null}
        {tokens.data && items.length > 0 ? (
          <DataTable
            caption={t('tokens.tableCaption', { workspace: workspace.name })}
            captionHidden
            columns={[t('tokens.label'), t('tokens.createdAt'), t('tokens.createdBy'), t('common.actions')]}
          >
            {items.map((token) => (
              <TableRow key={token.id}>
                <TableHeaderCell scope="row">{token.label}</TableHeaderCell>
                <TableCell>
                  <time dateTime={token.created_at}>{formatDateTime(token.created_at)}</time>
                </TableCell>
                <TableCell>{token.user.name}</TableCell>
                <TableCell>
                  {canRevoke(token) ? (
                    <Button
                      type="button"
                      appearance="subtle-button"
                      hint="danger"
                      onClick={() => list.setRevoking(token)}
                    >
                      {t('tokens.revoke')}
                      <span className="aantafel-visually-hidden">
                        {' '}
                        {t('tokens.forLabel', { label: token.label })}
                      </span>
                    </Button>
                  ) : (
                    <span className="aantafel-meta">{t('tokens.noActions')}</span>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </DataTable>
        ) : null}
      </div>
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
      <ConfirmDialog
        open={list.revoking !== null}
        title={t('tokens.revokeTitle', { label: list.revoking?.label ?? '' })}
        confirmLabel={t('tokens.revokeConfirm')}
        busyLabel={t('tokens.revoking')}
        onCancel={() => list.setRevoking(null)}
        onConfirm={list.confirmRevoke}
      >
        {t('tokens.revokeBody')}
      </ConfirmDialog>
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
