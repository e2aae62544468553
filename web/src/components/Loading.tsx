import { useI18n } from '../i18n/I18nProvider';

/** A short "Loading…" text inside a live region; the container sets aria-busy. */
export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p role="status" className="aantafel-loading">
      {label ?? t('common.loading')}
    </p>
  );
}
