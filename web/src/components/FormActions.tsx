import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useI18n } from '../i18n/I18nProvider';

/**
 * A form's last row: the primary submit button (busy while the form is sent, with `busyLabel`
 * as its text if given) and "Annuleren": a link back to `cancelTo`, or a button for `onCancel`
 * (a form opened in place). `children` come after them (another action, such as "delete").
 */
export function FormActions({
  busy,
  submitLabel,
  busyLabel,
  cancelTo,
  onCancel,
  cancelAppearance = 'subtle-button',
  children,
}: {
  busy: boolean;
  submitLabel: string;
  busyLabel?: string | undefined;
  cancelTo?: string | undefined;
  onCancel?: (() => void) | undefined;
  cancelAppearance?: 'subtle-button' | 'secondary-action-button';
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <ButtonGroup>
      <Button type="submit" appearance="primary-action-button" busy={busy}>
        {busy && busyLabel ? busyLabel : submitLabel}
      </Button>
      {onCancel ? (
        <Button type="button" appearance={cancelAppearance} onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      ) : (
        <Link
          to={cancelTo ?? '..'}
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--subtle"
        >
          {t('common.cancel')}
        </Link>
      )}
      {children}
    </ButtonGroup>
  );
}
