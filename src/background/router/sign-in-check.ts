// A personal_sign message that is an EIP-4361 sign-in, checked against who asks: the site's host and
// scheme, the account that would sign, and the site's active chain. Every mismatch is shown as a warning.
import { parseSignInMessage } from '../../core/siwe';
import type { SignInView } from '../../protocol/approvals';

export interface SignInContext {
  /** The origin of the site that asks, as the browser reports it. */
  origin: string;
  /** The account that would sign. */
  account: string;
  /** The site's active chain, 0x-hex. */
  chainId: string;
}

// The message is checked whatever bytes it holds: a verifier decodes them as UTF-8 and may accept a
// sign-in whose statement has a control character, which the screen then shows as hex.
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false });

/** The sign-in view of `bytes`, or undefined when its first line is no EIP-4361 header. */
export function checkSignIn(bytes: Uint8Array, context: SignInContext): SignInView | undefined {
  const parsed = parseSignInMessage(lenientUtf8.decode(bytes));
  if (parsed === undefined) return undefined;
  const site = new URL(context.origin);
  const scheme = parsed.kind === 'sign-in' ? parsed.message.scheme : parsed.scheme;
  const domain = parsed.kind === 'sign-in' ? parsed.message.domain : parsed.domain;
  const checks = {
    domain,
    scheme,
    // Hosts are case-insensitive (RFC 3986 §3.2.2); the browser's host is already lower case.
    domainMismatch: domain.toLowerCase() !== site.host,
    schemeMismatch: scheme !== undefined && `${scheme.toLowerCase()}:` !== site.protocol,
    siteChainId: context.chainId,
  };
  if (parsed.kind === 'malformed') {
    return { ...checks, malformed: true, address: undefined, uri: undefined, chainId: undefined, statement: undefined };
  }
  const { message } = parsed;
  return {
    ...checks,
    malformed: false,
    address: message.address,
    uri: message.uri,
    chainId: message.chainId,
    statement: message.statement,
    addressMismatch: message.address.toLowerCase() !== context.account.toLowerCase(),
    chainMismatch: BigInt(message.chainId) !== BigInt(context.chainId),
  };
}
