/**
 * The audit log's request and the invitations of colleagues. They live with the settings pages
 * (not in api/client.ts), so the first bundle does not grow (same choice as
 * features/municipality/api.ts).
 */
import { apiPath, request, withQuery } from '../../api/client';
import type { AuditLogPage, InvitationList, InvitationRequest, InvitationSent } from '../../api/types';

/** Entries per page (the API allows 1–200). */
export const AUDIT_PAGE_SIZE = 50;

/** GET …/audit-log (operationId listAuditLog): newest first; `before` gives the older page. */
export function listAuditLog(slug: string, before: number | null, signal?: AbortSignal) {
  return request<AuditLogPage>(
    'GET',
    withQuery(apiPath('/api/v1/workspaces/{slug}/audit-log', { slug }), {
      limit: AUDIT_PAGE_SIZE,
      before: before ?? undefined,
    }),
    { signal },
  );
}

/** Invitations of colleagues by e-mail (owners): list, invite, send again, withdraw. */
export const invitationsApi = {
  list: (slug: string, signal?: AbortSignal) =>
    request<InvitationList>('GET', apiPath('/api/v1/workspaces/{slug}/invitations', { slug }), { signal }),
  invite: (slug: string, invitation: InvitationRequest) =>
    request<InvitationSent>('POST', apiPath('/api/v1/workspaces/{slug}/invitations', { slug }), {
      body: invitation satisfies InvitationRequest,
    }),
  resend: (slug: string, id: number) =>
    request<InvitationSent>(
      'POST',
      apiPath('/api/v1/workspaces/{slug}/invitations/{invitation_id}/resend', { slug, invitation_id: id }),
    ),
  withdraw: (slug: string, id: number) =>
    request<void>(
      'DELETE',
      apiPath('/api/v1/workspaces/{slug}/invitations/{invitation_id}', { slug, invitation_id: id }),
    ),
};
