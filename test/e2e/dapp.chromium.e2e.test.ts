import { dappSuite } from './dapp-suite';

dappSuite('chromium');
