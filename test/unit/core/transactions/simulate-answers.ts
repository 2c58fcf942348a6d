// eth_simulateV1 answers recorded from anvil 1.7.1 (traceTransfers: true, validation: false) on the example
// registry: the block's header fields the wallet does not read are left out; calls are as the node sent them.
export const HOLDER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
export const SECOND = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
export const ACME = '0x700b6A60ce7EaaEA56F065753d8dcB9653dbAD35';

const block = { number: '0x8', gasLimit: '0x1c9c380', baseFeePerGas: '0x18d191ec', transactions: ['0xe29ec808331f863b682128ec2a4bdc4661c13063cbe12062632a860a468cbdfa'] };

/** Account 0 sends 0x1000 wei to account 1 (a fresh chain). */
export const ETH_SEND = [{
  ...block, number: '0x0', gasUsed: '0x5208',
  calls: [{
    returnData: '0x', gasUsed: '0x5208', status: '0x1',
    logs: [{
      address: '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee',
      topics: [
        '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef',
        '0x000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266',
        '0x00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8',
      ],
      data: '0x0000000000000000000000000000000000000000000000000000000000001000',
      blockNumber: '0x0', logIndex: '0x0', removed: false,
    }],
  }],
}];

/** Account 0 transfers 100 ACME (ERC20Votes) to account 1: a Transfer and two DelegateVotesChanged logs. */
export const ACME_TRANSFER = [{
  ...block, gasUsed: '0x19974',
  calls: [{
    returnData: '0x0000000000000000000000000000000000000000000000000000000000000001',
    logs: [
      {
        address: '0x700b6a60ce7eaaea56f065753d8dcb9653dbad35',
        topics: ['0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef', '0x000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266', '0x00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8'],
        data: '0x0000000000000000000000000000000000000000000000056bc75e2d63100000', logIndex: '0x0', removed: false,
      },
      {
        address: '0x700b6a60ce7eaaea56f065753d8dcb9653dbad35',
        topics: ['0xdec2bacdd2f05b59de34da9b523dff8be42e5e38e818c82fdb0bae774387a724', '0x000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266'],
        data: '0x00000000000000000000000000000000000000000000005150ae84a8cdf0000000000000000000000000000000000000000000000000004be4e7267b6ae00000', logIndex: '0x1', removed: false,
      },
      {
        address: '0x700b6a60ce7eaaea56f065753d8dcb9653dbad35',
        topics: ['0xdec2bacdd2f05b59de34da9b523dff8be42e5e38e818c82fdb0bae774387a724', '0x00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8'],
        data: '0x00000000000000000000000000000000000000000000002b5e3af16b18800000000000000000000000000000000000000000000000000030ca024f987b900000', logIndex: '0x2', removed: false,
      },
    ],
    gasUsed: '0x19974', status: '0x1',
  }],
}];

/** Account 0 tries to transfer 100,000 ACME, more than it holds: ERC20InsufficientBalance. */
export const ACME_TRANSFER_REVERTED = [{
  ...block, gasUsed: '0x602b',
  calls: [{
    returnData: '0xe450d38c000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb9226600000000000000000000000000000000000000000000005150ae84a8cdf0000000000000000000000000000000000000000000000000152d02c7e14af6800000',
    logs: [], gasUsed: '0x602b', status: '0x0', error: { code: -3200, message: 'execution failed' },
  }],
}];
