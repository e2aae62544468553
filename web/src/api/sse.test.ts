import { describe, expect, it } from 'vitest';
import { createSseParser, readSse } from './sse';


describe('createSseParser', () => {
  it('dispatches on a blank line, joins data lines, and skips comments', () => {
    const parser = createSseParser();
    expect(parser.push(': keep-alive\n\nevent: progress\ndata: {"runs_done":1,\ndata: "runs":2}\n\n')).toEqual([
      { event: 'progress', data: '{"runs_done":1,\n"runs":2}' },
    ]);
  });

  it('handles any chunk boundary, CRLF and CR line ends', () => {
    const text = 'event: progress\r\ndata: {"a":1}\r\n\r\nevent: summary\rdata:{"b":2}\r\r';
    for (let cut = 0; cut <= text.length; cut += 1) {
      const parser = createSseParser();
      const events = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
      expect(events).toEqual([
        { event: 'progress', data: '{"a":1}' },
        { event: 'summary', data: '{"b":2}' },
      ]);
    }
  });

  it('uses "message" without an event name, drops events without data and an unfinished last event', () => {
    const parser = createSseParser();
    expect(parser.push('event: nothing\n\ndata: x\n\nid: 7\ndata: y\n\nevent: half\ndata: z')).toEqual([
      { event: 'message', data: 'x' },
      { event: 'message', data: 'y', id: '7' },
    ]);
    expect(parser.end()).toEqual([]);
  });
});

describe('readSse', () => {
  it('reads events from a byte stream split inside a multi-byte character', async () => {
    const bytes = new TextEncoder().encode('data: cliënt\n\n');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 10));
        controller.enqueue(bytes.slice(10));
        controller.close();
      },
    });
    const events = [];
    for await (const event of readSse(body)) events.push(event);
    expect(events).toEqual([{ event: 'message', data: 'cliënt' }]);
  });
});
