import { dappSuite } from './dapp-suite';

dappSuite('firefox');
