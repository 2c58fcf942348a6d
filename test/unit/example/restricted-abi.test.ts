// The page's written-out ERC-3643 ABI (the bundle cannot read the T-REX package's artifacts) must match
// what T-REX 4 really declares, or its reads of the restricted cap table would call nothing.
import { describe, expect, it } from 'vitest';
import { erc20Abi, toEventSelector, toFunctionSelector, type Abi, type AbiEvent, type AbiFunction } from 'viem';
import { trexArtifacts } from '../../../example/registry/chain/trex-artifacts';
import { identityRegistryAbi, restrictedTokenAbi } from '../../../example/registry/src/restricted-abi';

const functions = (abi: Abi) => abi.filter((item): item is AbiFunction => item.type === 'function').map((item) => toFunctionSelector(item));
const events = (abi: Abi) => abi.filter((item): item is AbiEvent => item.type === 'event').map((item) => toEventSelector(item));

describe('the ERC-3643 functions the registry page calls', () => {
  it('are all in the T-REX Token and IdentityRegistry ABIs of the package', async () => {
    const artifacts = await trexArtifacts();
    for (const selector of functions(restrictedTokenAbi)) expect(functions(artifacts.Token.abi)).toContain(selector);
    for (const selector of functions(identityRegistryAbi)) expect(functions(artifacts.IdentityRegistry.abi)).toContain(selector);
  });

  it('include ERC-20\'s transfer, balanceOf, totalSupply and Transfer event, which the page calls through viem\'s erc20Abi', async () => {
    const { Token } = await trexArtifacts();
    const used = erc20Abi.filter((item) => item.type === 'event' || ['transfer', 'balanceOf', 'totalSupply'].includes(item.name));
    for (const selector of functions(used)) expect(functions(Token.abi)).toContain(selector);
    expect(events(Token.abi)).toContain(events(erc20Abi.filter((item) => item.type === 'event' && item.name === 'Transfer'))[0]);
  });
});
