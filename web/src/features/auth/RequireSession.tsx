import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './session';
import { Loading } from '../../components/Loading';
import { ErrorPage } from '../../components/ErrorBoundary';
import { PublicLayout } from '../shell/PublicLayout';

/** Renders its children only when signed in; otherwise sends the person to the login page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state, refresh } = useSession();
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <PublicLayout busy>
        <Loading />
      </PublicLayout>
    );
  }
  if (state.status === 'error') {
    return (
      <PublicLayout>
        <ErrorPage error={state.error} onRetry={() => void refresh()} />
      </PublicLayout>
    );
  }
  if (state.status === 'anonymous') {
    return (
      <Navigate
        to="/login"
        replace
        state={{
          from: state.reason === 'logged_out' ? undefined : location.pathname + location.search,
          reason: state.reason,
        }}
      />
    );
  }
  return <>{children}</>;
}
