import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, setCsrfToken } from '../../api/client';
import { errorBody, problem } from '../../test/answer';
import { streamFinancingSimulation } from './stream';
import { FIXTURE, SUMMARY } from './testdata';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe('streamFinancingSimulation', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  it('posts with Accept: text/event-stream and the CSRF token, reports progress, returns the summary', async () => {
    setCsrfToken('csrf-1');
    const fetchMock = vi.fn<typeof fetch>(async () =>
      new Response(
        streamOf([
          'event: progress\ndata: {"runs_done":500,"runs":2000}\n\n',
          'event: progress\ndata: {"runs_done":1500,"runs":2000}\n\nevent: summ',
          `ary\ndata: ${JSON.stringify(SUMMARY)}\n\n`,
        ]),
        { status: 200, headers: { 'Content-Type': 'text/event-stream' } },
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const progress: number[] = [];
    const summary = await streamFinancingSimulation('demo', FIXTURE, (p) => progress.push(p.runs_done));
    expect(progress).toEqual([500, 1500]);
    expect(summary.variants.map((v) => v.name)).toEqual(['PxQ', 'Combinatie']);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/workspaces/demo/financing/simulations');
    const headers = init?.headers as Record<string, string>;
    expect(headers.Accept).toBe('text/event-stream');
    expect(headers['X-CSRF-Token']).toBe('csrf-1');
    expect(JSON.parse(String(init?.body))).toEqual(FIXTURE);
  });

  it('turns an error event into an ApiError with the field paths', async () => {
    const body = errorBody('invalid_input', 'Controleer de invoer.', { 'variants[1].price_per_unit': 'Ongeldig.' });
    vi.stubGlobal('fetch', vi.fn<typeof fetch>(async () =>
      new Response(streamOf([`event: error\ndata: ${JSON.stringify(body)}\n\n`]), {
        status: 200,
        headers: { 'Content-Type': 'text/event-stream' },
      }),
    ));
    const failure = await streamFinancingSimulation('demo', FIXTURE, () => undefined).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).fields).toEqual({ 'variants[1].price_per_unit': 'Ongeldig.' });
  });

  it('rejects a 422 before the stream starts like any request', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>(async () =>
      problem('simulateFinancing', 'invalid_input', 'Nee', { budget: 'Ongeldig.' }),
    ));
    const failure = await streamFinancingSimulation('demo', FIXTURE, () => undefined).catch((e: unknown) => e);
    expect((failure as ApiError).status).toBe(422);
    expect((failure as ApiError).fields).toEqual({ budget: 'Ongeldig.' });
  });

  it('stops reading when aborted and rejects with an AbortError', async () => {
    let cancelled = false;
    vi.stubGlobal('fetch', vi.fn<typeof fetch>(async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('event: progress\ndata: {"runs_done":1,"runs":9}\n\n'));
          },
          cancel() {
            cancelled = true;
          },
        }),
        { status: 200, headers: { 'Content-Type': 'text/event-stream' } },
      ),
    ));
    const controller = new AbortController();
    const result = streamFinancingSimulation('demo', FIXTURE, () => controller.abort(), controller.signal).catch(
      (e: unknown) => e,
    );
    const failure = await result;
    expect(failure).toBeInstanceOf(DOMException);
    expect((failure as DOMException).name).toBe('AbortError');
    expect(cancelled).toBe(true);
  });
});
