/**
 * Links mailed from the app (a scan respondent's link, a client's personal survey link): whether
 * this server can send mail at all (`mail` in GET /api/v1/session), the reminder choices and a
 * plain check of an e-mail address. Used by the scans and feedback areas.
 */
import { useState } from 'react';
import type { LinkMailLanguage, LinkMailStatus } from '../../api/types';
import { useSession } from '../../features/auth/session';

/** The reminder choices offered, in days after the mail. */
export const REMIND_CHOICES: readonly number[] = [3, 5, 7, 14];

/** The server's bounds for a reminder (RemindAfterDays in api/openapi.yaml). */
export const REMIND_MAX = 60;

export const MAIL_LANGUAGES: readonly LinkMailLanguage[] = ['nl', 'en'];

/** Whether this server can send e-mail (an SMTP relay is set up); false when signed out. */
export function mailAvailable(session: { mail?: boolean } | null | undefined): boolean {
  return session?.mail === true;
}

export function useMailAvailable(): boolean {
  const { state } = useSession();
  return mailAvailable(state.status === 'authenticated' ? state.session : null);
}

/**
 * The mail choices of a form that makes links (the mail's language and one reminder): `fields`
 * for LinkMailFields, and `mail`, what the request asks for: null when this server sends no mail.
 */
export function useLinkMailChoices(validDays: number | null) {
  const mailOn = useMailAvailable();
  const [language, setLanguage] = useState<LinkMailLanguage>('nl');
  const [remind, setRemind] = useState('');
  return {
    mailOn,
    fields: { language, onLanguage: setLanguage, remind, onRemind: setRemind, validDays },
    mail: mailOn ? { language, remindAfterDays: effectiveRemind(remind, validDays) } : null,
  };
}

/**
 * The reminder choices that come before the link stops working: only days smaller than
 * `validDays`. While the validity is not a valid number yet, every choice is offered.
 */
export function remindChoices(validDays: number | null): number[] {
  return REMIND_CHOICES.filter((days) => days <= REMIND_MAX && (validDays === null || days < validDays));
}

/**
 * The reminder that will be asked for: the chosen number of days when it is still on offer for
 * this validity, else none (the select then shows "Geen herinnering").
 */
export function effectiveRemind(chosen: string, validDays: number | null): number | null {
  const days = Number(chosen);
  if (!chosen || !Number.isInteger(days)) return null;
  return remindChoices(validDays).includes(days) ? days : null;
}

/** A whole number from a text field within [min, max], or null. */
export function wholeNumber(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= min && n <= max ? n : null;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

/** Whether `text` looks like one e-mail address (the server checks it again). */
export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text.trim());
}

/** Which lines describe a mailed link: sent, then the reminder planned or sent. */
export function mailStatusParts(mail: LinkMailStatus | null | undefined): {
  sent: string;
  remindAt: string | null;
  remindedAt: string | null;
} | null {
  if (!mail) return null;
  return {
    sent: mail.sent_at,
    remindedAt: mail.reminded_at,
    remindAt: mail.reminded_at ? null : mail.remind_at,
  };
}
