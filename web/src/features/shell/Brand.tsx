import { useI18n } from '../../i18n/I18nProvider';

/** The product name with a small table mark; the mark is decoration. */
export function Brand() {
  const { t } = useI18n();
  return (
    <>
      <svg
        className="aantafel-brand__mark"
        viewBox="0 0 32 32"
        width="32"
        height="32"
        aria-hidden="true"
        focusable="false"
      >
        <rect width="32" height="32" rx="6" fill="#1f5f6b" />
        <rect x="6" y="14" width="20" height="4" rx="1" fill="#fff" />
        <rect x="9" y="18" width="3" height="8" fill="#fff" />
        <rect x="20" y="18" width="3" height="8" fill="#fff" />
        <circle cx="11" cy="9" r="3" fill="#f2c14e" />
        <circle cx="21" cy="9" r="3" fill="#f2c14e" />
      </svg>
      <span className="aantafel-brand__name">{t('app.name')}</span>
      <span className="aantafel-visually-hidden"> – {t('shell.home')}</span>
    </>
  );
}
