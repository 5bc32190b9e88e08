/**
 * The web page's side of the host's credential and events: the token leaves the address as
 * soon as the page has it, and events parse whatever the chunk boundaries.
 */
import { describe, expect, it } from 'vitest';
import { eventStreamParser } from '../../src-renderer/src/api/eventStream';
import type { StreamMessage } from '../../src-renderer/src/api/eventStream';
import { adoptLinkToken, webHostToken } from '../../src-renderer/src/api/webToken';

function page(href: string) {
  const entries = [href];
  const stored = new Map<string, string>();
  return {
    location: { href },
    history: {
      state: null,
      replaceState: (_state: unknown, _unused: string, url?: string | URL | null) => {
        entries[entries.length - 1] = new URL(String(url), href).href;
      },
    },
    storage: {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
    },
    entries,
  };
}

describe('the link’s token', () => {
  it.each([
    ['http://127.0.0.1:5178/?token=abc', 'http://127.0.0.1:5178/'],
    ['http://127.0.0.1:5178/?token=abc#/sessions/42', 'http://127.0.0.1:5178/#/sessions/42'],
    ['http://127.0.0.1:5178/#token=abc', 'http://127.0.0.1:5178/'],
    ['http://127.0.0.1:5178/#token=abc#/workshop/7', 'http://127.0.0.1:5178/#/workshop/7'],
  ])('is taken from %s and removed from the address', (href, cleaned) => {
    const p = page(href);
    adoptLinkToken(p.location, p.history, p.storage);
    expect(p.entries).toEqual([cleaned]);
    expect(webHostToken(p.storage)).toBe('abc');
  });

  it('leaves an address without one alone', () => {
    const p = page('http://127.0.0.1:5178/#/brands');
    adoptLinkToken(p.location, p.history, p.storage);
    expect(p.entries).toEqual(['http://127.0.0.1:5178/#/brands']);
  });
});

describe('the event stream', () => {
  it('parses events split anywhere across chunks, skipping comments', () => {
    const text =
      ': connected\n\nevent: sessions:changed\ndata: {"id":"a"}\n\n: keep-alive\n\nevent: workshop:changed\r\ndata: {"x":\ndata: 1}\r\n\r\n';
    for (const size of [1, 2, 3, 7, text.length]) {
      const seen: StreamMessage[] = [];
      const feed = eventStreamParser((message) => seen.push(message));
      for (let i = 0; i < text.length; i += size) feed(text.slice(i, i + size));
      expect(seen, `chunks of ${size}`).toEqual([
        { event: 'sessions:changed', data: '{"id":"a"}' },
        { event: 'workshop:changed', data: '{"x":\n1}' },
      ]);
    }
  });
});
