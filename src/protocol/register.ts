// The register's transfer check as the approval window and the popup's Send see it: the verdict of
// core/register with every amount a decimal string, since runtime messages are serialised.
import type { RegisterCheck } from '../core/register/types';
import type { Jsonify } from './approvals';

/**
 * 'unrestricted' (a plain token: nothing to show), 'accepted', 'refused' with the first rule that refuses
 * and the transfer it refuses, or 'unchecked' ("could not check", which never blocks) with its cause and a
 * plain English message that may quote the node's words.
 */
export type RegisterCheckView = Jsonify<RegisterCheck>;

/**
 * One entry per transaction the approval would send or authorise: one for a transaction or typed data, one
 * per call of an EIP-5792 batch, in order. `null` where it moves no shares (any other call or signature).
 */
export type RegisterChecksView = (RegisterCheckView | null)[];

// A type, not an interface: the router reads every message's params as a plain record.
/** The popup's Send: a transfer of `amount` raw units (decimal) of `token` from `from` to `to` on `chainId` (0x-hex). */
export type RegisterTransferQuery = {
  chainId: string;
  token: string;
  from: string;
  to: string;
  amount: string;
};
