/**
 * The phones of the room bench, in a process of their own so the app's memory and event loop are
 * measured without them: `node bench/run.mjs bench/room/phones.ts`. Driven by JSON lines on
 * stdin, answered by JSON lines on stdout:
 *
 *   {"do":"join","origin","code","participants":[ids],"criteria":[ids]}  -> {"done":"join"}
 *   {"do":"follow"}      every phone opens its event stream              -> {"done":"follow"}
 *   {"do":"vote","round","spreadMs"}  every phone sends a ballot, spread evenly over spreadMs,
 *                        and fetches its view again on each nudge, as the page does
 *                                                                         -> {"done":"vote","ms":[...]}
 *   {"do":"quit"}
 *
 * Each phone has its own keep-alive agent, so it holds its own connections, as a device does.
 */
import { Agent, request } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { createInterface } from 'node:readline';

type Phone = { agent: Agent; cookie: string; version: number; stream?: IncomingMessage; refetching: boolean };

const REQUEST_TIMEOUT_MS = 30_000;

function send(
  phone: Pick<Phone, 'agent' | 'cookie'>,
  origin: string,
  path: string,
  method: string,
  body?: unknown,
): Promise<{ status: number; text: string; cookie?: string }> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${origin}${path}`,
      {
        method,
        agent: phone.agent,
        timeout: REQUEST_TIMEOUT_MS,
        headers: {
          ...(phone.cookie ? { cookie: phone.cookie } : {}),
          ...(text !== undefined
            ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) }
            : {}),
        },
      },
      (res) => {
        let answer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (answer += chunk));
        res.on('end', () => {
          const cookie = res.headers['set-cookie']?.[0]?.split(';')[0];
          resolve({ status: res.statusCode ?? 0, text: answer, ...(cookie ? { cookie } : {}) });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', reject);
    req.end(text);
  });
}

function say(message: unknown): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

export async function main(): Promise<void> {
  let origin = '';
  let criteria: string[] = [];
  const phones: Phone[] = [];

  const refetch = (phone: Phone) => {
    if (phone.refetching) return;
    phone.refetching = true;
    void send(phone, origin, '/api/me', 'GET').finally(() => (phone.refetching = false));
  };

  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    const command = JSON.parse(line) as Record<string, unknown>;
    if (command['do'] === 'join') {
      origin = String(command['origin']);
      criteria = command['criteria'] as string[];
      const code = String(command['code']);
      for (const participantId of command['participants'] as string[]) {
        const phone: Phone = {
          agent: new Agent({ keepAlive: true }),
          cookie: '',
          version: 0,
          refetching: false,
        };
        const joined = await send(phone, origin, '/api/join', 'POST', { code, pick: { participantId } });
        if (joined.status !== 200 || !joined.cookie)
          throw new Error(`A phone could not join: ${joined.text}`);
        phone.cookie = joined.cookie;
        phones.push(phone);
      }
      say({ done: 'join' });
    } else if (command['do'] === 'follow') {
      await Promise.all(
        phones.map(
          (phone) =>
            new Promise<void>((resolve, reject) => {
              const req = request(
                `${origin}/api/events`,
                { agent: false, headers: { cookie: phone.cookie } },
                (res) => {
                  if (res.statusCode !== 200)
                    return reject(new Error(`A stream was refused (${res.statusCode})`));
                  phone.stream = res;
                  res.setEncoding('utf8');
                  res.on('data', (chunk: string) => {
                    if (chunk.includes('data:')) refetch(phone);
                  });
                  resolve();
                },
              );
              req.on('error', reject);
              req.end();
            }),
        ),
      );
      say({ done: 'follow' });
    } else if (command['do'] === 'vote') {
      const round = Number(command['round']);
      const spread = Number(command['spreadMs']);
      const ms = await Promise.all(
        phones.map(
          (phone, i) =>
            new Promise<number>((resolve, reject) => {
              setTimeout(
                () => {
                  const direct = Object.fromEntries(
                    criteria.map((id, c) => [id, ((i + c + round) % 10) + 1]),
                  );
                  const started = performance.now();
                  send(phone, origin, '/api/ballot', 'PUT', {
                    round: 1,
                    basedOn: phone.version,
                    ballot: { method: 'direct', direct },
                  })
                    .then((answer) => {
                      if (answer.status !== 200) throw new Error(`A ballot was refused: ${answer.text}`);
                      phone.version++;
                      resolve(performance.now() - started);
                    })
                    .catch(reject);
                },
                (i * spread) / phones.length,
              );
            }),
        ),
      );
      say({ done: 'vote', ms });
    } else if (command['do'] === 'quit') break;
  }
  for (const phone of phones) {
    phone.stream?.destroy();
    phone.agent.destroy();
  }
  process.exit(0);
}
