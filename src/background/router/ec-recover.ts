// personal_ecRecover: the account that signed an EIP-191 personal message. It needs no key and no
// permission (anyone can recover a signer from a public message and signature), so it asks no one.
import { hashPersonalMessage, recoverDigestSigner } from '../../core';
import type { DappResult } from '../../protocol/dapp-methods';
import { pageAccount } from '../page-accounts';
import { rpcErrors } from '../rpc-error';
import { messageParam, paramList, signatureParam } from './dapp-params';

/**
 * The signer of `[message, signature]`, lowercase as pages get every account (see pageAccount).
 * @throws ProviderRpcError -32602 for a malformed message or signature, or one no public key recovers from.
 */
export function personalEcRecover(params: unknown): DappResult<'personal_ecRecover'> {
  const method = 'personal_ecRecover';
  const [message, signature] = paramList(method, params, 2);
  const bytes = messageParam(method, message);
  const checked = signatureParam(method, signature, 2);
  try {
    return pageAccount(recoverDigestSigner(hashPersonalMessage(bytes), checked));
  } catch (error) {
    throw rpcErrors.invalidParams(`${method}: param 2: ${(error as Error).message}`);
  }
}
