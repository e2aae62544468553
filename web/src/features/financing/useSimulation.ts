import { useCallback, useEffect, useRef, useState } from 'react';
import { streamFinancingSimulation, type FinancingProgress } from './stream';
import type { FinancingScenario, FinancingSummary } from '../../api/types';

export type SimulationState =
  | { status: 'idle' }
  | { status: 'running'; progress: FinancingProgress | null }
  | { status: 'done'; summary: FinancingSummary; scenario: FinancingScenario }
  | { status: 'stopped' }
  | { status: 'failed'; error: unknown };

/**
 * Runs a streamed simulation: progress while it runs, the summary at the end. `stop` aborts the
 * request (the server then stops computing); leaving the page does the same. Progress updates
 * are state changes of a few per second, so the page stays responsive.
 */
export function useSimulation(slug: string) {
  const [state, setState] = useState<SimulationState>({ status: 'idle' });
  const [last, setLast] = useState<{ summary: FinancingSummary; scenario: FinancingScenario } | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(
    async (scenario: FinancingScenario): Promise<void> => {
      controller.current?.abort();
      const own = new AbortController();
      controller.current = own;
      setState({ status: 'running', progress: null });
      try {
        const summary = await streamFinancingSimulation(
          slug,
          scenario,
          (progress) => {
            if (!own.signal.aborted) setState({ status: 'running', progress });
          },
          own.signal,
        );
        if (own.signal.aborted) return;
        setState({ status: 'done', summary, scenario });
        setLast({ summary, scenario });
      } catch (error) {
        if (own.signal.aborted || (error instanceof DOMException && error.name === 'AbortError')) {
          if (controller.current === own) setState({ status: 'stopped' });
          return;
        }
        setState({ status: 'failed', error });
      } finally {
        if (controller.current === own) controller.current = null;
      }
    },
    [slug],
  );

  const stop = useCallback(() => {
    controller.current?.abort();
  }, []);

  return { state, last, run, stop };
}
