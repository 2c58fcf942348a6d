// The dApp methods that sign: each checks the page's params, puts the request in words for the approval
// window, asks the user, checks the site's permission again, and only then asks the wallet service to sign.
// The key never comes here: the wallet service signs a digest for an account (design.md).
import { CheckedTypedData, describeTypedData, hashPersonalMessage, TypedDataError, type TypedDataVersion } from '../../core';
import { bytesToHex } from '../../core/bytes';
import type { ActionView, ActivityDecision, ApprovalRequest } from '../../protocol/approvals';
import type { DappResult } from '../../protocol/dapp-methods';
import { jsonify } from '../jsonify';
import { rpcErrors } from '../rpc-error';
import type { SiteService } from '../services/sites';
import type { TokenService } from '../services/tokens';
import type { WalletService } from '../services/wallet';
import { addressParam, messageParam, paramList, printableText, typedDataParam } from './dapp-params';
import { checkSignIn } from './sign-in-check';

export interface SigningContext {
  origin: string;
}

export interface SigningHandlerDeps<Ctx extends SigningContext> {
  wallet: Pick<WalletService, 'signDigest'>;
  sites: Pick<SiteService, 'permittedAccounts' | 'chainId'>;
  tokens: Pick<TokenService, 'lookup'>;
  /** Asks the user; rejects with 4001 (logged) when the user rejects. */
  ask: (ctx: Ctx, method: string, request: ApprovalRequest) => Promise<unknown>;
  record: (ctx: Ctx, method: string, request: ApprovalRequest, decision: ActivityDecision) => Promise<void>;
}

/** Typed data checked once, here, as `version` defines it; a malformed one is -32602 naming the part. */
function checkedTypedData(method: string, data: unknown, version: TypedDataVersion): CheckedTypedData {
  try {
    return CheckedTypedData.from(typedDataParam(method, data), version);
  } catch (error) {
    if (error instanceof TypedDataError) throw rpcErrors.invalidParams(`${method}: ${error.message}`);
    throw error;
  }
}

export function createSigningHandlers<Ctx extends SigningContext>(deps: SigningHandlerDeps<Ctx>) {
  const { wallet, sites, tokens, ask, record } = deps;

  /** The signing account must be one the site was allowed to see (4100 otherwise). */
  async function requirePermitted(ctx: Ctx, method: string, account: string): Promise<void> {
    const permitted = await sites.permittedAccounts(ctx.origin);
    if (!permitted.some((candidate) => candidate.toLowerCase() === account.toLowerCase())) {
      throw rpcErrors.unauthorized(`${method}: ${ctx.origin} is not connected to ${account}; call eth_requestAccounts first`);
    }
  }

  /**
   * Asks the user to approve what `account` would sign, then checks the site's permission again: the
   * user may have disconnected the site while the request waited, and nothing is signed for a site that
   * is no longer connected (4100).
   */
  async function approveSigning(ctx: Ctx, method: string, account: string, request: ApprovalRequest): Promise<void> {
    await ask(ctx, method, request);
    try {
      await requirePermitted(ctx, method, account);
    } catch (error) {
      await record(ctx, method, request, 'failed');
      throw error;
    }
  }

  /** EIP-712 typed data, as `version` of eth_signTypedData defines it: checked once, described, signed by its digest. */
  async function signTypedData(ctx: Ctx, params: unknown, method: string, version: TypedDataVersion): Promise<`0x${string}`> {
    const [address, data] = paramList(method, params, 2);
    const account = addressParam(method, address, 1);
    const typedData = checkedTypedData(method, data, version);
    const active = BigInt(await sites.chainId(ctx.origin));
    const requested = typedData.chainId;
    if (requested !== undefined && requested !== active) {
      throw rpcErrors.invalidParams(`${method}: domain.chainId ${requested} does not match the active chain ${active}`);
    }
    // Names, symbols and decimals come from the wallet's known tokens, never from the page (design.md).
    const action: ActionView = jsonify(describeTypedData(typedData, await tokens.lookup(active)));
    await requirePermitted(ctx, method, account);
    // A domain without chainId is valid on every chain: the screen says so instead of naming one.
    const chainId = requested === undefined ? undefined : `0x${active.toString(16)}`;
    const request: ApprovalRequest = { kind: 'typed_data', account, chainId, action, primaryType: typedData.data.primaryType };
    await approveSigning(ctx, method, account, request);
    const signature = await wallet.signDigest(account, typedData.digest);
    await record(ctx, method, request, 'approved');
    return signature;
  }

  return {
    /** EIP-191 `personal_sign`, with the sign-in (EIP-4361) and 32-byte hash checks. */
    async personalSign(ctx: Ctx, params: unknown): Promise<DappResult<'personal_sign'>> {
      const method = 'personal_sign';
      const [message, address] = paramList(method, params, 2);
      const account = addressParam(method, address, 2);
      const bytes = messageParam(method, message);
      await requirePermitted(ctx, method, account);
      const text = printableText(bytes);
      const signIn = checkSignIn(bytes, { origin: ctx.origin, account, chainId: await sites.chainId(ctx.origin) });
      // A 32-byte message is what toEthSignedMessageHash(bytes32) signs: a hash, whatever it stands for.
      const request: ApprovalRequest = { kind: 'personal_sign', account, text, hex: bytesToHex(bytes), signIn, blindHash: bytes.length === 32 };
      await approveSigning(ctx, method, account, request);
      const signature = await wallet.signDigest(account, hashPersonalMessage(bytes));
      await record(ctx, method, request, 'approved');
      return signature;
    },

    /** EIP-712 `eth_signTypedData_v4`: checked once, described, signed by its digest. */
    signTypedDataV4(ctx: Ctx, params: unknown): Promise<DappResult<'eth_signTypedData_v4'>> {
      return signTypedData(ctx, params, 'eth_signTypedData_v4', 'v4');
    },

    /**
     * `eth_signTypedData_v3`: shown, checked and signed as v4 is; typed data that uses arrays or a struct
     * containing itself, which only v4 defines, is refused with -32602 (core/typed-data/v3.ts).
     */
    signTypedDataV3(ctx: Ctx, params: unknown): Promise<DappResult<'eth_signTypedData_v3'>> {
      return signTypedData(ctx, params, 'eth_signTypedData_v3', 'v3');
    },
  };
}
