import type { LucideIcon } from 'lucide-react';

/**
 * A small SVG icon from lucide-react (imported one by one, so the build keeps only the icons in
 * use). Emoji and symbol characters are not used as icons: a stock Chromium on Debian has no
 * colour emoji font and shows empty boxes for them.
 *
 * Without `label` the icon is decoration (aria-hidden): the words beside it carry the meaning.
 * With `label` it is an image with that text alternative, for an icon that stands on its own.
 * The size follows the text (see .aantafel-icon in app.css).
 */
export function Icon({
  icon: Svg,
  label,
  className,
  strokeWidth,
}: {
  icon: LucideIcon;
  label?: string;
  className?: string;
  strokeWidth?: number;
}) {
  const cls = className ? `aantafel-icon ${className}` : 'aantafel-icon';
  return label ? (
    <Svg role="img" aria-label={label} focusable="false" className={cls} strokeWidth={strokeWidth} />
  ) : (
    <Svg aria-hidden="true" focusable="false" className={cls} strokeWidth={strokeWidth} />
  );
}
