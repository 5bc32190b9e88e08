/**
 * The console's re-rank repaint while the room's ballots stream in (`node bench/ui.mjs --only room`).
 *
 * A session of forty voters, inputs shown live (hidden-until-reveal off), the room open on
 * 127.0.0.1 through the web host's channels, the console's workshop page on the weighting step in
 * Chromium. Forty phones (plain HTTP clients in this process, each with its own cookie) look the
 * code up, join, and send a ballot each within one second, for a few rounds. The page measures,
 * for each `workshop:changed` that reaches it, the time until the next painted frame that shows
 * the ranking from that revision or a later one: the event's arrival (its chunk handed to the
 * app's stream reader), the console fetching the stored workshop, React committing the new
 * ranking, and the frame after that commit. It also watches every frame (requestAnimationFrame
 * and long animation frames) for the longest frames and the frames dropped meanwhile. The
 * figures report; the bench never fails.
 */

const FRAME_MS = 1000 / 60;
/** How long the page may take to show the last ballot of a round before the bench moves on. */
const SETTLE_TIMEOUT_MS = 15_000;

/** Installed before the app's own scripts: watches the event stream and the workshop fetches. */
function instrument() {
  const bench = { events: [], fetches: [], commits: [], frames: [], loaf: [], measuring: false };
  window.__bench = bench;
  const readRevision = (data) => {
    try {
      return JSON.parse(data ?? '{}').revision ?? -1;
    } catch {
      return -1;
    }
  };
  const original = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    let channel = '';
    if (url.endsWith('/api/invoke') && typeof init?.body === 'string') {
      try {
        channel = JSON.parse(init.body).channel;
      } catch {
        channel = '';
      }
    }
    const response = await original(input, init);
    if (channel === 'workshop:get') {
      const at = performance.now();
      const record = { at, revision: -1 };
      if (bench.measuring) bench.fetches.push(record);
      void response
        .clone()
        .json()
        .then((envelope) => (record.revision = envelope?.value?.revision ?? -1))
        .catch(() => undefined);
    }
    if (!url.endsWith('/api/events') || !response.body) return response;
    // The app reads the stream through this pass-through: a chunk's time is when it is handed over.
    const decoder = new TextDecoder();
    let pending = '';
    const watch = new TransformStream({
      transform(chunk, controller) {
        const at = performance.now();
        pending += decoder.decode(chunk, { stream: true });
        const blocks = pending.split('\n\n');
        pending = blocks.pop() ?? '';
        for (const block of blocks) {
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!bench.measuring || (event !== 'workshop:changed' && event !== 'room:changed')) continue;
          const revision = readRevision(data);
          bench.events.push({ event, at, revision });
        }
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(watch), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** Starts watching the ranking and every frame; the page's half of the measurement. */
function startWatching() {
  const bench = window.__bench;
  const ranking = document.querySelector('[aria-label="Live ranking"]');
  new MutationObserver(() => {
    if (bench.measuring) bench.commits.push(performance.now());
  }).observe(ranking, { subtree: true, childList: true, characterData: true, attributes: true });
  // A message posted from a frame's callback runs once that frame is painted; messages arrive in
  // order, so each one closes the oldest frame still waiting.
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => {
    const frame = waiting.shift();
    if (!frame) return;
    frame.painted = performance.now();
    bench.frames.push(frame);
  };
  const tick = () => {
    if (!bench.measuring) return;
    waiting.push({ start: performance.now(), painted: 0 });
    channel.port2.postMessage(0);
    requestAnimationFrame(tick);
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (bench.measuring) bench.loaf.push(entry.duration);
  }).observe({ type: 'long-animation-frame', buffered: false });
  bench.measuring = true;
  requestAnimationFrame(tick);
}

/** One phone: its own cookie, the listener's origin on every write, as the phone's page sends. */
function phone(origin) {
  let cookie = '';
  let version = 0;
  const call = async (path, method, body) => {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json', origin }),
        ...(cookie ? { cookie } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    const envelope = await response.json();
    if (!envelope.ok) throw new Error(`${method} ${path}: ${envelope.error.message}`);
    return envelope.value;
  };
  return {
    async join(code, participantId) {
      await call('/api/lookup', 'POST', { code });
      const joined = await call('/api/join', 'POST', { code, pick: { participantId } });
      if (joined.status !== 'joined') throw new Error('A phone was not let in.');
    },
    async vote(direct) {
      const receipt = await call('/api/ballot', 'PUT', {
        round: 1,
        basedOn: version,
        ballot: { method: 'direct', direct },
      });
      version = receipt.version;
    },
  };
}

const percentile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

/**
 * Pairs each ranking event with the first frame painted after the console showed it: the first
 * read of the workshop answered after the event at its revision or later, the first change of the
 * ranking's DOM after that answer (every ballot moves a bar's width), and the first frame after
 * that change. Never earlier than the truth; an event never followed by all three is counted.
 */
function analyse({ events, fetches, commits, frames, loaf }) {
  const changes = events.filter((e) => e.event === 'workshop:changed');
  const repaints = [];
  const stages = { fetch: [], commit: [], paint: [] };
  let unseen = 0;
  for (const change of changes) {
    // The console has the new state when its read answers, or at once when it applied the action
    // the event carried (no read for this revision).
    const fetched = fetches.find((f) => f.at >= change.at && f.revision >= change.revision);
    const ready = fetched ? fetched.at : change.at;
    const commit = commits.find((at) => at >= ready);
    const frame = commit !== undefined && frames.find((f) => f.start >= commit && f.painted > 0);
    if (frame) {
      repaints.push(frame.painted - change.at);
      stages.fetch.push(ready - change.at);
      stages.commit.push(commit - ready);
      stages.paint.push(frame.painted - commit);
    } else unseen++;
  }
  const gaps = frames.slice(1).map((f, i) => f.start - (frames[i]?.start ?? f.start));
  const dropped = gaps.reduce((sum, gap) => sum + Math.max(0, Math.round(gap / FRAME_MS) - 1), 0);
  return {
    changes: changes.length,
    roomChanges: events.length - changes.length,
    fetches: fetches.length,
    repaints,
    stages,
    seconds: frames.length > 1 ? ((frames.at(-1)?.start ?? 0) - (frames[0]?.start ?? 0)) / 1000 : 0,
    unseen,
    frames: frames.length,
    dropped,
    longestGap: Math.max(0, ...gaps),
    longFrames: loaf.length,
    longestLoaf: Math.max(0, ...loaf),
  };
}

/**
 * Runs the scene and prints its figures. `call` is the web host's channel client, `launch` starts
 * Chromium; at most `rounds` rounds of `voters` ballots, each round bounded by SETTLE_TIMEOUT_MS.
 */
export async function roomRepaint({ hostUrl, call, launch, voters = 40, rounds = 3 }) {
  const session = await call('sessions:create', {
    clientName: 'Benchmark',
    projectName: `A room of ${voters}`,
    facilitator: 'Bench',
    workshopDate: '2026-01-01',
    participants: Array.from({ length: voters }, (_, i) => ({ name: `Person ${i + 1}` })),
  });
  const apply = async (action) => {
    const { revision } = await call('workshop:get', { sessionId: session.id });
    return call('workshop:apply', { sessionId: session.id, baseRevision: revision, action });
  };
  await apply({ type: 'setHideUntilReveal', hide: false });
  await apply({ type: 'setStep', step: 'weighting' });
  const room = await call('room:open', {
    sessionId: session.id,
    address: '127.0.0.1',
    port: 0,
    settings: {
      methods: ['direct', 'points', 'rank', 'pairwise'],
      newNames: 'approval',
      showOwnResult: false,
    },
  });
  if (!room.open) throw new Error('The room did not open.');
  const { state } = await call('workshop:get', { sessionId: session.id });
  const phones = session.participants.map(() => phone(room.shortUrl));
  for (const [i, device] of phones.entries()) await device.join(room.code, session.participants[i].id);

  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (error) => console.error(`Page error: ${error.message}`));
    await page.addInitScript(instrument);
    await page.goto(`${hostUrl}#/workshop/${session.id}`);
    await page.getByRole('heading', { name: 'Live ranking' }).waitFor();
    await page.getByTestId('room-lobby').waitFor();
    await page.evaluate(startWatching);

    let ballots = 0;
    for (let round = 1; round <= rounds; round++) {
      // Forty ballots spread evenly over one second, each a different set of weights every round.
      await Promise.all(
        phones.map(
          (device, i) =>
            new Promise((resolve, reject) => {
              setTimeout(
                () => {
                  const direct = Object.fromEntries(
                    state.criteria.map((c, k) => [c.id, ((i + k + round) % 10) + 1]),
                  );
                  device.vote(direct).then(resolve, reject);
                },
                (i * 1000) / phones.length,
              );
            }),
        ),
      );
      ballots += phones.length;
      const { revision } = await call('workshop:get', { sessionId: session.id });
      // The round is over for the console once it has painted the last revision it was told of.
      await page
        .waitForFunction(
          (last) => {
            const { events, fetches, commits, frames } = window.__bench;
            // Read back, or applied from the event that carried it.
            const shown =
              fetches.find((f) => f.revision >= last) ??
              events.find((e) => e.event === 'workshop:changed' && e.revision >= last);
            const commit = shown && commits.find((at) => at >= shown.at);
            return commit !== undefined && frames.some((f) => f.painted > 0 && f.start > commit);
          },
          revision,
          { timeout: SETTLE_TIMEOUT_MS },
        )
        .catch(() =>
          console.error(
            `  Round ${round}: the console had not shown the last ballot within ${SETTLE_TIMEOUT_MS / 1000} s.`,
          ),
        );
    }
    const raw = await page.evaluate(() => {
      window.__bench.measuring = false;
      return window.__bench;
    });
    const result = analyse(raw);
    const p95 = percentile(result.repaints, 0.95);
    const worst = Math.max(...result.repaints);
    const ms = (value) => `${value.toFixed(1)} ms`;
    console.log(
      `\nRe-rank repaint while the room votes (${voters} phones, ${rounds} rounds of ${voters} ballots in a second; ` +
        'workshop:changed arriving -> next painted frame with the new ranking; budget one frame, 16.7 ms)',
    );
    const rows = [
      [
        'ballots acknowledged',
        String(ballots),
        `${result.changes} workshop:changed, ${result.roomChanges} room:changed reached the page`,
      ],
      [
        'console workshop fetches',
        String(result.fetches),
        `${(result.fetches / Math.max(1, result.changes)).toFixed(2)} per workshop:changed`,
      ],
      ['repaint after a ranking change, median', ms(percentile(result.repaints, 0.5)), ''],
      [
        'repaint after a ranking change, p95',
        ms(p95),
        `goal repaint within one frame: ${p95 <= FRAME_MS ? 'PASS' : 'MISS'}`,
      ],
      [
        'repaint after a ranking change, worst',
        ms(worst),
        result.unseen ? `${result.unseen} changes never shown` : '',
      ],
      [
        '  of which, p95: event to the state in hand (a read, or none)',
        ms(percentile(result.stages.fetch, 0.95)),
        `then to React's commit ${ms(percentile(result.stages.commit, 0.95))}, then to the paint ${ms(percentile(result.stages.paint, 0.95))}`,
      ],
      [
        'frames painted while ballots came in',
        String(result.frames),
        `over ${result.seconds.toFixed(1)} s; ${result.dropped} dropped (a gap over 16.7 ms, counted in frames missed)`,
      ],
      ['longest frame (gap between frames)', ms(result.longestGap), ''],
      [
        'long animation frames (> 50 ms)',
        String(result.longFrames),
        result.longFrames ? `longest ${ms(result.longestLoaf)}` : '',
      ],
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    for (const [label, value, note] of rows)
      console.log(`  ${label.padEnd(width)}  ${value.padStart(9)}  ${note}`);
  } finally {
    await browser.close();
    await call('room:close', { sessionId: session.id }).catch(() => undefined);
  }
}
