// EIP-4361 (Sign-In with Ethereum): recognise a sign-in message so the wallet can check that it names the
// site that asks. Only the fields the approval screen needs are read; anything else stays plain text.

export interface SignInMessage {
  /** RFC 3986 authority (host[:port]) the message claims to sign in to. */
  domain: string;
  address: string;
  statement: string | undefined;
  uri: string;
  chainId: string;
}

const HEADER = / wants you to sign in with your Ethereum account:$/;

/** The sign-in fields of `text`, or undefined when it is not an EIP-4361 message. */
export function parseSignInMessage(text: string): SignInMessage | undefined {
  const lines = text.split('\n');
  const header = lines[0] ?? '';
  if (!HEADER.test(header)) return undefined;
  // EIP-4361 §ABNF: "${scheme}://"? is allowed before the domain.
  const domain = header.replace(HEADER, '').replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const address = lines[1] ?? '';
  if (!/^0x[0-9a-fA-F]{40}$/.test(address) || domain === '') return undefined;
  const field = (name: string) => lines.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
  const uri = field('URI');
  const chainId = field('Chain ID');
  if (uri === undefined || chainId === undefined || field('Version') !== '1') return undefined;
  // The statement, when present, is the line after the blank line that follows the address.
  const statementLine = lines[2] === '' && lines[3] !== undefined && lines[3] !== '' && !lines[3].includes(': ') ? lines[3] : undefined;
  return { domain, address, statement: statementLine, uri, chainId };
}
