import { faultSuite } from './fault-suite';

faultSuite('chromium');
