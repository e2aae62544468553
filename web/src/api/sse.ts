/**
 * A small Server-Sent-Events reader for streams that EventSource cannot open (a POST with a
 * body). The parser follows the HTML "event stream" rules that matter here: lines end with LF,
 * CRLF or CR; `event:` names the event (default "message"); `data:` lines are joined with LF;
 * a blank line dispatches; lines starting with ":" are comments; one space after the colon is
 * dropped; an event without data is not dispatched.
 */

export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

export interface SseParser {
  /** Feeds decoded text (any chunk boundaries); returns the events completed by it. */
  push: (text: string) => SseEvent[];
  /** The stream ended: an event that was not closed by a blank line is dropped (as browsers do). */
  end: () => SseEvent[];
}

export function createSseParser(): SseParser {
  let buffer = '';
  let eventName = '';
  let dataLines: string[] = [];
  let lastId: string | undefined;
  let pendingCr = false;

  function line(text: string, out: SseEvent[]) {
    if (text === '') {
      if (dataLines.length > 0) {
        const event: SseEvent = { event: eventName || 'message', data: dataLines.join('\n') };
        if (lastId !== undefined) event.id = lastId;
        out.push(event);
      }
      eventName = '';
      dataLines = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventName = value;
    else if (field === 'data') dataLines.push(value);
    else if (field === 'id' && !value.includes('\0')) lastId = value;
  }

  return {
    push(text) {
      const out: SseEvent[] = [];
      let chunk = text;
      // A CR at the end of the previous chunk may be the first half of a CRLF.
      if (pendingCr && chunk.startsWith('\n')) chunk = chunk.slice(1);
      pendingCr = false;
      buffer += chunk;
      let start = 0;
      for (let i = 0; i < buffer.length; i += 1) {
        const c = buffer[i];
        if (c !== '\n' && c !== '\r') continue;
        line(buffer.slice(start, i), out);
        if (c === '\r') {
          if (i + 1 < buffer.length) {
            if (buffer[i + 1] === '\n') i += 1;
          } else {
            pendingCr = true;
          }
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
      return out;
    },
    end() {
      buffer = '';
      eventName = '';
      dataLines = [];
      return [];
    },
  };
}

/**
 * Reads a fetch body as Server-Sent Events. Aborting `signal` cancels the reader, which closes
 * the connection.
 */
export async function* readSse(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<SseEvent, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = createSseParser();
  const cancel = () => {
    reader.cancel().catch(() => undefined);
  };
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      if (signal?.aborted) throw new DOMException('Aborted', 'AbortError');
      const { done, value } = await reader.read();
      if (done) {
        for (const event of parser.push(decoder.decode())) yield event;
        for (const event of parser.end()) yield event;
        return;
      }
      for (const event of parser.push(decoder.decode(value, { stream: true }))) yield event;
    }
  } finally {
    signal?.removeEventListener('abort', cancel);
    // Leaving early (a summary arrived, or the caller stopped) closes the stream too.
    reader.cancel().catch(() => undefined);
  }
}
