import { useCallback, useEffect, useRef, useState } from 'react';
import { Paragraph } from '@utrecht/component-library-react';
import { Check, CircleAlert, Clock, Info, RefreshCw, type LucideIcon } from 'lucide-react';
import { Icon } from '../../components/Icon';
import { useCanEdit, useWorkspace } from '../shell/workspaceContext';
import type { Line, Tone } from './council';
import { useCouncilText } from './texts';
import './council.css';

/** Whether the current person may change data here: one rule for the workspace (viewers only look). */
export { useCanEdit };

/** Base path of this area: /w/{slug}/council. */
export function useCouncilBase(): string {
  const { workspace } = useWorkspace();
  return `/w/${encodeURIComponent(workspace.slug)}/council`;
}

/** Decoration beside a line of state (the words carry the meaning, never the icon or colour). */
const ICON: Record<Tone, LucideIcon> = {
  ok: Check,
  busy: RefreshCw,
  wait: Clock,
  problem: CircleAlert,
  info: Info,
};

/** Sentences about a council's state, each with a small icon for its tone. */
export function LineList({ lines, className }: { lines: readonly Line[]; className?: string }) {
  if (lines.length === 0) return null;
  return (
    <ul className={className ? `aantafel-council__lines ${className}` : 'aantafel-council__lines'}>
      {lines.map((line, index) => (
        <li key={index} className={`aantafel-council__line aantafel-council__line--${line.tone}`}>
          <Icon icon={ICON[line.tone]} className="aantafel-council__line-icon" strokeWidth={2.25} />
          <span>{line.text}</span>
        </li>
      ))}
    </ul>
  );
}

export const OPEN_BESLUITVORMING_URL = 'https://openbesluitvorming.nl';

/** Where the data comes from and that it is not an official publication (on every Raad page). */
export function SourceNote() {
  const ct = useCouncilText();
  return (
    <Paragraph className="aantafel-note aantafel-source aantafel-council__source">
      {ct('source.text')}{' '}
      <a className="utrecht-link" href={OPEN_BESLUITVORMING_URL} rel="noopener noreferrer">
        {ct('source.link')}
      </a>
    </Paragraph>
  );
}

/**
 * Focus for what a change draws anew (a council that moved to the other list, a name decided, a
 * topic saved): `focusWhenShown(id)` focuses the element with that id as soon as it is on the page.
 */
export function useFocusWhenShown(): (id: string) => void {
  const pending = useRef<string | null>(null);
  const [, ask] = useState(0);
  // After every render: the element may come with any of the page's data.
  useEffect(() => {
    const target = pending.current ? document.getElementById(pending.current) : null;
    if (target) {
      target.focus();
      pending.current = null;
    }
  });
  return useCallback((id: string) => {
    pending.current = id;
    ask((n) => n + 1);
  }, []);
}

/** The id a URL's hash names ("#motion-12" → "motion-12"); "" when there is none or it is not valid. */
export function hashId(hash: string): string {
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return '';
  }
}

/**
 * Focuses and shows the element with this id, two frames from now: later than the route's own
 * focus on the h1 (RouteFocus), so it is not taken back. `onFound` runs when the element was there.
 * Returns the cancel, for an effect's clean-up.
 */
export function focusAfterRoute(id: string, onFound?: () => void): () => void {
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => {
      const element = document.getElementById(id);
      if (!element) return;
      element.focus({ preventScroll: true });
      element.scrollIntoView?.({ block: 'start' });
      onFound?.();
    });
  });
  return () => cancelAnimationFrame(frame);
}
