import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import {
  Button,
  Heading2,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { ROLES, type Member, type Role } from '../../api/types';
import { changeMemberRole, listMembers, removeMember } from '../../api/generated/members';
import { DataTable, StackLabel } from '../../components/DataTable';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { RowActionButton } from '../../components/RowActionButton';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { useCurrentSession, useSession } from '../auth/session';
import { useWorkspace } from '../shell/workspaceContext';
import { Invitations } from './Invitations';
import { roleLabel } from './labels';

/**
 * Members and their roles. Owners invite colleagues (and see the open invitations), change roles
 * and remove members; others see the list.
 */
export function MembersSection() {
  const { t } = useI18n();
  const { workspace, reload: reloadWorkspace } = useWorkspace();
  const { user } = useCurrentSession();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const slug = workspace.slug;
  const isOwner = workspace.role === 'owner';
  const members = useApiData(`members:${slug}`, (signal) => listMembers({ slug }, { signal }));
  const [status, setStatus] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  const [drafts, setDrafts] = useState<Record<number, Role>>({});
  const [savingId, setSavingId] = useState<number | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const roleOptions = ROLES.map((role) => ({ value: role, label: t(roleLabel(role)) }));

  async function changeRole(event: FormEvent<HTMLFormElement>, member: Member) {
    event.preventDefault();
    const role = drafts[member.user.id] ?? member.role;
    if (savingId !== null) return;
    setActionError(null);
    setStatus('');
    if (role === member.role) {
      setStatus(t('members.roleUnchanged', { name: member.user.name }));
      return;
    }
    setSavingId(member.user.id);
    try {
      await changeMemberRole({ slug, user_id: member.user.id }, { role });
      await members.reload();
      setStatus(t('members.roleChanged', { name: member.user.name, role: t(roleLabel(role)) }));
      if (member.user.id === user.id) await reloadWorkspace();
    } catch (error) {
      setActionError(error);
    } finally {
      setSavingId(null);
    }
  }

  async function remove(member: Member) {
    await removeMember({ slug, user_id: member.user.id });
    setRemoving(null);
    if (member.user.id === user.id) {
      await refresh();
      navigate('/', { replace: true });
      return;
    }
    await members.reload();
    setStatus(t('members.removed', { name: member.user.name }));
    headingRef.current?.focus();
  }

  const items = members.data?.items ?? [];

  return (
    <section aria-labelledby="members-heading" className="aantafel-section">
      <Heading2 id="members-heading" ref={headingRef} tabIndex={-1}>
        {t('members.title')}
      </Heading2>
      <Paragraph>{isOwner ? t('members.introOwner') : t('members.introReadOnly')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      {actionError ? <ErrorAlert error={actionError} /> : null}
      {members.error ? <ErrorAlert error={members.error} /> : null}
      <div aria-busy={members.loading || undefined}>
        {members.loading && !members.data ? <Loading /> : null}
        {members.data ? (
          <DataTable
            caption={t('members.tableCaption', { workspace: workspace.name })}
            captionHidden
            stack
            columns={[t('members.name'), t('members.email'), t('members.role'), isOwner && t('common.actions')]}
          >
            {items.map((member) => (
              <TableRow key={member.user.id}>
                <TableHeaderCell scope="row">
                  {member.user.name}
                  {member.user.id === user.id ? (
                    <span className="aantafel-meta"> ({t('members.you')})</span>
                  ) : null}
                </TableHeaderCell>
                <TableCell>
                  <StackLabel>{t('members.email')}</StackLabel>
                  {member.user.email}
                </TableCell>
                <TableCell>
                  <StackLabel>{t('members.role')}</StackLabel>
                  {isOwner ? (
                    <form
                      className="aantafel-inline-form"
                      onSubmit={(event) => void changeRole(event, member)}
                    >
                      <SelectField
                        hideLabel
                        label={t('members.roleOf', { name: member.user.name })}
                        options={roleOptions}
                        value={drafts[member.user.id] ?? member.role}
                        onChange={(event) => {
                          setActionError(null);
                          setDrafts((d) => ({
                            ...d,
                            [member.user.id]: event.target.value as Role,
                          }));
                        }}
                      />
                      <Button
                        type="submit"
                        appearance="secondary-action-button"
                        busy={savingId === member.user.id}
                      >
                        {savingId === member.user.id
                          ? t('members.savingRole')
                          : t('members.saveRole')}
                        <span className="aantafel-visually-hidden">
                          {' '}
                          {t('members.forName', { name: member.user.name })}
                        </span>
                      </Button>
                    </form>
                  ) : (
                    t(roleLabel(member.role))
                  )}
                </TableCell>
                {isOwner ? (
                  <TableCell>
                    <RowActionButton
                      danger
                      onClick={() => {
                        setActionError(null);
                        setRemoving(member);
                      }}
                      target={t('members.forName', { name: member.user.name })}
                    >
                      {t('members.remove')}
                    </RowActionButton>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </DataTable>
        ) : null}
      </div>
      {isOwner ? <Invitations /> : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('members.removeTitle', { name: removing?.user.name ?? '' })}
        confirmLabel={t('members.removeConfirm')}
        busyLabel={t('members.removing')}
        onCancel={() => setRemoving(null)}
        onConfirm={() => (removing ? remove(removing) : undefined)}
      >
        {removing?.user.id === user.id
          ? t('members.removeSelfBody', { workspace: workspace.name })
          : t('members.removeBody', { name: removing?.user.name ?? '', workspace: workspace.name })}
      </ConfirmDialog>
    </section>
  );
}
