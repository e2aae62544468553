import type { Role, WorkspaceKind } from '../../api/types';
import type { MessageKey } from '../../i18n/i18n';

const ROLE_LABELS: Record<Role, MessageKey> = {
  owner: 'role.owner',
  editor: 'role.editor',
  viewer: 'role.viewer',
};

const KIND_LABELS: Record<WorkspaceKind, MessageKey> = {
  care_provider: 'kind.care_provider',
  welfare_organisation: 'kind.welfare_organisation',
  care_cooperative: 'kind.care_cooperative',
  housing_corporation: 'kind.housing_corporation',
  municipality: 'kind.municipality',
  consortium: 'kind.consortium',
  other: 'kind.other',
};

export function roleLabel(role: Role): MessageKey {
  return ROLE_LABELS[role];
}

/** Unknown kinds (a newer server) fall back to "other". */
export function kindLabel(kind: string): MessageKey {
  return KIND_LABELS[kind as WorkspaceKind] ?? 'kind.other';
}
