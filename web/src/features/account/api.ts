/**
 * The requests of "Mijn account" and of the pages reached from an e-mail. They live with these
 * lazy pages (not in api/client.ts), so the first bundle does not grow (as features/settings/api.ts).
 * Secrets from a link (invitation, password reset) travel in the request body, never in the address.
 */
import { apiPath, request } from '../../api/client';
import type {
  AccountChange,
  DigestFrequency,
  InvitationDetails,
  NotificationSettings,
  PasswordChange,
  PasswordResetRequested,
  Session,
  SessionInfoList,
  SignInList,
  User,
} from '../../api/types';

export const accountApi = {
  getAccount: (signal?: AbortSignal) => request<User>('GET', apiPath('/api/v1/account'), { signal }),
  updateAccount: (change: AccountChange) =>
    request<User>('PATCH', apiPath('/api/v1/account'), { body: change satisfies AccountChange }),
  changePassword: (change: PasswordChange) =>
    request<void>('POST', apiPath('/api/v1/account/password'), { body: change satisfies PasswordChange }),
  listSessions: (signal?: AbortSignal) =>
    request<SessionInfoList>('GET', apiPath('/api/v1/account/sessions'), { signal }),
  endSession: (id: string) =>
    request<void>('DELETE', apiPath('/api/v1/account/sessions/{session_id}', { session_id: id })),
  endOtherSessions: () =>
    request<{ ended: number }>('POST', apiPath('/api/v1/account/sessions/end-others')),
  listSignIns: (signal?: AbortSignal) =>
    request<SignInList>('GET', apiPath('/api/v1/account/sign-ins'), { signal }),

  getDigest: (slug: string, signal?: AbortSignal) =>
    request<NotificationSettings>('GET', apiPath('/api/v1/workspaces/{slug}/notification-settings', { slug }), {
      signal,
    }),
  setDigest: (slug: string, digest: DigestFrequency) =>
    request<NotificationSettings>('PUT', apiPath('/api/v1/workspaces/{slug}/notification-settings', { slug }), {
      body: { digest } satisfies NotificationSettings,
    }),

  requestPasswordReset: (email: string) =>
    request<PasswordResetRequested>('POST', apiPath('/api/v1/password-reset'), { body: { email } }),
  completePasswordReset: (token: string, password: string) =>
    request<Session>('POST', apiPath('/api/v1/password-reset/complete'), { body: { token, password } }),

  lookUpInvitation: (token: string, signal?: AbortSignal) =>
    request<InvitationDetails>('POST', apiPath('/api/v1/invitations/lookup'), { body: { token }, signal }),
  acceptInvitation: (token: string, password: string, name?: string) =>
    request<Session>('POST', apiPath('/api/v1/invitations/accept'), {
      body: name === undefined ? { token, password } : { token, name, password },
    }),
};

/** The secret after "#" in the page's address (links in e-mails put it there, out of server logs). */
export function tokenFromHash(hash: string): string {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
}

/** Characters as a person counts them (not UTF-16 units), for the "at least 10" rule. */
export function characterCount(text: string): number {
  return [...text].length;
}

/** The shortest password the server accepts (PasswordChange.new_password minLength). */
export const MIN_PASSWORD_LENGTH = 10;
