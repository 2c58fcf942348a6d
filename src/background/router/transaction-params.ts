// eth_sendTransaction's params (EIP-1474 transaction object), checked field by field: each problem is
// -32602 naming the field, so a registry developer knows what to fix. The same checks serve the calls of an
// EIP-5792 batch (calls-params.ts). Nothing here talks to a node.
import { toChecksumAddress } from '../../core';
import { MAX_UINT256 } from '../../core/format';
import { ErrorCode, ProviderRpcError } from '../../protocol/eip1193';
import { rpcErrors } from '../rpc-error';
import type { SuggestedFees, TransactionDraft } from '../services/transaction-preparation';
import { paramList } from './dapp-params';

const METHOD = 'eth_sendTransaction';

type Hex = `0x${string}`;

/**
 * A site's transaction request, checked: the draft the preparation takes, with the chain id the site named
 * (undefined when it named none), which the handler compares with the site's chain.
 */
export type TransactionParams = Omit<TransactionDraft, 'chainId'> & { chainId: bigint | undefined };

/** -32602 "<method>: <field> <problem>", for each check below. */
export type FieldProblem = (field: string, problem: string) => ProviderRpcError;

/** The checks of a request's fields, each problem worded for `method` and naming the field. */
export function fieldChecks(method: string) {
  const invalid: FieldProblem = (field, problem) => rpcErrors.invalidParams(`${method}: ${field} ${problem}`);

  /**
   * An EIP-1474 quantity. The spec asks for compact hex; leading zeros are accepted anyway (some libraries
   * pad), but anything not hex is refused, and more than 64 hex digits (above uint256) is refused before
   * BigInt sees it.
   */
  const quantity = (field: string, value: unknown, max = MAX_UINT256): bigint | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || !/^0x[0-9a-fA-F]+$/.test(value)) {
      const got = typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : `a ${typeof value}`;
      throw invalid(field, `must be a 0x-prefixed hex quantity, got ${got}`);
    }
    const digits = value.slice(2).replace(/^0+(?=.)/, '');
    if (digits.length > 64) throw invalid(field, 'has more than 64 hex digits (above 2^256 - 1)');
    const number = BigInt(`0x${digits}`);
    if (number > max) throw invalid(field, `${value} is above the largest allowed, 0x${max.toString(16)}`);
    return number;
  };

  const bytes = (field: string, value: unknown): Hex | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(value)) {
      throw invalid(field, 'must be 0x-prefixed hex with an even number of digits');
    }
    return value.toLowerCase() as Hex;
  };

  const address = (field: string, value: unknown): string => {
    if (typeof value !== 'string') throw invalid(field, 'must be an address: 0x and 40 hex digits');
    try {
      return toChecksumAddress(value);
    } catch (error) {
      throw invalid(field, (error as Error).message);
    }
  };

  return { invalid, quantity, bytes, address };
}

export type FieldChecks = ReturnType<typeof fieldChecks>;

/** What a call does, checked: where it goes (null: a contract creation), the value it sends, its data. */
export interface CallFields {
  to: string | null;
  value: bigint;
  data: Hex;
}

/**
 * A call's `to` and `value` with its (already checked) data, as eth_sendTransaction checks them; `prefix`
 * names where the call is in the request ("calls[1]." in a batch).
 */
export function callFields(checks: FieldChecks, prefix: string, fields: { to: unknown; value: unknown; data: Hex }): CallFields {
  const to = fields.to === undefined || fields.to === null ? null : checks.address(`${prefix}to`, fields.to);
  // Without `to` the data is the code to deploy: with none, the fee would buy an empty contract.
  if (to === null && fields.data === '0x') throw checks.invalid(`${prefix}to`, 'is missing and data is empty: nothing to send and no contract to create');
  return { to, value: checks.quantity(`${prefix}value`, fields.value) ?? 0n, data: fields.data };
}

const checks = fieldChecks(METHOD);
const { invalid, quantity, bytes, address } = checks;

/** `data`, or its alias `input` (the name in go-ethereum's TransactionArgs); both must then agree. */
function calldata(request: Record<string, unknown>): Hex {
  const data = bytes('data', request.data);
  const input = bytes('input', request.input);
  if (data !== undefined && input !== undefined && data !== input) {
    throw invalid('data', 'and input are both given and differ; send one of them');
  }
  return data ?? input ?? '0x';
}

