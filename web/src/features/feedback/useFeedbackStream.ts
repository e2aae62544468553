import { useEffect, useRef, useState } from 'react';
import { streamFeedback } from '../../api/generated/feedback';
import type { Callback, FeedbackResponse } from '../../api/types';
import { parseEventData } from './feedback';

export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'closed' | 'unsupported';

export interface StreamHandlers {
  onResponse: (response: FeedbackResponse) => void;
  onCallback: (callback: Callback) => void;
  /** Called when the stream is open again after an error: refetch what may have been missed. */
  onReconnect: () => void;
}

/**
 * Listens to GET …/feedback/stream (Server-Sent Events). EventSource reconnects by itself; after
 * an error, the next `open` calls onReconnect so the lists catch up. Heartbeats are comments and
 * never reach the handlers.
 */
export function useFeedbackStream(slug: string, handlers: StreamHandlers): StreamState {
  const [state, setState] = useState<StreamState>(() =>
    typeof EventSource === 'undefined' ? 'unsupported' : 'connecting',
  );
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(streamFeedback({ slug }));
    let hadError = false;
    setState('connecting');
    const onOpen = () => {
      setState('open');
      if (hadError) {
        hadError = false;
        latest.current.onReconnect();
      }
    };
    const onError = () => {
      hadError = true;
      setState(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    };
    const onResponse = (event: MessageEvent<string>) => {
      const response = parseEventData<FeedbackResponse>(event.data);
      if (response) latest.current.onResponse(response);
    };
    const onCallback = (event: MessageEvent<string>) => {
      const callback = parseEventData<Callback>(event.data);
      if (callback) latest.current.onCallback(callback);
    };
    source.addEventListener('open', onOpen);
    source.addEventListener('error', onError);
    source.addEventListener('response', onResponse);
    source.addEventListener('callback', onCallback);
    return () => {
      source.removeEventListener('open', onOpen);
      source.removeEventListener('error', onError);
      source.removeEventListener('response', onResponse);
      source.removeEventListener('callback', onCallback);
      source.close();
    };
  }, [slug]);

  return state;
}
