import { toFunctionSelector } from 'viem';
import { describe, expect, it } from 'vitest';
import { KNOWN_CALLS_ABI } from '../../../../../src/core/actions/calls/abi';

// The signatures as the contracts declare them (OpenZeppelin 5 IERC20, Votes, Governor, ERC3009; the example
// registry's ShareToken; T-REX IToken), with the selectors published for them.
const SIGNATURES: Record<string, string> = {
  'transfer(address,uint256)': '0xa9059cbb',
  'transferFrom(address,address,uint256)': '0x23b872dd',
  'approve(address,uint256)': '0x095ea7b3',
  'delegate(address)': '0x5c19a95c',
  'delegateBySig(address,uint256,uint256,uint8,bytes32,bytes32)': '0xc3cda520',
  'castVote(uint256,uint8)': '0x56781388',
  'castVoteWithReason(uint256,uint8,string)': '0x7b3c71d3',
  'castVoteWithReasonAndParams(uint256,uint8,string,bytes)': '0x5f398a14',
  'castVoteBySig(uint256,uint8,address,bytes)': '0x8ff262e3',
  'castVoteWithReasonAndParamsBySig(uint256,uint8,address,string,bytes,bytes)': '0x5b8d0e0d',
  'propose(address[],uint256[],bytes[],string)': '0x7d5e81e2',
  'queue(address[],uint256[],bytes[],bytes32)': '0x160cbed7',
  'execute(address[],uint256[],bytes[],bytes32)': '0x2656227d',
  'transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)': '0xe3ee160e',
  'transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,bytes)': '0xcf092995',
  'receiveWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)': '0xef55bec6',
  'batchTransfer(address[],uint256[])': '0x88d695b2',
};

describe('the known calls ABI', () => {
  it('has exactly the selectors of the signatures the contracts declare', () => {
    const fromAbi = KNOWN_CALLS_ABI.map((item) => toFunctionSelector(item)).sort();
    const fromSignatures = Object.keys(SIGNATURES).map((signature) => toFunctionSelector(`function ${signature}`)).sort();
    expect(fromAbi).toEqual(fromSignatures);
  });

  it('computes each signature\'s selector as published', () => {
    for (const [signature, selector] of Object.entries(SIGNATURES)) expect(toFunctionSelector(`function ${signature}`), signature).toBe(selector);
  });
});
