// The page's form fields, read into checked values: pure functions (no DOM), so the rules are tested
// alone. Each refusal is a sentence naming the field, shown in the action's result before the wallet
// is asked anything.
import { getAddress, isAddress, type Address } from 'viem';
import { sharesToUnits, VOTE_SUPPORT, type VoteChoice } from './typed-data';

/**
 * A recipient as typed: any letter case (a mixed-case address must carry a valid EIP-55 checksum),
 * surrounding spaces ignored. @throws RangeError naming the field.
 */
export function parseRecipient(text: string, field = 'Recipient'): Address {
  const trimmed = text.trim();
  if (!isAddress(trimmed, { strict: false })) throw new RangeError(`${field} must be an Ethereum address (0x followed by 40 hex digits).`);
  if (/[a-f]/.test(trimmed.slice(2)) && /[A-F]/.test(trimmed.slice(2)) && !isAddress(trimmed, { strict: true })) {
    throw new RangeError(`${field} has mixed-case letters that are not a valid EIP-55 checksum: check for a typo.`);
  }
  return getAddress(trimmed);
}

/** The vote form's checked radio (`FormData.get('support')`): For, Against or Abstain. @throws RangeError. */
export function parseVoteChoice(value: unknown): VoteChoice {
  // Object.hasOwn, not `in`: "toString" is in every object.
  if (typeof value === 'string' && Object.hasOwn(VOTE_SUPPORT, value)) return value as VoteChoice;
  throw new RangeError('Vote must be For, Against or Abstain.');
}

export interface ShareTransferForm {
  to: Address;
  /** In the token's base units. */
  value: bigint;
}

/**
 * A transfer form (recipient and number of shares, e.g. "12.5") for a token with `decimals`.
 * @throws RangeError naming the field that is wrong.
 */
export function parseShareTransfer(form: { recipient: string; shares: string }, decimals: number, fields = { recipient: 'Recipient' }): ShareTransferForm {
  return { to: parseRecipient(form.recipient, fields.recipient), value: sharesToUnits(form.shares, decimals) };
}
