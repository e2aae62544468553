/**
 * The audit log's request. It lives with the page (not in api/client.ts), so the first bundle
 * does not grow (same choice as features/municipality/api.ts).
 */
import { apiPath, request, withQuery } from '../../api/client';
import type { AuditLogPage } from '../../api/types';

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
