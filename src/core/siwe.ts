// EIP-4361 (Sign-In with Ethereum): recognise a sign-in message so the wallet can check that it names the
// site that asks. The message is read by the EIP-4361 ABNF, line by line at fixed positions: a field is
// only ever taken from its own line, so a statement that says "Version: 0" or "URI: https://evil" is the
// statement and nothing else. Any message whose first line is a sign-in header is a sign-in attempt for
// that domain, even when the rest does not follow the grammar (then it is reported as malformed), because
// a verifier such as viem's may still accept it for that domain.

export interface SignInMessage {
  /** RFC 3986 scheme before the domain ("https"), when the header gives one. */
  scheme: string | undefined;
  /** RFC 3986 authority (host[:port]) the message claims to sign in to. */
  domain: string;
  address: string;
  statement: string | undefined;
  uri: string;
  version: '1';
  /** EIP-155 chain id, decimal digits as written. */
  chainId: string;
  nonce: string;
  issuedAt: string;
  expirationTime: string | undefined;
  notBefore: string | undefined;
  requestId: string | undefined;
  resources: string[];
}

export type SignInParse =
  | { kind: 'sign-in'; message: SignInMessage }
  /** The header names `domain` but the rest is not EIP-4361; `reason` says where it broke. */
  | { kind: 'malformed'; scheme: string | undefined; domain: string; reason: string };

const HEADER_SUFFIX = ' wants you to sign in with your Ethereum account:';
// RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).
const SCHEME_PREFIX = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
// RFC 3986 §3.2: authority without userinfo (an "@" would let "good.example@evil.example" read as good).
// host = IP-literal / IPv4address / reg-name; reg-name = *( unreserved / pct-encoded / sub-delims ).
const AUTHORITY = /^(?:\[[0-9A-Fa-f:.]+\]|(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})+)(?::\d{0,5})?$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
// RFC 3986 §3: scheme ":" hier-part [ "?" query ] [ "#" fragment ], in the characters a URI may hold.
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
// EIP-4361's ABNF allows only ASCII reserved / unreserved characters and spaces in the statement, but
// registries write statements in their users' language (Chinese, say); the statement is only ever shown
// as the site's text, so any line without control characters is taken.
const STATEMENT = /^[^\p{Cc}]*$/u;
const CHAIN_ID = /^\d+$/;
const NONCE = /^[A-Za-z0-9]{8,}$/;
// RFC 3339 date-time.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;
// RFC 3986: request-id = *pchar.
const REQUEST_ID = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*$/;

/** The domain and scheme a header line names, or undefined when the line is no sign-in header. */
function readHeader(line: string): { scheme: string | undefined; domain: string } | undefined {
  // A CR before the LF is not EIP-4361, but it must not hide the header from the domain check.
  const header = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (!header.endsWith(HEADER_SUFFIX)) return undefined;
  const origin = header.slice(0, -HEADER_SUFFIX.length);
  const scheme = SCHEME_PREFIX.exec(origin);
  return scheme === null ? { scheme: undefined, domain: origin } : { scheme: scheme[1], domain: origin.slice(scheme[0].length) };
}

class Malformed extends Error {}

/** Reads the lines after the header in the order EIP-4361 fixes, throwing Malformed at the first break. */
class LineReader {
  private index = 1;
  constructor(private readonly lines: readonly string[]) {}

  hasMore(): boolean {
    return this.index < this.lines.length;
  }

  peek(): string | undefined {
    return this.lines[this.index];
  }

  next(what: string): string {
    const line = this.lines[this.index];
    if (line === undefined) throw new Malformed(`the message ends before ${what}`);
    this.index++;
    return line;
  }

  /** The value of the line `${tag}${value}`, checked by `pattern`. */
  field(tag: string, pattern: RegExp): string {
    const line = this.next(`"${tag}"`);
    if (!line.startsWith(tag)) throw new Malformed(`line ${this.index} should start with "${tag}"`);
    const value = line.slice(tag.length);
    if (!pattern.test(value)) throw new Malformed(`line ${this.index} has a malformed "${tag.trim()}" value`);
    return value;
  }

  /** An optional field: read only when the next line starts with its tag. */
  optional(tag: string, pattern: RegExp): string | undefined {
    return this.peek()?.startsWith(tag) === true ? this.field(tag, pattern) : undefined;
  }

  blank(what: string): void {
    if (this.next(what) !== '') throw new Malformed(`line ${this.index} should be blank (${what})`);
  }
}

function readBody(lines: readonly string[], scheme: string | undefined, domain: string): SignInMessage {
  if (!AUTHORITY.test(domain)) throw new Malformed('the domain is not an RFC 3986 authority');
  const reader = new LineReader(lines);
  const address = reader.field('', ADDRESS);
  reader.blank('after the address');
  // ABNF: LF [ statement LF ] LF, so the statement is the line before a second blank line.
  let statement: string | undefined;
  if (reader.peek() === '') reader.blank('before the fields');
  else {
    statement = reader.field('', STATEMENT);
    reader.blank('after the statement');
  }
  const uri = reader.field('URI: ', URI);
  reader.field('Version: ', /^1$/);
  const chainId = reader.field('Chain ID: ', CHAIN_ID);
  const nonce = reader.field('Nonce: ', NONCE);
  const issuedAt = reader.field('Issued At: ', DATE_TIME);
  const expirationTime = reader.optional('Expiration Time: ', DATE_TIME);
  const notBefore = reader.optional('Not Before: ', DATE_TIME);
  const requestId = reader.optional('Request ID: ', REQUEST_ID);
  const resources: string[] = [];
  if (reader.hasMore()) {
    reader.field('Resources:', /^$/);
    while (reader.hasMore()) resources.push(reader.field('- ', URI));
  }
  return { scheme, domain, address, statement, uri, version: '1', chainId, nonce, issuedAt, expirationTime, notBefore, requestId, resources };
}

/**
 * Reads `text` as an EIP-4361 message: undefined when its first line is no sign-in header, `malformed`
 * when the header is one but the rest breaks the grammar, else every field.
 */
export function parseSignInMessage(text: string): SignInParse | undefined {
  const lines = text.split('\n');
  const header = readHeader(lines[0] ?? '');
  if (header === undefined) return undefined;
  if (lines[0]?.endsWith('\r') === true) return { kind: 'malformed', ...header, reason: 'its lines end with CR LF, not LF' };
  try {
    return { kind: 'sign-in', message: readBody(lines, header.scheme, header.domain) };
  } catch (error) {
    if (error instanceof Malformed) return { kind: 'malformed', ...header, reason: error.message };
    throw error;
  }
}
