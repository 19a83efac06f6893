/**
 * Where a webhook may point. The feed server sends signed POSTs to URLs a brand admin typed; left
 * open, that lets an admin make the server reach its own loopback, the private network it runs in
 * or a cloud metadata address (169.254.169.254). Such targets are refused unless the operator
 * allows them (a development flag). Checked when an endpoint is added (literal addresses and
 * `localhost`) and again before every delivery (what the name resolves to then).
 * Not covered: a name whose answer changes between that lookup and fetch's own (DNS rebinding).
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const internal = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  internal.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  internal.addSubnet(net, bits, 'ipv6');

/** True for loopback, private, link-local, shared, multicast and unspecified addresses. */
export function isInternalAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '');
  const family = isIP(ip);
  if (family === 4) return internal.check(ip, 'ipv4');
  if (family !== 6) return false;
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is that IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return internal.check(mapped[1]!, 'ipv4');
  return internal.check(ip, 'ipv6');
}

const localName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

/** Why `url` may not be a webhook target as written, or null (names are checked on delivery). */
export function refusedTarget(url: string): string | null {
  const host = new URL(url).hostname.toLowerCase();
  if (localName(host) || isInternalAddress(host))
    return `url: ${host} is a loopback, private or link-local address; webhooks go to public addresses only`;
  return null;
}

/** Why a delivery to `url` must not be sent now (it resolves to an internal address), or null. */
export async function refusedDelivery(url: string): Promise<string | null> {
  const literal = refusedTarget(url);
  if (literal) return literal;
  const host = new URL(url).hostname;
  if (isIP(host.replace(/^\[|\]$/g, ''))) return null;
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    return null; // fetch reports the failed lookup itself
  }
  const bad = addresses.find((a) => isInternalAddress(a.address));
  return bad ? `refused: ${host} resolves to the internal address ${bad.address}` : null;
}