/** EIP-2718 types: 0 legacy and 2 EIP-1559 are signed; the others are refused with the reason. */
function transactionType(value: unknown): 'eip1559' | 'legacy' | undefined {
  const type = quantity('type', value, 0xffn);
  if (type === undefined) return undefined;
  if (type === 0n) return 'legacy';
  if (type === 2n) return 'eip1559';
  const reasons: Record<string, string> = {
    '1': 'is EIP-2930 (access lists), which the wallet does not sign; send type 0x2 without an access list',
    '3': 'is EIP-4844 (blob transactions), which the wallet does not sign',
    '4': 'is EIP-7702 (set code), which the wallet does not sign: it hands control of the account to a contract',
  };
  throw invalid('type', `0x${type.toString(16)} ${reasons[type.toString()] ?? 'is not a transaction type the wallet signs (0x0 or 0x2)'}`);
}

function fees(request: Record<string, unknown>, type: 'eip1559' | 'legacy' | undefined): {
  type: 'eip1559' | 'legacy' | undefined; suggestedFees: SuggestedFees | undefined;
} {
  const gasPrice = quantity('gasPrice', request.gasPrice);
  const maxFeePerGas = quantity('maxFeePerGas', request.maxFeePerGas);
  const maxPriorityFeePerGas = quantity('maxPriorityFeePerGas', request.maxPriorityFeePerGas);
  const eip1559Given = maxFeePerGas !== undefined || maxPriorityFeePerGas !== undefined;
  if (gasPrice !== undefined && eip1559Given) {
    throw invalid('gasPrice', 'cannot be given with maxFeePerGas or maxPriorityFeePerGas: it is legacy, they are EIP-1559');
  }
  if (type === 'legacy' && eip1559Given) throw invalid('maxFeePerGas', 'and maxPriorityFeePerGas do not belong in a type 0x0 (legacy) transaction');
  if (type === 'eip1559' && gasPrice !== undefined) throw invalid('gasPrice', 'does not belong in a type 0x2 transaction; use maxFeePerGas');
  if (maxFeePerGas !== undefined && maxPriorityFeePerGas !== undefined && maxPriorityFeePerGas > maxFeePerGas) {
    throw invalid('maxPriorityFeePerGas', `0x${maxPriorityFeePerGas.toString(16)} is above maxFeePerGas 0x${maxFeePerGas.toString(16)} (EIP-1559)`);
  }
  if (gasPrice !== undefined) return { type, suggestedFees: { type: 'legacy', gasPrice } };
  if (eip1559Given) return { type, suggestedFees: { type: 'eip1559', maxFeePerGas, maxPriorityFeePerGas } };
  return { type, suggestedFees: undefined };
}

/**
 * Checks eth_sendTransaction's one param. Fields the wallet does not know are ignored, as MetaMask does
 * (it keeps only the fields it normalises): libraries add their own (web3.js `chain`, `hardfork`), and
 * ethers v5 sends `gasLimit` beside `gas`; ignoring them changes nothing that is signed.
 * @throws ProviderRpcError -32602 naming the field; 4200 for an EIP-7702 authorizationList.
 */
export function transactionParams(params: unknown): TransactionParams {
  const [request] = paramList(METHOD, params, 1);
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    throw rpcErrors.invalidParams(`${METHOD}: param 1 must be a transaction object`);
  }
  const fields = request as Record<string, unknown>;
  if (fields.authorizationList !== undefined && fields.authorizationList !== null) {
    throw new ProviderRpcError(ErrorCode.unsupportedMethod,
      `${METHOD}: the wallet does not sign EIP-7702 authorizations: they hand control of the account to a contract`);
  }
  const accessList = fields.accessList;
  if (accessList !== undefined && accessList !== null && !(Array.isArray(accessList) && accessList.length === 0)) {
    throw invalid('accessList', 'must be empty or absent: the wallet signs no EIP-2930 access lists');
  }
  if (fields.from === undefined || fields.from === null) throw invalid('from', 'is required: the account that sends');
  const type = transactionType(fields.type);
  const call = callFields(checks, '', { to: fields.to, value: fields.value, data: calldata(fields) });
  return {
    from: address('from', fields.from),
    ...call,
    gas: quantity('gas', fields.gas, 2n ** 64n - 1n),
    nonce: quantity('nonce', fields.nonce, 2n ** 64n - 2n),
    ...fees(fields, type),
    chainId: quantity('chainId', fields.chainId),
  };
}
