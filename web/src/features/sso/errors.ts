import type { SsoKey } from './texts';

/**
 * The reasons the server names in `/login?sso_error=<reason>` (src/http/handlers/sso_handlers.cpp),
 * grouped by what the person can do about them. Anything else in the address is treated as
 * "refused" and never shown: the page does not repeat text from its address.
 */
const GROUPS = {
  domain: ['domain_not_allowed'],
  otherAddress: ['invitation_other_address'],
  invitation: ['link_expired'],
  retry: ['wrong_state', 'no_login_in_progress', 'login_took_too_long'],
  mfa: ['mfa_required'],
  account: ['email_not_verified', 'no_email', 'groups_overage'],
  unavailable: ['provider_unavailable'],
  provider: ['provider_error'],
  technical: [
    'token_refused',
    'signature',
    'wrong_issuer',
    'wrong_audience',
    'wrong_nonce',
    'token_expired',
    'token_not_yet_valid',
    'no_subject',
    'refused',
  ],
} as const;

export type SsoErrorGroup = keyof typeof GROUPS;

export interface SsoProblem {
  group: SsoErrorGroup;
  /** What happened. */
  what: SsoKey;
  /** What to do now. */
  todo: SsoKey;
  /** The reason, for the administrator (only for problems the person cannot solve alone). */
  code: string | null;
}

/** Groups whose explanation shows the reason as a code to pass on. */
const SHOW_CODE: ReadonlySet<SsoErrorGroup> = new Set(['account', 'provider', 'technical']);

const GROUP_OF = new Map<string, SsoErrorGroup>(
  (Object.entries(GROUPS) as [SsoErrorGroup, readonly string[]][]).flatMap(([group, reasons]) =>
    reasons.map((reason) => [reason, group] as const),
  ),
);

/** The explanation of `?sso_error=`; null when the address has none. */
export function ssoProblem(reason: string | null): SsoProblem | null {
  if (reason === null) return null;
  const known = GROUP_OF.get(reason);
  const group = known ?? 'technical';
  return {
    group,
    what: `error.${group}`,
    todo: `error.${group}Todo`,
    // Only a reason from the list above is ever shown.
    code: SHOW_CODE.has(group) ? (known ? reason : 'refused') : null,
  };
}
