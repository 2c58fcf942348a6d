// GET /api/deployment's description of the restricted company (Nordwind Bank, ERC-3643): the server
// adds it only when the chain has it, and the page checks it before building wallet requests from it.
import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { chainBackend, RESTRICTED_COMPANY_NAME } from '../../../example/registry/api/backend';
import type { DeployedRegistry } from '../../../example/registry/chain/deploy';
import type { DeployedRestrictedCompany } from '../../../example/registry/chain/deploy-trex';
import { parseDeployment, RegistryApiError } from '../../../example/registry/src/registry-api';
import { GOVERNOR, TOKEN } from './registry-fixture';

const address = (byte: string): Address => `0x${byte.repeat(20)}`;
const REGISTRY: DeployedRegistry = {
  chainId: 31337, token: TOKEN.address, governor: GOVERNOR.address, company: address('09'), relayer: address('08'),
  holders: [], tokenName: TOKEN.name, tokenSymbol: 'ACME', decimals: 18, governorName: GOVERNOR.name,
  votingDelay: 1, votingPeriod: 50, blockNumber: 10n,
};
const NORDWIND: DeployedRestrictedCompany = {
  chainId: 31337, token: address('a1'), identityRegistry: address('a2'), identityRegistryStorage: address('a3'),
  compliance: address('a4'), claimTopicsRegistry: address('a5'), trustedIssuersRegistry: address('a6'), claimIssuer: address('a7'),
  identityFactory: address('a8'), trexFactory: address('a9'), owner: address('07'), agent: address('09'), agentAccount: 9,
  holders: [], unverified: address('05'), tokenName: 'Nordwind Bank Restricted Shares', tokenSymbol: 'NRDW', decimals: 18,
  kycTopic: 1n, blockNumber: 40n,
};
const rpcUrl = 'http://127.0.0.1:8545';

describe('the deployment the registry\'s server describes', () => {
  it('leaves the restricted company out when the chain does not have it', () => {
    expect(chainBackend({ rpcUrl, deployment: REGISTRY }).deployment()).not.toHaveProperty('restricted');
  });

  it('describes the restricted company\'s token, identity registry, compliance and agent when the chain has it', () => {
    expect(chainBackend({ rpcUrl, deployment: REGISTRY, restricted: NORDWIND }).deployment().restricted).toEqual({
      name: RESTRICTED_COMPANY_NAME,
      token: { address: NORDWIND.token, name: 'Nordwind Bank Restricted Shares', symbol: 'NRDW', decimals: 18 },
      identityRegistry: NORDWIND.identityRegistry,
      compliance: NORDWIND.compliance,
      agent: NORDWIND.agent,
    });
  });
});

describe('the page\'s check of the deployment answer', () => {
  const served = chainBackend({ rpcUrl, deployment: REGISTRY, restricted: NORDWIND }).deployment();

  it('takes a deployment with or without the restricted company, and gives its addresses checksummed', () => {
    const company = served.restricted;
    const lower = (value: Address | undefined) => value?.toLowerCase();
    const parsed = parseDeployment({
      ...served,
      restricted: { ...company, token: { ...company?.token, address: lower(TOKEN.address) }, identityRegistry: lower(GOVERNOR.address) },
    });
    expect(parsed.restricted).toMatchObject({ token: { address: TOKEN.address, symbol: 'NRDW', decimals: 18 }, identityRegistry: GOVERNOR.address });
    const { restricted: _left, ...withoutRestricted } = served;
    expect(parseDeployment(withoutRestricted)).not.toHaveProperty('restricted');
  });

  it('refuses a restricted company without a valid token address, identity registry or decimals', () => {
    const broken = [
      { ...served.restricted, token: { ...served.restricted?.token, address: 'nope' } },
      { ...served.restricted, identityRegistry: undefined },
      { ...served.restricted, token: { ...served.restricted?.token, decimals: '18' } },
      null,
    ];
    for (const restricted of broken) {
      expect(() => parseDeployment({ ...served, restricted }), JSON.stringify(restricted)).toThrow(RegistryApiError);
    }
  });
});
