/**
 * A phone in the other network namespace, for the network-namespace test:
 *
 *   ip netns exec <ns> node bench/run.mjs tests/room/netnsPhone.ts <origin> <code> <participantId> <criteria,...>
 *
 * It loads the page, looks the room up, joins, votes, reads its view back, and tries a spoofed
 * Host, then prints one line `PHONE {json}` with every status and answer.
 */
import { request } from 'node:http';

type Answer = { status: number; body: string; cookie: string | undefined };

function send(
  origin: string,
  path: string,
  options: { method?: string; body?: unknown; cookie?: string | undefined; host?: string } = {},
): Promise<Answer> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const url = new URL(path, origin);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: options.method ?? 'GET',
        headers: {
          ...(options.host ? { host: options.host } : {}),
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(body !== undefined
            ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }
            : {}),
        },
        timeout: 10_000,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: text,
            cookie: res.headers['set-cookie']?.[0]?.split(';')[0],
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

export async function main(argv: string[]): Promise<void> {
  const [origin = '', code = '', participantId = '', criteria = ''] = argv;
  const page = await send(origin, '/');
  const lookup = await send(origin, '/api/lookup', { method: 'POST', body: { code } });
  const join = await send(origin, '/api/join', { method: 'POST', body: { code, pick: { participantId } } });
  const cookie = join.cookie;
  const direct = Object.fromEntries(criteria.split(',').map((id, i) => [id, (i % 10) + 1]));
  const ballot = await send(origin, '/api/ballot', {
    method: 'PUT',
    cookie,
    body: { round: 1, basedOn: 0, ballot: { method: 'direct', direct } },
  });
  const me = await send(origin, '/api/me', { cookie });
  const spoofed = await send(origin, '/api/me', { cookie, host: 'stackwise.example:80' });
  console.log(
    `PHONE ${JSON.stringify({
      page: page.status,
      lookup: { status: lookup.status, body: JSON.parse(lookup.body) as unknown },
      join: { status: join.status, cookie: cookie !== undefined },
      ballot: { status: ballot.status, body: JSON.parse(ballot.body) as unknown },
      me: { status: me.status, body: JSON.parse(me.body) as unknown },
      spoofed: spoofed.status,
    })}`,
  );
}
