/**
 * Helpers of "Mijn account" and of the pages reached from an e-mail. Their requests are the
 * generated functions of api/generated/account.ts (tag "account"), imported by these lazy pages.
 * Secrets from a link (invitation, password reset) travel in the request body, never in the address.
 */

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
