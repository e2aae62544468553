/**
 * The audit log's page size. The settings pages call the generated functions of
 * api/generated/workspaces.ts and api/generated/members.ts (listAuditLog, the invitations).
 */

/** Entries per page (the API allows 1–200). */
export const AUDIT_PAGE_SIZE = 50;
