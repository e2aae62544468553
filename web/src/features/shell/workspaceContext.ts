import { createContext, useContext } from 'react';
import type { Workspace } from '../../api/types';

export interface WorkspaceContextValue {
  workspace: Workspace;
  reload: () => Promise<void>;
}

export const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

/** The workspace of the current /w/{slug} page, with the caller's role. */
export function useWorkspace(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace needs a WorkspaceLayout');
  return value;
}

/** Whether the current person may change data in this workspace (viewers only look). */
export function useCanEdit(): boolean {
  const { workspace } = useWorkspace();
  return workspace.role !== 'viewer';
}
