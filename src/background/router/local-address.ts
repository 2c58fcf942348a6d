// Whether an RPC URL points at this computer or the local network. A page cannot reach such servers
// itself (CORS, Private Network Access), so a site that asks the wallet to use one gets a separately
// worded approval. Hostnames are judged as the URL parser normalised them (IPv4 in dotted decimal, IPv6
// compressed in brackets); a public name that resolves to a private address is not detected.

/** 127/8 loopback, 0/8 (reaches this computer on common systems), 10/8, 172.16/12, 192.168/16, 169.254/16. */
function isLocalIpv4(octets: readonly number[]): boolean {
  const [a = -1, b = -1] = octets;
  return a === 127 || a === 0 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
}

function ipv4Octets(hostname: string): number[] | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(hostname);
  return match === null ? undefined : match.slice(1).map(Number);
}

/** ::1 and :: (this computer), fc00::/7 (unique local), fe80::/10 (link-local), IPv4-mapped local addresses. */
function isLocalIpv6(address: string): boolean {
  if (address === '::1' || address === '::') return true;
  // RFC 4291 §2.5.5.2: ::ffff:a.b.c.d, which the URL parser writes as two hex groups.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (mapped !== null) {
    const high = parseInt(mapped[1] ?? '0', 16);
    const low = parseInt(mapped[2] ?? '0', 16);
    return isLocalIpv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  }
  const first = parseInt(address.split(':')[0] ?? '', 16);
  if (Number.isNaN(first)) return false;
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80;
}

/** True when `url`'s host is a loopback, private or link-local address, or a localhost / .local name. */
export function isLocalRpcUrl(url: string): boolean {
  const hostname = new URL(url).hostname.toLowerCase();
  if (hostname.startsWith('[') && hostname.endsWith(']')) return isLocalIpv6(hostname.slice(1, -1));
  const octets = ipv4Octets(hostname);
  if (octets !== undefined) return isLocalIpv4(octets);
  const name = hostname.replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.local');
}
