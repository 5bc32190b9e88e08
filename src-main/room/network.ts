/**
 * This computer's network addresses, for the facilitator to pick the room's from, and "Can
 * phones reach me?": one HTTP request from this computer to the listener's own address and port,
 * the only traffic the check makes.
 */
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { NetworkInterface, Reachability } from '@shared/room/contract';

/** Every address, IPv4 before IPv6 and the room's networks before loopback (this computer only). */
export function listInterfaces(
  interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces(),
): NetworkInterface[] {
  const list: NetworkInterface[] = [];
  for (const [name, addresses] of Object.entries(interfaces))
    for (const entry of addresses ?? []) {
      // Link-local IPv6 needs a zone (fe80::1%wlan0) that no phone can type or scan.
      if (entry.family === 'IPv6' && entry.scopeid !== undefined && entry.scopeid !== 0) continue;
      list.push({ name, address: entry.address, family: entry.family, internal: entry.internal });
    }
  const rank = (i: NetworkInterface) => (i.internal ? 2 : 0) + (i.family === 'IPv6' ? 1 : 0);
  return list.sort((a, b) => rank(a) - rank(b));
}

/** Every interface: never offered in the list, and refused when asked for by name. */
export function isWildcard(address: string): boolean {
  return address === '0.0.0.0' || address === '::';
}

export const ADVICE = {
  firewall:
    'When the computer asks whether to allow Stackwise on this network, allow it (on Windows, for private networks). If it did not ask, allow Stackwise in the firewall settings.',
  guestWifi:
    'Guest and public Wi-Fi often keeps devices from seeing each other. If phones on the same Wi-Fi cannot open the address, that is the likely cause: ask for the staff network, or use a hotspot.',
  hotspot:
    'Fallback that always works: turn on a phone’s hotspot, join it with this computer, open the room on that network, and have everyone join the hotspot.',
  loopback:
    'This address is this computer only; phones cannot reach it. Open the room on the Wi-Fi’s address to let phones in.',
} as const;

export type CheckTarget = { origin: string; internal: boolean };

/** Asks the listener for its page, from this computer, with a short timeout. */
export function checkReachable(target: CheckTarget, timeoutMs = 3000): Promise<Reachability> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(`${target.origin}/`, { method: 'HEAD', timeout: timeoutMs }, (res) => {
      res.resume();
      const ms = Math.max(1, Math.round(performance.now() - started));
      const answered = res.statusCode === 200;
      resolve({
        reachable: answered,
        detail: answered
          ? `The room answered on ${target.origin} in ${ms} ms.`
          : `The room answered on ${target.origin}, but without its page (status ${res.statusCode ?? 0}): the app may need building again.`,
        // This computer reaching itself does not cross the firewall or the Wi-Fi; phones do.
        advice: target.internal ? [ADVICE.loopback] : [ADVICE.firewall, ADVICE.guestWifi, ADVICE.hotspot],
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => {
      resolve({
        reachable: false,
        detail: `The room did not answer on ${target.origin} (${error.message}).`,
        advice: [ADVICE.firewall, ADVICE.guestWifi, ADVICE.hotspot],
      });
    });
    req.end();
  });
}
