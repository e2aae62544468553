import { useEffect, useState } from 'react';
import { NARROW_QUERY } from './useNavDrawer';

/**
 * Whether the window is as narrow as a phone (below 48em, where the main menu folds behind the
 * "Menu" button); false where matchMedia is missing (tests without a layout).
 */
export function useNarrowScreen(): boolean {
  const supported = typeof window !== 'undefined' && typeof window.matchMedia === 'function';
  const [narrow, setNarrow] = useState(() => supported && window.matchMedia(NARROW_QUERY).matches);
  useEffect(() => {
    if (!supported) return;
    const list = window.matchMedia(NARROW_QUERY);
    const update = () => setNarrow(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [supported]);
  return narrow;
}
