/**
 * Request bodies for the web host, read under two limits: one request may not exceed its own
 * size, and all requests being read at once may not hold more than a shared budget, so a burst
 * of large uploads cannot exhaust the host's memory. A body over either limit is answered at
 * once and the rest of it is read and dropped, so the connection stays usable.
 */
import type { IncomingMessage } from 'node:http';

/** Bytes held by request bodies across the whole host. */
export type ByteBudget = { take(bytes: number): boolean; give(bytes: number): void; readonly used: number };

export function byteBudget(total: number): ByteBudget {
  let used = 0;
  return {
    take(bytes) {
      if (used + bytes > total) return false;
      used += bytes;
      return true;
    },
    give(bytes) {
      used = Math.max(0, used - bytes);
    },
    get used() {
      return used;
    },
  };
}

/** `release` gives the body's bytes back to the budget once the request is answered. */
export type Body = { kind: 'ok'; text: string; release(): void } | { kind: 'too_large' } | { kind: 'busy' };

export function readBody(req: IncomingMessage, limit: number, budget: ByteBudget): Promise<Body> {
  return new Promise((resolve, reject) => {
    const drop = (body: Body) => {
      req.on('data', () => undefined);
      resolve(body);
    };
    // A declared length is checked and reserved before a byte arrives.
    const declared = Number(req.headers['content-length']);
    const known = Number.isSafeInteger(declared) && declared >= 0;
    if (known && declared > limit) return drop({ kind: 'too_large' });
    let held = known ? declared : 0;
    if (!budget.take(held)) return drop({ kind: 'busy' });

    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const release = () => {
      budget.give(held);
      held = 0;
    };
    const refuse = (body: Body) => {
      settled = true;
      chunks.length = 0;
      release();
      resolve(body);
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) return refuse({ kind: 'too_large' });
      if (size > held) {
        if (!budget.take(size - held)) return refuse({ kind: 'busy' });
        held = size;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (settled) return;
      settled = true;
      resolve({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8'), release });
    });
    req.on('error', (error) => {
      release();
      if (!settled) reject(error);
    });
    // A client that goes away mid-upload gives its bytes back too.
    req.on('close', () => {
      if (!settled) release();
    });
  });
}
