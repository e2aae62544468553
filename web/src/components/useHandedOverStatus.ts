import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** The message handed over by navigate(…, { state: { status } }). */
export function useHandedOverStatus(): string {
  const location = useLocation();
  return (location.state as { status?: string } | null)?.status ?? '';
}

/**
 * The handed-over message, kept for the life of the page. The history entry forgets it, so a
 * reload does not say "opgeslagen" again.
 */
export function useKeptHandedOverStatus(): string {
  const location = useLocation();
  const navigate = useNavigate();
  const handedOver = useHandedOverStatus();
  const [status] = useState(handedOver);
  useEffect(() => {
    if (handedOver) navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, [handedOver, location.pathname, location.search, navigate]);
  return status;
}
