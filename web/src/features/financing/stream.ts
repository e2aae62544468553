/**
 * The streamed simulation: the generated simulateFinancing with `accept: 'text/event-stream'`
 * hands back the response, read here event by event. It lives with the feature, so the first
 * bundle does not carry it.
 */
import { ApiError, apiErrorFromBody } from '../../api/client';
import { simulateFinancing } from '../../api/generated/financing';
import { readSse } from '../../api/sse';
import type { FinancingScenario, FinancingSummary } from '../../api/types';
import { currentLanguage, translate } from '../../i18n/i18n';

/** Progress of a streamed simulation. */
export interface FinancingProgress {
  runs_done: number;
  runs: number;
}

const aborted = () => new DOMException('The simulation was stopped.', 'AbortError');

/**
 * Runs a simulation as a Server-Sent-Events stream: calls `onProgress` for each `progress` event
 * and resolves with the `summary`. An `error` event or a non-2xx answer rejects with an
 * `ApiError`; aborting `signal` closes the connection, which stops the computation on the server
 * (the promise then rejects with an AbortError). A server that answers plain JSON is fine too.
 */
export async function streamFinancingSimulation(
  slug: string,
  scenario: FinancingScenario,
  onProgress: (progress: FinancingProgress) => void,
  signal?: AbortSignal,
): Promise<FinancingSummary> {
  const response = await simulateFinancing({ slug }, scenario, { signal, accept: 'text/event-stream' });
  const invalid = () =>
    new ApiError(response.status, 'invalid_response', translate(currentLanguage(), 'errors.invalidResponse'));
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('text/event-stream') || !response.body) {
    try {
      return (await response.json()) as FinancingSummary;
    } catch {
      throw invalid();
    }
  }
  try {
    for await (const event of readSse(response.body, signal)) {
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        throw invalid();
      }
      if (event.event === 'progress') {
        const p = data as Partial<FinancingProgress>;
        if (typeof p.runs_done === 'number' && typeof p.runs === 'number') onProgress({ runs_done: p.runs_done, runs: p.runs });
      } else if (event.event === 'summary') {
        return data as FinancingSummary;
      } else if (event.event === 'error') {
        // The stream had already said 200; the problem is the same as a 422 answer would carry.
        throw apiErrorFromBody(422, data) ?? invalid();
      }
    }
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    if (signal?.aborted || (cause instanceof DOMException && cause.name === 'AbortError')) throw aborted();
    throw new ApiError(0, 'network_error', translate(currentLanguage(), 'errors.network'));
  }
  // The stream ended without a summary.
  if (signal?.aborted) throw aborted();
  throw invalid();
}
