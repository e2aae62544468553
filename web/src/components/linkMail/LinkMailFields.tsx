import { Paragraph } from '@utrecht/component-library-react';
import { Check } from 'lucide-react';
import type { LinkMailLanguage, LinkMailStatus } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { Icon } from '../Icon';
import { RadioGroupField } from '../RadioGroupField';
import { SelectField } from '../SelectField';
import { effectiveRemind, MAIL_LANGUAGES, mailStatusParts, remindChoices } from './linkMail';
import { useLinkMailText } from './texts';
import './linkMail.css';

/**
 * The two choices for mailed links: the language of the mail and one reminder. The reminder
 * offers only days before the link stops working (`validDays`); a choice that no longer fits
 * shows, and is sent, as "Geen herinnering".
 */
export function LinkMailFields({
  idPrefix,
  language,
  onLanguage,
  remind,
  onRemind,
  validDays,
  errors = {},
}: {
  idPrefix: string;
  language: LinkMailLanguage;
  onLanguage: (language: LinkMailLanguage) => void;
  /** The chosen number of days as text, '' for none. */
  remind: string;
  onRemind: (remind: string) => void;
  validDays: number | null;
  errors?: { language?: string | undefined; remind?: string | undefined };
}) {
  const mt = useLinkMailText();
  const shown = effectiveRemind(remind, validDays);
  return (
    <div className="aantafel-link-mail">
      <RadioGroupField
        legend={mt('language.legend')}
        name={`${idPrefix}-language`}
        description={mt('language.hint')}
        inline
        options={MAIL_LANGUAGES.map((value) => ({ value, label: mt(`language.${value}`), lang: value }))}
        value={language}
        error={errors.language}
        onChange={(value) => onLanguage(value as LinkMailLanguage)}
      />
      <SelectField
        id={`${idPrefix}-remind`}
        label={mt('remind.label')}
        description={mt('remind.hint')}
        options={[
          { value: '', label: mt('remind.none') },
          ...remindChoices(validDays).map((days) => ({ value: String(days), label: mt('remind.after', { days }) })),
        ]}
        value={shown === null ? '' : String(shown)}
        error={errors.remind}
        onChange={(event) => onRemind(event.target.value)}
      />
    </div>
  );
}

/** The one sentence shown instead of the e-mail choices when this server cannot send mail. */
export function MailNotConfigured() {
  const mt = useLinkMailText();
  return <Paragraph className="aantafel-link-mail__off">{mt('notConfigured')}</Paragraph>;
}

/** "Gemaild op 6 dec", then "Herinnering op 13 dec" or "Herinnerd op 13 dec"; nothing without mail. */
export function MailStatusText({ mail }: { mail: LinkMailStatus | null | undefined }) {
  const mt = useLinkMailText();
  const { formatShortDate } = useI18n();
  const parts = mailStatusParts(mail);
  if (!parts) return null;
  return (
    <span className="aantafel-link-mail-status">
      <span className="aantafel-link-mail-status__line">{mt('status.sent', { date: formatShortDate(parts.sent) })}</span>
      {parts.remindedAt ? (
        <span className="aantafel-link-mail-status__line">
          {mt('status.reminded', { date: formatShortDate(parts.remindedAt) })}
        </span>
      ) : parts.remindAt ? (
        <span className="aantafel-link-mail-status__line">
          {mt('status.remindAt', { date: formatShortDate(parts.remindAt) })}
        </span>
      ) : null}
    </span>
  );
}

/** In a list of new links: the link went out by mail, nothing to copy. */
export function MailedNote() {
  const mt = useLinkMailText();
  return (
    <span className="aantafel-badge aantafel-badge--ok aantafel-link-mail__sent">
      <Icon icon={Check} strokeWidth={3} /> {mt('link.mailed')}
    </span>
  );
}

/** Under a link whose mail could not be sent. */
export function MailFailedNote() {
  const mt = useLinkMailText();
  return <span className="aantafel-link-mail__failed">{mt('link.mailFailed')}</span>;
}
