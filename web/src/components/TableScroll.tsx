import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * The box around a table that may be wider than the screen (a phone): the table scrolls sideways
 * inside it, not the page. While it does, the box is a named region in the Tab order, so it can
 * be scrolled with the arrow keys too (WCAG 2.1.1); when the table fits, it is a plain box and no
 * extra Tab stop. The region is named by `label` (the table's caption as text) or by
 * `labelledBy` (the id of the element that holds the caption, e.g. the <caption> itself).
 */
export function TableScroll({
  label,
  labelledBy,
  className,
  children,
}: {
  label?: string;
  labelledBy?: string;
  /** More classes on the box, e.g. for a table that stacks into cards on a phone. */
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const check = () => setScrolls(box.scrollWidth > box.clientWidth + 1);
    const observer = new ResizeObserver(check);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    check();
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className={className ? `aantafel-table-scroll ${className}` : 'aantafel-table-scroll'}
      role={scrolls ? 'region' : undefined}
      aria-label={scrolls && !labelledBy ? label : undefined}
      aria-labelledby={scrolls && labelledBy ? labelledBy : undefined}
      tabIndex={scrolls ? 0 : undefined}
    >
      {children}
    </div>
  );
}
