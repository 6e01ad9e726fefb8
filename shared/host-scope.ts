// Where a URL's host lives: on this machine (loopback), on a private network (RFC 1918, link
// local, unique local IPv6, .local/.internal names), or on the public internet. Pure string
// logic, used by the demo agents' webhook URL policy and the agent report's hygiene check.
export type HostScope = 'loopback' | 'private' | 'public';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4Scope(a: number, b: number): HostScope {
  if (a === 127) return 'loopback';
  if (a === 10 || a === 0) return 'private';
  if (a === 172 && b >= 16 && b <= 31) return 'private';
  if (a === 192 && b === 168) return 'private';
  if (a === 169 && b === 254) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'private'; // carrier-grade NAT
  return 'public';
}

export function hostScope(hostname: string): HostScope {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  const v4 = IPV4.exec(host.startsWith('::ffff:') ? host.slice(7) : host);
  if (v4) return ipv4Scope(Number(v4[1]), Number(v4[2]));
  if (host.includes(':')) {
    if (host === '::1') return 'loopback';
    if (host === '::' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host)) return 'private';
    return 'public';
  }
  if (host.endsWith('.local') || host.endsWith('.internal') || !host.includes('.'))
    return 'private';
  return 'public';
}

/** The scope of a URL's host, or null when it is not a URL. */
export function urlScope(raw: string): HostScope | null {
  try {
    return hostScope(new URL(raw).hostname);
  } catch {
    return null;
  }
}

/** True for localhost names and loopback addresses (127.0.0.0/8, ::1, ::ffff:127.x). */
export const isLoopbackHost = (hostname: string): boolean => hostScope(hostname) === 'loopback';
