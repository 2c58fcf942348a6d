import { transactionsSuite } from './transactions-suite';

transactionsSuite('chromium');
