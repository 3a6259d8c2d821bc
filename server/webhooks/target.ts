import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { httpError } from '../http/http-error.ts';

/**
 * Where webhooks may go. A webhook URL is chosen by whoever holds an admin key, and the server
 * then sends requests to it from inside the network it runs in: without these checks it could be
 * made to reach a database, a cloud metadata service (169.254.169.254) or an admin page on
 * loopback (server-side request forgery). So: `https` only, and no address that is private,
 * loopback, link-local, shared, multicast or reserved, checked on the addresses DNS answers at
 * connection time (a name that resolved to a public address at registration may not later).
 * Redirects are never followed. `ASSENT_WEBHOOK_ALLOW_PRIVATE=1` lifts both rules (tests,
 * intranets).
 */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

/** Whether a webhook may be sent to this IP address. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !BLOCKED.check(address, 'ipv4');
  if (family !== 6) return false;
  // An IPv4-mapped address (`::ffff:127.0.0.1`) reaches the IPv4 host.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPublicAddress(mapped[1]!);
  return !BLOCKED.check(address, 'ipv6');
}

/** Checks a webhook URL as given; the addresses its host resolves to are checked at each send. */
export function checkWebhookUrl(value: string, allowPrivate: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw httpError(400, 'url must be an absolute URL');
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
    throw httpError(400, 'url must be https');
  }
  if (url.username || url.password) throw httpError(400, 'url must not carry credentials');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost'))) {
    throw httpError(400, 'url must not name a loopback host');
  }
  if (!allowPrivate && isIP(host) && !isPublicAddress(host)) {
    throw httpError(400, 'url must not name a private, loopback or link-local address');
  }
  return url.toString();
}

/**
 * A `lookup` for `http.request` that refuses a host when any address it resolves to is not
 * public. The socket then connects to an address checked here, so a DNS answer that changes
 * between check and connect (rebinding) cannot slip through.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) {
      callback(error, '', 0);
      return;
    }
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused || addresses.length === 0) {
      const reason = new Error(
        `${hostname} resolves to ${refused?.address ?? 'nothing'}, which webhooks may not reach`,
      ) as NodeJS.ErrnoException;
      reason.code = 'EWEBHOOKADDRESS';
      callback(reason, '', 0);
      return;
    }
    if (options.all) {
      (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    } else {
      callback(null, addresses[0]!.address, addresses[0]!.family);
    }
  });
};
