/**
 * Server-sent events read with fetch instead of EventSource, because EventSource cannot send a
 * header and the web host's credential travels only as one. The stream reconnects after a
 * dropped connection after three seconds, as EventSource does (backing off to thirty), and stops
 * for good when the host refuses the credential, as EventSource would.
 */
export type StreamMessage = { event: string; data: string };

/** Feeds text chunks in; calls `onMessage` for each complete event, whatever the chunk boundaries. */
export function eventStreamParser(onMessage: (message: StreamMessage) => void): (chunk: string) => void {
  let pending = '';
  let event = '';
  let data: string[] = [];
  return (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const raw of lines) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line === '') {
        if (data.length > 0) onMessage({ event: event || 'message', data: data.join('\n') });
        event = '';
        data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
  };
}

const FIRST_RETRY_MS = 3_000;
const LAST_RETRY_MS = 30_000;

/** Follows `url` until the page goes away; the host's 401 or 403 ends it. */
export function followEventStream(
  url: string,
  headers: () => Record<string, string>,
  onMessage: (message: StreamMessage) => void,
): void {
  let delay = FIRST_RETRY_MS;
  const connect = async () => {
    try {
      const response = await fetch(url, { headers: headers(), cache: 'no-store' });
      if (response.status === 401 || response.status === 403) return;
      if (!response.ok || !response.body) throw new Error(`The event stream answered ${response.status}.`);
      delay = FIRST_RETRY_MS;
      const parse = eventStreamParser(onMessage);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parse(value);
      }
    } catch {
      // Dropped or refused for now (the host restarting, too many tabs): try again below.
    }
    window.setTimeout(() => void connect(), delay);
    delay = Math.min(delay * 2, LAST_RETRY_MS);
  };
  void connect();
}
