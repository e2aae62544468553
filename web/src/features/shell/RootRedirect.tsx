import { Navigate } from 'react-router';
import { useCurrentSession } from '../auth/session';
import { homePath } from '../auth/LoginPage';

/** "/" goes to the first workspace (or the no-workspace page). */
export function RootRedirect() {
  const session = useCurrentSession();
  return <Navigate to={homePath(session)} replace />;
}
